package org.paddock.policy;

/**
 * One answer of a decision: a rule checked against the subject, in Greenwave's vocabulary.
 *
 * <p>Types: {@code test-result-passed}, {@code test-result-failed}, {@code test-result-errored},
 * {@code test-result-missing} (also for an incomplete QUEUED/RUNNING result, which then has a
 * {@code resultId}, as in Greenwave), each unsatisfied one with a {@code -waived} twin; Paddock's
 * {@code karma-satisfied} and {@code karma-too-low}; {@code remote-rule-unsupported}.
 *
 * @param resultId      the result the answer is based on, or {@code null}
 * @param outcome       that result's outcome, or {@code null}
 * @param waiverId      the waiver that excused it, or {@code null}
 * @param requiredKarma for karma answers, the karma required
 * @param actualKarma   for karma answers, the subject's karma
 * @param summary       one line saying why, e.g. {@code dist.abicheck failed (result 42)}
 */
public record Requirement(String type, String testcase, String scenario, String subjectType, String subjectIdentifier,
                          Long resultId, String outcome, Long waiverId, Integer requiredKarma, Integer actualKarma,
                          String summary) {

    public static final String PASSED = "test-result-passed";
    public static final String FAILED = "test-result-failed";
    public static final String ERRORED = "test-result-errored";
    public static final String MISSING = "test-result-missing";
    public static final String WAIVED_SUFFIX = "-waived";
    public static final String KARMA_SATISFIED = "karma-satisfied";
    public static final String KARMA_TOO_LOW = "karma-too-low";
    public static final String REMOTE_RULE_UNSUPPORTED = "remote-rule-unsupported";
    /** Greenwave's answer for a gating.yaml it could not read; Paddock never produces it but can summarize it. */
    static final String INVALID_GATING_YAML = "invalid-gating-yaml";

    /** A {@code test-result-missing} answer that has a QUEUED or RUNNING result. */
    public boolean incomplete() {
        return type.startsWith(MISSING) && resultId != null;
    }

    public boolean waived() {
        return waiverId != null;
    }

    /** Whether this is the answer about one test case (counted in "Of N required tests"). */
    public boolean aboutTest() {
        return type.startsWith("test-result-");
    }

    Requirement waivedBy(Waiver waiver) {
        String who = waiver.username() == null ? "" : " by " + waiver.username();
        String why = waiver.comment() == null || waiver.comment().isBlank() ? "" : ": " + waiver.comment();
        return new Requirement(type + WAIVED_SUFFIX, testcase, scenario, subjectType, subjectIdentifier, resultId,
                outcome, waiver.id(), requiredKarma, actualKarma,
                summary + ", waived (waiver " + waiver.id() + who + why + ")");
    }
}

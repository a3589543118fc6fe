package org.paddock.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a subject passes a gate, the way Greenwave does, with Paddock's karma rule and status word.
 * Plain Java: no clock, no I/O; everything it needs is an argument.
 */
public final class PolicyEngine {

    private static final Set<String> OUTCOMES_PASSED = Set.of("PASSED", "INFO");
    private static final Set<String> OUTCOMES_INCOMPLETE = Set.of("QUEUED", "RUNNING");
    private static final Set<String> OUTCOMES_ERRORED = Set.of("ERROR");

    /** Latest first: newest {@code submittedAt}, then highest id. */
    private static final Comparator<GatingResult> NEWEST_FIRST = Comparator
            .comparing(GatingResult::submittedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(GatingResult::id)
            .reversed();
    private static final Comparator<Waiver> NEWEST_WAIVER_FIRST = Comparator
            .comparing(Waiver::timestamp, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(Waiver::id)
            .reversed();

    private PolicyEngine() {
    }

    /** {@link #decide(Subject, String, String, List, List, List, int, Instant, Duration, boolean)} with no missing-result timeout and no policy meaning "not gated, but not passed" either. */
    public static Decision decide(Subject subject, String decisionContext, String productVersion,
                                  List<GatingResult> results, List<Waiver> waivers, List<Policy> policies,
                                  int karma, Instant now) {
        return decide(subject, decisionContext, productVersion, results, waivers, policies, karma, now, null, false);
    }

    /**
     * The decision for {@code subject} at {@code decisionContext} in {@code productVersion}.
     *
     * @param results             the subject's results, in any order (the latest per test case and scenario counts)
     * @param waivers             the subject's waivers, in any order (the newest matching one counts)
     * @param karma               the subject's karma, for {@link MinimumKarma} rules
     * @param now                 the instant of the decision (rule validity windows, missing timeout)
     * @param missingTimeout      when not {@code null} and {@code now} is past {@code subject.since() + missingTimeout},
     *                            missing or incomplete results make the status {@code failed} rather than
     *                            {@code waiting} (their requirement type stays {@code test-result-missing})
     * @param ignoreMissingPolicy Greenwave's subject-type switch: when no policy applies the subject is satisfied
     *                            ("No tests are required"); otherwise it is not, and the summary says no
     *                            policy applies. The status is {@code ignored} either way.
     */
    public static Decision decide(Subject subject, String decisionContext, String productVersion,
                                  List<GatingResult> results, List<Waiver> waivers, List<Policy> policies,
                                  int karma, Instant now, Duration missingTimeout, boolean ignoreMissingPolicy) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(now, "now");
        if (decisionContext == null || decisionContext.isBlank()) {
            throw new IllegalArgumentException("decision: decision context must not be empty");
        }
        if (productVersion == null || productVersion.isBlank()) {
            throw new IllegalArgumentException("decision: product version must not be empty");
        }
        List<Policy> applicable = policies.stream()
                .filter(policy -> policy.appliesTo(subject, decisionContext, productVersion))
                .toList();
        List<String> ids = applicable.stream().map(Policy::id).toList();
        if (applicable.isEmpty()) {
            String summary = ignoreMissingPolicy ? "No tests are required"
                    : "Found no applicable policies for " + subject.type() + " subjects at gating point(s) "
                    + decisionContext + " in " + productVersion;
            return new Decision(ignoreMissingPolicy, summary, List.of(), List.of(), ids, Decision.IGNORED);
        }

        Set<Requirement> answers = new LinkedHashSet<>();
        for (Policy policy : applicable) {
            for (Rule rule : policy.rules()) {
                check(rule, policy, subject, results, karma, now).ifPresent(answers::add);
            }
        }
        List<Requirement> all = waive(List.copyOf(answers), waivers);
        List<Requirement> satisfied = all.stream().filter(PolicyEngine::isSatisfied).toList();
        List<Requirement> unsatisfied = all.stream().filter(a -> !isSatisfied(a)).toList();
        return new Decision(unsatisfied.isEmpty(), summarize(all), satisfied, unsatisfied, ids,
                status(unsatisfied, subject, now, missingTimeout));
    }

    private static Optional<Requirement> check(Rule rule, Policy policy, Subject subject, List<GatingResult> results,
                                               int karma, Instant now) {
        if (rule instanceof PassingTestCase passing) {
            return passing.validAt(now) ? Optional.of(checkTest(passing, subject, results)) : Optional.empty();
        }
        if (rule instanceof MinimumKarma minimum) {
            return Optional.of(karma >= minimum.karma()
                    ? karmaAnswer(Requirement.KARMA_SATISFIED, subject, minimum.karma(), karma,
                            "karma " + karma + " meets the required " + minimum.karma())
                    : karmaAnswer(Requirement.KARMA_TOO_LOW, subject, minimum.karma(), karma,
                            "karma " + karma + " is below the required " + minimum.karma()));
        }
        if (rule instanceof RemoteRule) {
            return Optional.of(new Requirement(Requirement.REMOTE_RULE_UNSUPPORTED, null, null,
                    subject.type(), subject.identifier(), null, null, null, null, null,
                    "policy '" + policy.id() + "' has a !RemoteRule, which Paddock cannot check: it does not fetch gating.yaml"));
        }
        throw new IllegalStateException("unknown rule kind " + rule.getClass().getSimpleName());
    }

    private static Requirement checkTest(PassingTestCase rule, Subject subject, List<GatingResult> results) {
        String name = rule.scenario() == null ? rule.testCase() : rule.testCase() + " [" + rule.scenario() + "]";
        Optional<GatingResult> latest = results.stream()
                .filter(r -> r.testcase().equals(rule.testCase()))
                .filter(r -> rule.scenario() == null || rule.scenario().equals(r.scenario()))
                .min(NEWEST_FIRST);
        if (latest.isEmpty()) {
            return testAnswer(Requirement.MISSING, rule, subject, null, name + " has no result");
        }
        GatingResult result = latest.get();
        String outcome = result.outcome();
        String ref = "(result " + result.id() + ")";
        if (OUTCOMES_PASSED.contains(outcome)) {
            return testAnswer(Requirement.PASSED, rule, subject, result,
                    name + " passed " + ("PASSED".equals(outcome) ? "" : "with " + outcome + " ") + ref);
        }
        if (OUTCOMES_INCOMPLETE.contains(outcome)) {
            return testAnswer(Requirement.MISSING, rule, subject, result, name + " is incomplete: " + outcome + " " + ref);
        }
        if (OUTCOMES_ERRORED.contains(outcome)) {
            return testAnswer(Requirement.ERRORED, rule, subject, result, name + " errored " + ref);
        }
        return testAnswer(Requirement.FAILED, rule, subject, result,
                name + " failed " + ("FAILED".equals(outcome) ? "" : "with " + outcome + " ") + ref);
    }

    private static Requirement testAnswer(String type, PassingTestCase rule, Subject subject, GatingResult result, String summary) {
        // The answer names the result's scenario when the rule accepts any (as Greenwave does).
        String scenario = rule.scenario() != null || result == null ? rule.scenario() : result.scenario();
        return new Requirement(type, rule.testCase(), scenario, subject.type(), subject.identifier(),
                result == null ? null : result.id(), result == null ? null : result.outcome(), null, null, null, summary);
    }

    private static Requirement karmaAnswer(String type, Subject subject, int required, int actual, String summary) {
        return new Requirement(type, null, null, subject.type(), subject.identifier(), null, null, null,
                required, actual, summary);
    }

    static boolean isSatisfied(Requirement answer) {
        return answer.type().equals(Requirement.PASSED) || answer.type().endsWith(Requirement.WAIVED_SUFFIX)
                || answer.type().equals(Requirement.KARMA_SATISFIED);
    }

    /**
     * Applies {@code waivers} to the unsatisfied test answers among {@code answers}: for each, the newest waiver
     * of the same subject and test case (whose scenario is the answer's or none) decides; if it waives, the
     * answer becomes {@code <type>-waived} with the waiver's id. Like Greenwave, a waived
     * {@code invalid-gating-yaml} answer is dropped. Other answers are returned unchanged, in order.
     */
    static List<Requirement> waive(List<Requirement> answers, List<Waiver> waivers) {
        List<Requirement> out = new ArrayList<>(answers.size());
        for (Requirement answer : answers) {
            if (isSatisfied(answer) || answer.testcase() == null) {
                out.add(answer);
                continue;
            }
            Optional<Waiver> newest = waivers.stream().filter(w -> w.covers(answer)).min(NEWEST_WAIVER_FIRST);
            if (newest.isEmpty() || !newest.get().waived()) {
                out.add(answer);
            } else if (!answer.type().equals(Requirement.INVALID_GATING_YAML)) {
                out.add(answer.waivedBy(newest.get()));
            }
        }
        return out;
    }

    /**
     * Greenwave's summary of the answers: "No tests are required", "All required tests (N total) have passed or
     * been waived" or "Of N required test(s), a result(s) missing, b test(s) errored, c test(s) failed,
     * d test(s) incomplete" (parts with zero left out), preceded by what is wrong beside tests (invalid
     * gating.yaml, Paddock's karma and remote rule answers), joined with ". ".
     */
    static String summarize(List<Requirement> answers) {
        if (answers.isEmpty()) {
            return "No tests are required";
        }
        List<String> parts = new ArrayList<>();
        long invalid = answers.stream().filter(a -> a.type().equals(Requirement.INVALID_GATING_YAML)).count();
        if (invalid > 0) {
            parts.add(invalid + (invalid == 1 ? " error" : " errors") + " due to invalid remote rule file");
        }
        long remote = answers.stream().filter(a -> a.type().equals(Requirement.REMOTE_RULE_UNSUPPORTED)).count();
        if (remote > 0) {
            parts.add(remote + (remote == 1 ? " remote rule" : " remote rules") + " not supported (Paddock does not fetch gating.yaml)");
        }
        answers.stream().filter(a -> a.type().equals(Requirement.KARMA_TOO_LOW)).findFirst()
                .ifPresent(a -> parts.add("Karma " + a.actualKarma() + " is below the required " + a.requiredKarma()));

        List<Requirement> tests = answers.stream().filter(Requirement::aboutTest).toList();
        if (!tests.isEmpty()) {
            long missing = count(tests, a -> a.type().equals(Requirement.MISSING) && !a.incomplete());
            long incomplete = count(tests, a -> a.type().equals(Requirement.MISSING) && a.incomplete());
            long errored = count(tests, a -> a.type().equals(Requirement.ERRORED));
            long failed = count(tests, a -> a.type().equals(Requirement.FAILED));
            if (missing + incomplete + errored + failed == 0) {
                parts.add("All required tests (" + tests.size() + " total) have passed or been waived");
            } else {
                // Greenwave sorts its templates "result(s) missing" < "test(s) errored" < "test(s) failed" < "test(s) incomplete".
                List<String> counts = new ArrayList<>();
                addCount(counts, missing, "result missing", "results missing");
                addCount(counts, errored, "test errored", "tests errored");
                addCount(counts, failed, "test failed", "tests failed");
                addCount(counts, incomplete, "test incomplete", "tests incomplete");
                parts.add("Of " + tests.size() + (tests.size() == 1 ? " required test, " : " required tests, ")
                        + String.join(", ", counts));
            }
        }
        return parts.isEmpty() ? "No tests are required" : String.join(". ", parts);
    }

    private static long count(List<Requirement> answers, java.util.function.Predicate<Requirement> which) {
        return answers.stream().filter(which).count();
    }

    private static void addCount(List<String> counts, long n, String one, String many) {
        if (n > 0) {
            counts.add(n + " " + (n == 1 ? one : many));
        }
    }

    private static String status(List<Requirement> unsatisfied, Subject subject, Instant now, Duration missingTimeout) {
        if (unsatisfied.isEmpty()) {
            return Decision.PASSED;
        }
        boolean timedOut = missingTimeout != null && subject.since() != null
                && now.isAfter(subject.since().plus(missingTimeout));
        for (Requirement answer : unsatisfied) {
            boolean waitable = answer.type().equals(Requirement.KARMA_TOO_LOW)
                    || (answer.type().equals(Requirement.MISSING) && !timedOut);
            if (!waitable) {
                return Decision.FAILED;
            }
        }
        return Decision.WAITING;
    }
}

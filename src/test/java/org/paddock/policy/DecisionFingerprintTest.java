package org.paddock.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a real change of a decision: the gate, the status, which requirement stands how — not ids. */
class DecisionFingerprintTest {

    private static Requirement req(String type, String testcase, String scenario, Long resultId, Long waiverId) {
        return new Requirement(type, testcase, scenario, "paddock_update", "PADDOCK-2026-0000000001", resultId,
                null, waiverId, null, null, testcase + " " + type + " (result " + resultId + ")");
    }

    private static Decision failed(long resultId) {
        return new Decision(false, "Of 1 required test, 1 test failed", List.of(),
                List.of(req(Requirement.FAILED, "ci.tier0", null, resultId, null)), List.of("p"), Decision.FAILED);
    }

    @Test
    void aReRunWithTheSameOutcomeIsNoChange() {
        assertThat(DecisionFingerprint.of(failed(1))).isEqualTo(DecisionFingerprint.of(failed(2)));
    }

    @Test
    void theSummaryTextAndRequirementOrderAreNoChange() {
        Decision a = new Decision(false, "x", List.of(req(Requirement.PASSED, "a", null, 1L, null)),
                List.of(req(Requirement.MISSING, "b", null, null, null)), List.of("p"), Decision.WAITING);
        Decision b = new Decision(false, "y", List.of(req(Requirement.PASSED, "a", null, 9L, null)),
                List.of(req(Requirement.MISSING, "b", null, null, null)), List.of("p", "q"), Decision.WAITING);
        assertThat(DecisionFingerprint.of(a)).isEqualTo(DecisionFingerprint.of(b));
    }

    @Test
    void aWaiverAnotherScenarioOrAnotherStatusIsAChange() {
        String base = DecisionFingerprint.of(failed(1));
        Decision waived = new Decision(true, "waived", List.of(req(Requirement.FAILED + Requirement.WAIVED_SUFFIX,
                "ci.tier0", null, 1L, 5L)), List.of(), List.of("p"), Decision.PASSED);
        Decision scenario = new Decision(false, "s", List.of(),
                List.of(req(Requirement.FAILED, "ci.tier0", "cloud", 1L, null)), List.of("p"), Decision.FAILED);
        Decision timedOut = new Decision(false, "m", List.of(),
                List.of(req(Requirement.MISSING, "ci.tier0", null, null, null)), List.of("p"), Decision.FAILED);
        Decision missing = new Decision(false, "m", List.of(),
                List.of(req(Requirement.MISSING, "ci.tier0", null, null, null)), List.of("p"), Decision.WAITING);
        assertThat(List.of(base, DecisionFingerprint.of(waived), DecisionFingerprint.of(scenario),
                DecisionFingerprint.of(timedOut), DecisionFingerprint.of(missing))).doesNotHaveDuplicates();
    }

    @Test
    void aRunningTestIsStillWaiting() {
        Decision missing = new Decision(false, "m", List.of(),
                List.of(req(Requirement.MISSING, "ci.tier0", null, null, null)), List.of("p"), Decision.WAITING);
        Decision running = new Decision(false, "m", List.of(),
                List.of(req(Requirement.MISSING, "ci.tier0", null, 7L, null)), List.of("p"), Decision.WAITING);
        assertThat(DecisionFingerprint.of(missing)).isEqualTo(DecisionFingerprint.of(running));
    }

    @Test
    void whichBuildPassesAndWhichFailsIsAChange() {
        Requirement aFails = new Requirement(Requirement.FAILED, "ci.rpm", null, "rpm_build", "a-1-1", 1L, null, null,
                null, null, "ci.rpm failed");
        Requirement bPasses = new Requirement(Requirement.PASSED, "ci.rpm", null, "rpm_build", "b-1-1", 2L, null, null,
                null, null, "ci.rpm passed");
        Requirement aPasses = new Requirement(Requirement.PASSED, "ci.rpm", null, "rpm_build", "a-1-1", 3L, null, null,
                null, null, "ci.rpm passed");
        Requirement bFails = new Requirement(Requirement.FAILED, "ci.rpm", null, "rpm_build", "b-1-1", 4L, null, null,
                null, null, "ci.rpm failed");
        Decision before = new Decision(false, "s", List.of(bPasses), List.of(aFails), List.of("p"), Decision.FAILED);
        Decision after = new Decision(false, "s", List.of(aPasses), List.of(bFails), List.of("p"), Decision.FAILED);
        assertThat(DecisionFingerprint.of(before)).isNotEqualTo(DecisionFingerprint.of(after));
    }
}

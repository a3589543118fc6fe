package org.paddock.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several subjects' decisions at one gate as one: an update with its builds, or a Greenwave subject list. */
class DecisionTest {

    private static Requirement req(String type, String testcase, String subjectType, String subject) {
        return new Requirement(type, testcase, null, subjectType, subject, null, null, null, null, null,
                testcase + " " + type);
    }

    private static Decision decision(String status, List<String> policies, List<Requirement> ok, List<Requirement> notOk) {
        return new Decision(notOk.isEmpty() && !policies.isEmpty(), status + " summary", ok, notOk, policies, status);
    }

    private static final Decision IGNORED = decision(Decision.IGNORED, List.of(), List.of(), List.of());
    private static final Decision PASSED_UPDATE = decision(Decision.PASSED, List.of("update-policy"),
            List.of(req("test-result-passed", "ci.tier0", "paddock_update", "PADDOCK-1")), List.of());
    private static final Decision WAITING_BUILD = decision(Decision.WAITING, List.of("build-policy"), List.of(),
            List.of(req("test-result-missing", "ci.module", "module_build", "a:1:1:c:x86_64")));
    private static final Decision FAILED_RPM = decision(Decision.FAILED, List.of("rpm-policy", "build-policy"), List.of(),
            List.of(req("test-result-failed", "ci.rpm", "rpm_build", "a-1-1")));

    @Test
    void noPolicyForAnySubjectLeavesTheFirstSubjectsIgnoredDecision() {
        Decision other = new Decision(false, "other", List.of(), List.of(), List.of(), Decision.IGNORED);
        assertThat(Decision.combine(List.of(IGNORED, other))).isSameAs(IGNORED);
    }

    @Test
    void subjectsNoPolicyAppliesToDoNotCount() {
        assertThat(Decision.combine(List.of(IGNORED, PASSED_UPDATE, IGNORED))).isSameAs(PASSED_UPDATE);
        assertThat(Decision.combine(List.of(IGNORED, WAITING_BUILD)).status()).isEqualTo(Decision.WAITING);
    }

    @Test
    void allMustBeSatisfiedTheWorstStatusWinsAndEveryRequirementIsKept() {
        Decision d = Decision.combine(List.of(PASSED_UPDATE, WAITING_BUILD));
        assertThat(d.policiesSatisfied()).isFalse();
        assertThat(d.status()).isEqualTo(Decision.WAITING);
        assertThat(d.satisfied()).extracting(Requirement::testcase).containsExactly("ci.tier0");
        assertThat(d.unsatisfied()).extracting(Requirement::testcase).containsExactly("ci.module");
        assertThat(d.summary()).isEqualTo("passed summary; waiting summary");

        Decision worst = Decision.combine(List.of(PASSED_UPDATE, WAITING_BUILD, FAILED_RPM));
        assertThat(worst.status()).isEqualTo(Decision.FAILED);
        assertThat(worst.unsatisfied()).extracting(Requirement::subjectType).containsExactly("module_build", "rpm_build");
        assertThat(worst.applicablePolicies()).containsExactly("update-policy", "build-policy", "rpm-policy");
    }

    @Test
    void satisfiedOnlyWhenEverySubjectWithAPolicyIs() {
        Decision alsoPassed = decision(Decision.PASSED, List.of("build-policy"),
                List.of(req("test-result-passed", "ci.module", "module_build", "a:1:1:c:x86_64")), List.of());
        Decision d = Decision.combine(List.of(PASSED_UPDATE, IGNORED, alsoPassed));
        assertThat(d.policiesSatisfied()).isTrue();
        assertThat(d.status()).isEqualTo(Decision.PASSED);
        assertThat(d.satisfied()).hasSize(2);
    }

    @Test
    void nothingToCombineIsAMistake() {
        assertThatThrownBy(() -> Decision.combine(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

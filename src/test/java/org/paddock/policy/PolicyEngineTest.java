package org.paddock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Paddock's own decision table: one row per behaviour. */
class PolicyEngineTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Subject NGINX = new Subject("module_build", "nginx-1.24-4520260301.abcd1234", "nginx:1.24",
            NOW.minus(Duration.ofDays(3)));
    static final String ID = NGINX.identifier();

    static Policy policy(Rule... rules) {
        return new Policy("tier0", List.of("F4*"), List.of("push_stable"), "module_build", List.of(), List.of(), List.of(rules));
    }

    static GatingResult result(long id, String testcase, String outcome) {
        return result(id, testcase, outcome, null);
    }

    static GatingResult result(long id, String testcase, String outcome, String scenario) {
        return new GatingResult(id, testcase, outcome, scenario, NOW.minusSeconds(1000 - id));
    }

    static Waiver waiver(long id, String testcase, String scenario, boolean waived) {
        return new Waiver(id, "module_build", ID, testcase, scenario, waived, "known flake", "alice", NOW.minusSeconds(500 - id));
    }

    /** One row: what goes in, what comes out. */
    record Row(String name, List<Policy> policies, List<GatingResult> results, List<Waiver> waivers, int karma,
               String status, List<String> satisfied, List<String> unsatisfied, String summary) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Row row(String name, Policy policy, List<GatingResult> results, List<Waiver> waivers, String status,
                   List<String> satisfied, List<String> unsatisfied, String summary) {
        return new Row(name, List.of(policy), results, waivers, 0, status, satisfied, unsatisfied, summary);
    }

    static final PassingTestCase TIER0 = new PassingTestCase("ci.tier0");
    static final String P = "test-result-passed", F = "test-result-failed", E = "test-result-errored",
            M = "test-result-missing";

    static Stream<Row> rows() {
        Instant oct2 = Instant.parse("2026-03-01T00:00:00Z");
        return Stream.of(
                row("PASSED passes", policy(TIER0), List.of(result(1, "ci.tier0", "PASSED")), List.of(),
                        "passed", List.of(P), List.of(), "All required tests (1 total) have passed or been waived"),
                row("INFO passes", policy(TIER0), List.of(result(1, "ci.tier0", "INFO")), List.of(),
                        "passed", List.of(P), List.of(), "All required tests (1 total) have passed or been waived"),
                row("FAILED fails", policy(TIER0), List.of(result(42, "ci.tier0", "FAILED")), List.of(),
                        "failed", List.of(), List.of(F), "Of 1 required test, 1 test failed"),
                row("NEEDS_INSPECTION fails", policy(TIER0), List.of(result(1, "ci.tier0", "NEEDS_INSPECTION")), List.of(),
                        "failed", List.of(), List.of(F), "Of 1 required test, 1 test failed"),
                row("ERROR errors", policy(TIER0), List.of(result(1, "ci.tier0", "ERROR")), List.of(),
                        "failed", List.of(), List.of(E), "Of 1 required test, 1 test errored"),
                row("QUEUED is incomplete: missing type, waiting", policy(TIER0), List.of(result(1, "ci.tier0", "QUEUED")), List.of(),
                        "waiting", List.of(), List.of(M), "Of 1 required test, 1 test incomplete"),
                row("RUNNING is incomplete", policy(TIER0), List.of(result(1, "ci.tier0", "RUNNING")), List.of(),
                        "waiting", List.of(), List.of(M), "Of 1 required test, 1 test incomplete"),
                row("no result is missing, waiting", policy(TIER0), List.of(), List.of(),
                        "waiting", List.of(), List.of(M), "Of 1 required test, 1 result missing"),
                row("a result of another test case does not count", policy(TIER0), List.of(result(1, "ci.tier1", "PASSED")), List.of(),
                        "waiting", List.of(), List.of(M), "Of 1 required test, 1 result missing"),
                row("latest result wins: passed then failed", policy(TIER0),
                        List.of(result(1, "ci.tier0", "PASSED"), result(2, "ci.tier0", "FAILED")), List.of(),
                        "failed", List.of(), List.of(F), "Of 1 required test, 1 test failed"),
                row("latest result wins: failed then passed", policy(TIER0),
                        List.of(result(1, "ci.tier0", "FAILED"), result(2, "ci.tier0", "PASSED")), List.of(),
                        "passed", List.of(P), List.of(), "All required tests (1 total) have passed or been waived"),
                row("latest by submission time, whatever the list order", policy(TIER0),
                        List.of(result(2, "ci.tier0", "PASSED"), result(1, "ci.tier0", "FAILED")), List.of(),
                        "passed", List.of(P), List.of(), "All required tests (1 total) have passed or been waived"),
                row("still running after a failure: failed is replaced by incomplete", policy(TIER0),
                        List.of(result(1, "ci.tier0", "FAILED"), result(2, "ci.tier0", "RUNNING")), List.of(),
                        "waiting", List.of(), List.of(M), "Of 1 required test, 1 test incomplete"),
                row("scenario rule ignores other scenarios", policy(new PassingTestCase("install", "uefi")),
                        List.of(result(1, "install", "PASSED", "bios")), List.of(),
                        "waiting", List.of(), List.of(M), "Of 1 required test, 1 result missing"),
                row("scenario rules: latest per scenario", policy(new PassingTestCase("install", "uefi"), new PassingTestCase("install", "bios")),
                        List.of(result(1, "install", "FAILED", "uefi"), result(2, "install", "PASSED", "bios"), result(3, "install", "PASSED", "uefi")), List.of(),
                        "passed", List.of(P, P), List.of(), "All required tests (2 total) have passed or been waived"),
                row("scenario-less rule takes the latest result whatever its scenario", policy(TIER0),
                        List.of(result(1, "ci.tier0", "PASSED", "bios"), result(2, "ci.tier0", "FAILED", "uefi")), List.of(),
                        "failed", List.of(), List.of(F), "Of 1 required test, 1 test failed"),
                row("valid_until in the past: rule no longer applies", policy(new PassingTestCase("old", null, null, oct2)),
                        List.of(), List.of(), "passed", List.of(), List.of(), "No tests are required"),
                row("valid_until in the future: rule applies", policy(new PassingTestCase("old", null, null, NOW.plusSeconds(1))),
                        List.of(), List.of(), "waiting", List.of(), List.of(M), "Of 1 required test, 1 result missing"),
                row("valid_since is inclusive", policy(new PassingTestCase("new", null, NOW, null)),
                        List.of(), List.of(), "waiting", List.of(), List.of(M), "Of 1 required test, 1 result missing"),
                row("valid_until is exclusive", policy(new PassingTestCase("old", null, null, NOW)),
                        List.of(), List.of(), "passed", List.of(), List.of(), "No tests are required"),
                row("valid_since in the future: rule does not apply yet", policy(new PassingTestCase("new", null, NOW.plusSeconds(1), null)),
                        List.of(), List.of(), "passed", List.of(), List.of(), "No tests are required"),
                row("waived failure", policy(TIER0), List.of(result(1, "ci.tier0", "FAILED")), List.of(waiver(7, "ci.tier0", null, true)),
                        "passed", List.of(F + "-waived"), List.of(), "All required tests (1 total) have passed or been waived"),
                row("waived missing", policy(TIER0), List.of(), List.of(waiver(7, "ci.tier0", null, true)),
                        "passed", List.of(M + "-waived"), List.of(), "All required tests (1 total) have passed or been waived"),
                row("waived errored", policy(TIER0), List.of(result(1, "ci.tier0", "ERROR")), List.of(waiver(7, "ci.tier0", null, true)),
                        "passed", List.of(E + "-waived"), List.of(), "All required tests (1 total) have passed or been waived"),
                row("waived incomplete", policy(TIER0), List.of(result(1, "ci.tier0", "QUEUED")), List.of(waiver(7, "ci.tier0", null, true)),
                        "passed", List.of(M + "-waived"), List.of(), "All required tests (1 total) have passed or been waived"),
                row("a passed test needs no waiver", policy(TIER0), List.of(result(1, "ci.tier0", "PASSED")), List.of(waiver(7, "ci.tier0", null, true)),
                        "passed", List.of(P), List.of(), "All required tests (1 total) have passed or been waived"),
                row("scenario-less waiver covers every scenario", policy(new PassingTestCase("install", "uefi"), new PassingTestCase("install", "bios")),
                        List.of(result(1, "install", "FAILED", "uefi"), result(2, "install", "FAILED", "bios")), List.of(waiver(7, "install", null, true)),
                        "passed", List.of(F + "-waived", F + "-waived"), List.of(), "All required tests (2 total) have passed or been waived"),
                row("waiver for one scenario leaves the other", policy(new PassingTestCase("install", "uefi"), new PassingTestCase("install", "bios")),
                        List.of(result(1, "install", "FAILED", "uefi"), result(2, "install", "FAILED", "bios")), List.of(waiver(7, "install", "bios", true)),
                        "failed", List.of(F + "-waived"), List.of(F), "Of 2 required tests, 1 test failed"),
                row("revoked waiver (newer waived=false)", policy(TIER0), List.of(result(1, "ci.tier0", "FAILED")),
                        List.of(waiver(7, "ci.tier0", null, true), waiver(8, "ci.tier0", null, false)),
                        "failed", List.of(), List.of(F), "Of 1 required test, 1 test failed"),
                row("newest waiver wins: revoked then waived again", policy(TIER0), List.of(result(1, "ci.tier0", "FAILED")),
                        List.of(waiver(9, "ci.tier0", null, true), waiver(7, "ci.tier0", null, true), waiver(8, "ci.tier0", null, false)),
                        "passed", List.of(F + "-waived"), List.of(), "All required tests (1 total) have passed or been waived"),
                row("newer scenario revocation beats older scenario-less waiver", policy(new PassingTestCase("install", "uefi")),
                        List.of(result(1, "install", "FAILED", "uefi")), List.of(waiver(7, "install", null, true), waiver(8, "install", "uefi", false)),
                        "failed", List.of(), List.of(F), "Of 1 required test, 1 test failed"),
                row("waiver of another subject does not count", policy(TIER0), List.of(result(1, "ci.tier0", "FAILED")),
                        List.of(new Waiver(7, "module_build", "php-8.3-1.abcd", "ci.tier0", null, true, "x", "bob", NOW)),
                        "failed", List.of(), List.of(F), "Of 1 required test, 1 test failed"),
                row("waiver of another test case does not count", policy(TIER0), List.of(result(1, "ci.tier0", "FAILED")),
                        List.of(waiver(7, "ci.tier1", null, true)),
                        "failed", List.of(), List.of(F), "Of 1 required test, 1 test failed"),
                row("failed beats missing: status failed", policy(TIER0, new PassingTestCase("ci.tier1"), new PassingTestCase("ci.tier2")),
                        List.of(result(1, "ci.tier0", "FAILED"), result(2, "ci.tier1", "RUNNING")), List.of(),
                        "failed", List.of(), List.of(F, M, M), "Of 3 required tests, 1 result missing, 1 test failed, 1 test incomplete"),
                row("only missing and incomplete: waiting, never failed", policy(TIER0, new PassingTestCase("ci.tier1")),
                        List.of(result(2, "ci.tier1", "QUEUED")), List.of(),
                        "waiting", List.of(), List.of(M, M), "Of 2 required tests, 1 result missing, 1 test incomplete"),
                row("karma high enough", policy(new MinimumKarma(0)), List.of(), List.of(),
                        "passed", List.of("karma-satisfied"), List.of(), "No tests are required"),
                new Row("karma too low waits", List.of(policy(new MinimumKarma(2), TIER0)), List.of(result(1, "ci.tier0", "PASSED")), List.of(), 1,
                        "waiting", List.of(P), List.of("karma-too-low"), "Karma 1 is below the required 2. All required tests (1 total) have passed or been waived"),
                new Row("karma too low and a failure", List.of(policy(new MinimumKarma(2), TIER0)), List.of(result(1, "ci.tier0", "FAILED")), List.of(), -1,
                        "failed", List.of(), List.of("karma-too-low", F), "Karma -1 is below the required 2. Of 1 required test, 1 test failed"),
                row("remote rule fails closed", policy(new RemoteRule(List.of(), false)), List.of(), List.of(),
                        "failed", List.of(), List.of("remote-rule-unsupported"), "1 remote rule not supported (Paddock does not fetch gating.yaml)"),
                row("an empty policy requires nothing", policy(), List.of(), List.of(),
                        "passed", List.of(), List.of(), "No tests are required"),
                new Row("the same test required by two policies counts once",
                        List.of(policy(TIER0), new Policy("other", List.of("F45"), List.of("push_stable"), "module_build", List.of(), List.of(), List.of(TIER0))),
                        List.of(result(1, "ci.tier0", "FAILED")), List.of(), 0,
                        "failed", List.of(), List.of(F), "Of 1 required test, 1 test failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(Row row) {
        Decision d = PolicyEngine.decide(NGINX, "push_stable", "F45", row.results(), row.waivers(), row.policies(), row.karma(), NOW);
        assertThat(d.status()).as("status").isEqualTo(row.status());
        assertThat(d.satisfied()).extracting(Requirement::type).as("satisfied").isEqualTo(row.satisfied());
        assertThat(d.unsatisfied()).extracting(Requirement::type).as("unsatisfied").isEqualTo(row.unsatisfied());
        assertThat(d.summary()).as("summary").isEqualTo(row.summary());
        assertThat(d.policiesSatisfied()).isEqualTo(row.status().equals(Decision.PASSED));
        assertThat(d.applicablePolicies()).isEqualTo(row.policies().stream().map(Policy::id).toList());
    }

    /** Which policies apply: one row per reason, with the subject's package name. */
    static Stream<Arguments> applicability() {
        return Stream.of(
                Arguments.of("matching everything", List.of("F4*"), List.of("push_stable"), "module_build", List.of(), List.of(), "nginx:1.24", true),
                Arguments.of("exact product version", List.of("F45"), List.of("push_stable"), "module_build", List.of(), List.of(), "nginx:1.24", true),
                Arguments.of("other product version", List.of("fedora-*"), List.of("push_stable"), "module_build", List.of(), List.of(), "nginx:1.24", false),
                Arguments.of("one of several product versions", List.of("F44", "F45"), List.of("push_stable"), "module_build", List.of(), List.of(), "nginx:1.24", true),
                Arguments.of("other decision context", List.of("F45"), List.of("push_testing"), "module_build", List.of(), List.of(), "nginx:1.24", false),
                Arguments.of("one of several decision contexts", List.of("F45"), List.of("push_testing", "push_stable"), "module_build", List.of(), List.of(), "nginx:1.24", true),
                Arguments.of("other subject type", List.of("F45"), List.of("push_stable"), "koji_build", List.of(), List.of(), "nginx:1.24", false),
                Arguments.of("module stream in packages", List.of("F45"), List.of("push_stable"), "module_build", List.of("nginx:1.*"), List.of(), "nginx:1.24", true),
                Arguments.of("module stream not in packages", List.of("F45"), List.of("push_stable"), "module_build", List.of("php:*"), List.of(), "nginx:1.24", false),
                Arguments.of("excluded module", List.of("F45"), List.of("push_stable"), "module_build", List.of(), List.of("nginx:*"), "nginx:1.24", false),
                Arguments.of("excluded wins over packages", List.of("F45"), List.of("push_stable"), "module_build", List.of("nginx:*"), List.of("nginx:1.24"), "nginx:1.24", false),
                Arguments.of("other stream not excluded", List.of("F45"), List.of("push_stable"), "module_build", List.of(), List.of("nginx:1.22"), "nginx:1.24", true),
                Arguments.of("no package name: packages list does not match", List.of("F45"), List.of("push_stable"), "module_build", List.of("nginx:*"), List.of(), null, false),
                Arguments.of("no package name: exclusions do not match", List.of("F45"), List.of("push_stable"), "module_build", List.of(), List.of("*"), null, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicability")
    void appliesWhen(String name, List<String> versions, List<String> contexts, String subjectType, List<String> packages,
                     List<String> excluded, String packageName, boolean applies) {
        Policy p = new Policy("p", versions, contexts, subjectType, packages, excluded, List.of(TIER0));
        Subject subject = new Subject("module_build", ID, packageName);
        Decision d = PolicyEngine.decide(subject, "push_stable", "F45", List.of(), List.of(), List.of(p), 0, NOW);
        assertThat(d.applicablePolicies()).isEqualTo(applies ? List.of("p") : List.of());
        assertThat(d.status()).isEqualTo(applies ? Decision.WAITING : Decision.IGNORED);
    }

    @Test
    void noApplicablePolicyIsIgnoredAndSaysSo() {
        Decision d = PolicyEngine.decide(NGINX, "push_stable", "F50", List.of(), List.of(), List.of(policy(TIER0)), 0, NOW);
        assertThat(d).isEqualTo(new Decision(false,
                "Found no applicable policies for module_build subjects at gating point(s) push_stable in F50",
                List.of(), List.of(), List.of(), Decision.IGNORED));
        Decision lenient = PolicyEngine.decide(NGINX, "push_stable", "F50", List.of(), List.of(), List.of(policy(TIER0)), 0, NOW, null, true);
        assertThat(lenient).isEqualTo(new Decision(true, "No tests are required", List.of(), List.of(), List.of(), Decision.IGNORED));
    }

    /** Missing results turn the status to failed once the subject has waited longer than the timeout. */
    static Stream<Arguments> missingTimeout() {
        return Stream.of(
                Arguments.of("no timeout", null, NGINX.since(), "waiting"),
                Arguments.of("within the timeout", Duration.ofDays(4), NGINX.since(), "waiting"),
                Arguments.of("exactly at the timeout", Duration.ofDays(3), NGINX.since(), "waiting"),
                Arguments.of("past the timeout", Duration.ofDays(2), NGINX.since(), "failed"),
                Arguments.of("no start time known", Duration.ofDays(2), null, "waiting"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingTimeout")
    void missingBecomesFailedAfterTheTimeout(String name, Duration timeout, Instant since, String status) {
        Subject subject = new Subject(NGINX.type(), ID, NGINX.packageName(), since);
        Decision d = PolicyEngine.decide(subject, "push_stable", "F45", List.of(result(1, "ci.tier1", "RUNNING")), List.of(),
                List.of(policy(TIER0, new PassingTestCase("ci.tier1"))), 0, NOW, timeout, false);
        assertThat(d.status()).isEqualTo(status);
        assertThat(d.unsatisfied()).extracting(Requirement::type).containsExactly(M, M);
        assertThat(d.summary()).isEqualTo("Of 2 required tests, 1 result missing, 1 test incomplete");
    }

    @Test
    void requirementsSayWhyInOneLine() {
        Policy p = policy(TIER0, new PassingTestCase("ci.tier1"), new PassingTestCase("install", "uefi"),
                new PassingTestCase("ci.tier2"), new PassingTestCase("ci.tier3"), new PassingTestCase("ci.tier4"),
                new MinimumKarma(3));
        List<GatingResult> results = List.of(result(42, "ci.tier0", "FAILED"), result(43, "install", "PASSED", "uefi"),
                result(44, "ci.tier2", "ERROR"), result(45, "ci.tier3", "QUEUED"), result(46, "ci.tier4", "NEEDS_INSPECTION"));
        Decision d = PolicyEngine.decide(NGINX, "push_stable", "F45", results, List.of(waiver(9, "ci.tier4", null, true)),
                List.of(p), 1, NOW);
        assertThat(d.satisfied()).extracting(Requirement::summary).containsExactly(
                "install [uefi] passed (result 43)",
                "ci.tier4 failed with NEEDS_INSPECTION (result 46), waived (waiver 9 by alice: known flake)");
        assertThat(d.unsatisfied()).extracting(Requirement::summary).containsExactly(
                "ci.tier0 failed (result 42)",
                "ci.tier1 has no result",
                "ci.tier2 errored (result 44)",
                "ci.tier3 is incomplete: QUEUED (result 45)",
                "karma 1 is below the required 3");
        Requirement waived = d.satisfied().get(1);
        assertThat(waived).isEqualTo(new Requirement("test-result-failed-waived", "ci.tier4", null, "module_build", ID,
                46L, "NEEDS_INSPECTION", 9L, null, null, waived.summary()));
        Requirement karma = d.unsatisfied().get(4);
        assertThat(karma.requiredKarma()).isEqualTo(3);
        assertThat(karma.actualKarma()).isEqualTo(1);
        assertThat(d.unsatisfied().get(3).incomplete()).isTrue();
        assertThat(d.unsatisfied().get(1).incomplete()).isFalse();
    }
}

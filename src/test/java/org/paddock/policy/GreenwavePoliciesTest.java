package org.paddock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GreenwavePoliciesTest {

    @Test
    void readsGreenwavesOwnPolicyFiles() {
        List<Policy> fedora = GreenwavePolicies.parse(GreenwaveCasesTest.text("policies/fedora.yaml"));
        List<Policy> redhat = GreenwavePolicies.parse(GreenwaveCasesTest.text("policies/redhat.yaml"));
        assertThat(fedora).hasSize(13);
        assertThat(redhat).hasSize(3);

        assertThat(fedora.get(0)).isEqualTo(new Policy("taskotron_release_critical_tasks_with_blocklist",
                List.of("fedora-26"), List.of("bodhi_update_push_stable"), "koji_build", List.of(),
                List.of("firefox", "thunderbird", "kernel", "kdelibs", "kdepim", "qt", "mariadb",
                        "java-1.8.0-openjdk-libreoffice", "module-build*"),
                List.of(new PassingTestCase("dist.abicheck"))));
        assertThat(fedora.get(3).rules()).containsExactly(new PassingTestCase("compose.install_no_user", "scenario1"),
                new PassingTestCase("compose.install_no_user", "scenario2"));
        assertThat(fedora.get(4).rules()).containsExactly(new RemoteRule(List.of(), false));
        assertThat(fedora.get(7).rules()).isEmpty();
        assertThat(redhat.get(0).packages()).containsExactly("avahi", "cockpit", "checkpolicy", "libsemanage",
                "libselinux", "libsepol", "policycoreutils");
    }

    @Test
    void readsTheDocumentationExamples() {
        assertThat(GreenwavePolicies.parse(GreenwaveCasesTest.text("docs-examples/policies-example.yaml")))
                .containsExactly(new Policy("taskotron_release_critical_tasks", List.of("fedora-26", "fedora-27"),
                        List.of("bodhi_update_push_stable", "bodhi_update_context1", "bodhi_update_context2"),
                        "bodhi_update", List.of(), List.of("python2-*"),
                        List.of(new PassingTestCase("dist.rpmdeplint"), new PassingTestCase("dist.upgradepath"))));
        assertThat(GreenwavePolicies.parse(GreenwaveCasesTest.text("docs-examples/policies-valid-since-until.yaml")).get(0).rules())
                .containsExactly(
                        new PassingTestCase("compose.autocloud", "x86_64.64bit", null, Instant.parse("2021-10-02T00:00:00Z")),
                        new PassingTestCase("compose.autocloud", "x86_64.uefi", Instant.parse("2021-10-02T00:00:00Z"), null));
        assertThat(GreenwavePolicies.parse(GreenwaveCasesTest.text("docs-examples/remoterule-required.yaml")).get(0).rules())
                .containsExactly(new RemoteRule(List.of(), true));
    }

    /** The documentation examples Paddock refuses, and why. */
    static Stream<Arguments> refusedExamples() {
        return Stream.of(
                Arguments.of("gating-yaml-example.yaml", "policy YAML line 5: subject_types is not supported: a Paddock policy names one subject_type"),
                Arguments.of("gating-yaml-tutorial.yaml", "policy YAML line 1: id is missing"),
                Arguments.of("remoterule-sources.yaml", "policy YAML line 1: id is missing"),
                Arguments.of("policies-remoterule.yaml", "policy YAML line 6: subject_types is not supported: a Paddock policy names one subject_type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedExamples")
    void refusesGatingYamlShapedExamples(String file, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> GreenwavePolicies.parse(GreenwaveCasesTest.text("docs-examples/" + file)))
                .withMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"policies/fedora.yaml", "policies/redhat.yaml", "docs-examples/policies-example.yaml",
            "docs-examples/policies-valid-since-until.yaml", "docs-examples/remoterule-required.yaml"})
    void roundTripsReferenceFiles(String file) {
        List<Policy> policies = GreenwavePolicies.parse(GreenwaveCasesTest.text(file));
        String written = GreenwavePolicies.write(policies);
        assertThat(GreenwavePolicies.parse(written)).isEqualTo(policies);
        assertThat(GreenwavePolicies.write(GreenwavePolicies.parse(written))).isEqualTo(written);
    }

    @Test
    void roundTripsAwkwardValuesAndEveryRuleKind() {
        List<Policy> policies = List.of(
                new Policy("needs \"quotes\": yes", List.of("*", "F4?", "[!a]x", "yes", "26"), List.of("push_stable", "push_testing"),
                        "module_build", List.of("nginx:1.*", "&anchor", "#hash"), List.of("a\\b", "-dash", "x y".replace(' ', '_')),
                        List.of(new PassingTestCase("ci.tier0", "uefi: x", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T10:30:00Z")),
                                new MinimumKarma(-2),
                                new RemoteRule(List.of("http://gating.example.com/gating1.yml"), true))),
                new Policy("empty", List.of("F45"), List.of("push_stable"), "module_build", List.of(), List.of(), List.of()));
        String written = GreenwavePolicies.write(policies);
        assertThat(GreenwavePolicies.parse(written)).isEqualTo(policies);
    }

    @ParameterizedTest
    @ValueSource(strings = {"say \"no\"", "it's", "key: value", "a #comment", "#start", "- leading dash", "-", "? q",
            "ünïcödé ✓ 模块 😀", "two\nlines", "trailing\n", " padded ", "tab\there", "back\\slash", "!tag", "&anchor",
            "*alias", "%percent", "@at", "`tick", "{a: b}", "[x]", "|", ">", "~", "null", "Yes", "0x1F", "1e3", "2026-01-01",
            "---", "...", ",", "a, b", "\u0085nel\u2028ls"})
    void roundTripsAwkwardText(String awkward) {
        List<String> glob = Glob.problem(awkward).isEmpty() ? List.of(awkward) : List.of("F45");
        List<Policy> policies = List.of(new Policy(awkward, glob, List.of(awkward, "push_stable"), awkward,
                glob, glob, List.of(new PassingTestCase(awkward, awkward, null, null),
                new RemoteRule(List.of(awkward, "x"), false))));
        String written = GreenwavePolicies.write(policies);
        assertThat(GreenwavePolicies.parse(written)).as(written).isEqualTo(policies);
        assertThat(GreenwavePolicies.write(GreenwavePolicies.parse(written))).isEqualTo(written);
    }

    @Test
    void writesGreenwaveStyle() {
        Policy p = new Policy("tier0", List.of("fedora-*"), List.of("bodhi_update_push_stable"), "koji_build",
                List.of(), List.of("kernel"), List.of(new PassingTestCase("dist.abicheck"), new MinimumKarma(1)));
        assertThat(GreenwavePolicies.write(List.of(p))).isEqualTo("""
                --- !Policy
                id: tier0
                product_versions:
                  - "fedora-*"
                decision_context: bodhi_update_push_stable
                subject_type: koji_build
                excluded_packages:
                  - kernel
                rules:
                  - !PassingTestCaseRule {test_case_name: dist.abicheck}
                  - !MinimumKarmaRule {karma: 1}
                """);
    }

    @Test
    void readsPaddocksKarmaRule() {
        assertThat(GreenwavePolicies.parse("""
                --- !Policy
                id: karma
                product_versions: [F45]
                decision_context: push_stable
                subject_type: module_build
                packages: ["nginx:*"]
                rules:
                  - !MinimumKarmaRule {karma: 2}
                """)).containsExactly(new Policy("karma", List.of("F45"), List.of("push_stable"), "module_build",
                List.of("nginx:*"), List.of(), List.of(new MinimumKarma(2))));
    }

    static final String HEAD = """
            --- !Policy
            id: p
            product_versions: [F45]
            decision_context: push_stable
            subject_type: module_build
            """;

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(HEAD + "rules:\n  - !PassingTestCaseRule {test_case_name: a}\n  - !FooRule {x: 1}\n",
                        "policy YAML line 8: unknown rule !FooRule (known: !PassingTestCaseRule, !MinimumKarmaRule, !RemoteRule)"),
                Arguments.of("# a comment\n\n--- !Policy\nproduct_versions: [F45]\ndecision_context: c\nsubject_type: s\nrules: []\n",
                        "policy YAML line 3: id is missing"),
                Arguments.of("--- !Policy\nid: p\ndecision_context: c\nsubject_type: s\nrules: []\n",
                        "policy YAML line 1: policy 'p': product_versions is missing"),
                Arguments.of("--- !Policy\nid: p\nproduct_versions: []\ndecision_context: c\nsubject_type: s\nrules: []\n",
                        "policy YAML line 1: policy 'p': product_versions must not be empty"),
                Arguments.of("--- !Policy\nid: p\nproduct_versions: [F45]\nsubject_type: s\nrules: []\n",
                        "policy YAML line 1: policy 'p': decision_context is missing"),
                Arguments.of("--- !Policy\nid: p\nproduct_versions: [F45]\ndecision_context: c\nrules: []\n",
                        "policy YAML line 1: policy 'p': subject_type is missing"),
                Arguments.of(HEAD, "policy YAML line 1: policy 'p': rules is missing"),
                Arguments.of("--- !Policy\nid: p\nproduct_versions: [\"fedora-[\"]\ndecision_context: c\nsubject_type: s\nrules: []\n",
                        "policy YAML line 1: policy 'p': product_versions glob 'fedora-[' has an unclosed '[' at position 8 (write [[] for a literal '[')"),
                Arguments.of(HEAD + "excluded_packages: ['a b']\nrules: []\n",
                        "policy YAML line 1: policy 'p': excluded_packages glob 'a b' contains whitespace or a control character at position 2"),
                Arguments.of(HEAD + "decision_contexts: [d]\nrules: []\n",
                        "policy YAML line 6: policy 'p' has both decision_context and decision_contexts; use one"),
                Arguments.of(HEAD + "rules: []\nblacklist: [x]\n",
                        "policy YAML line 7: unknown policy field 'blacklist' (known: [decision_context, decision_contexts, excluded_packages, id, packages, product_versions, rules, subject_type])"),
                Arguments.of(HEAD + "rules: []\nrules: []\n", "policy YAML line 7: policy field 'rules' is given twice"),
                Arguments.of(HEAD + "rules: !PassingTestCaseRule {test_case_name: a}\n",
                        "policy YAML line 6: policy 'p': rules must be a list, found a mapping tagged !PassingTestCaseRule"),
                Arguments.of(HEAD + "rules:\n  - {test_case_name: a}\n",
                        "policy YAML line 7: rule without a tag: write it as !PassingTestCaseRule {...} or !MinimumKarmaRule {...}"),
                Arguments.of(HEAD + "rules:\n  - !PassingTestCaseRule {scenario: a}\n",
                        "policy YAML line 7: !PassingTestCaseRule: test_case_name is missing"),
                Arguments.of(HEAD + "rules:\n  - !PassingTestCaseRule {test_case_name: a, sceanrio: b}\n",
                        "policy YAML line 7: unknown !PassingTestCaseRule field 'sceanrio' (known: [scenario, test_case_name, valid_since, valid_until])"),
                Arguments.of(HEAD + "rules:\n  - !PassingTestCaseRule\n    test_case_name: a\n    valid_since: next week\n",
                        "policy YAML line 9: valid_since must be a date (2021-10-02) or a date and time (2021-10-02T12:00:00Z) from year 1 to 9999, found 'next week'"),
                Arguments.of(HEAD + "rules:\n  - !PassingTestCaseRule {test_case_name: a, valid_since: 2022-01-01, valid_until: 2021-01-01}\n",
                        "policy YAML line 7: passing test case rule for a: valid_since 2022-01-01T00:00:00Z must be before valid_until 2021-01-01T00:00:00Z"),
                Arguments.of(HEAD + "rules:\n  - !MinimumKarmaRule {karma: lots}\n",
                        "policy YAML line 7: !MinimumKarmaRule: karma must be a whole number, found 'lots'"),
                Arguments.of(HEAD + "rules:\n  - !MinimumKarmaRule {}\n", "policy YAML line 7: !MinimumKarmaRule: karma is missing"),
                Arguments.of(HEAD + "rules:\n  - !RemoteRule {required: maybe}\n",
                        "policy YAML line 7: !RemoteRule: required must be true or false, found 'maybe'"),
                Arguments.of(HEAD + "rules: []\n" + HEAD + "rules: []\n", "policy YAML line 7: policy id 'p' is used twice"),
                Arguments.of("--- !SubjectType\nid: koji_build\n",
                        "policy YAML line 1: expected a '--- !Policy' document with a mapping, found a mapping tagged !SubjectType"),
                Arguments.of("--- !Policy\nid: [a, b]\n", "policy YAML line 2: id must be a single value, found a list"),
                Arguments.of("--- !Policy\nid:\n", "policy YAML line 2: id must not be empty"),
                Arguments.of(HEAD + "rules: [\n", "policy YAML line 7: not valid YAML: expected the node content, but found '<stream end>'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void errorsNameTheLine(String yaml, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> GreenwavePolicies.parse(yaml)).withMessage(message);
    }

    @Test
    void emptyTextHasNoPolicies() {
        assertThat(GreenwavePolicies.parse("# nothing yet\n")).isEmpty();
        assertThat(GreenwavePolicies.write(List.of())).isEmpty();
    }
}

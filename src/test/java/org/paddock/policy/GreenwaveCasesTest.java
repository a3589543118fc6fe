package org.paddock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the cases transcribed from Greenwave's own tests (src/test/resources/policy/greenwave, see its
 * README.txt) against {@link PolicyEngine}. Greenwave's subject types are read from the copied
 * subject_types/*.yaml: {@code is_nvr} gives the package name (NVR minus version and release),
 * {@code ignore_missing_policy} the engine switch, {@code aliases} the waiver subject types that mean the same.
 * An HTTP 404 "no applicable policies" answer is Paddock's {@code ignored} decision with the same summary.
 */
class GreenwaveCasesTest {

    static final String ROOT = "/policy/greenwave/";
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final JsonNode CASES = json("greenwave-cases.json");

    // ---------------------------------------------------------------- decision cases

    static Stream<Arguments> decisionCases() {
        return named(CASES.get("decision_cases"));
    }

    @Test
    void everyCaseFileSectionHasItsCases() {
        assertThat(CASES.get("decision_cases")).hasSize(11);
        assertThat(CASES.get("summary_cases")).hasSize(16);
        assertThat(CASES.get("waiver_cases")).hasSize(9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionCases")
    void decisionCase(JsonNode c) {
        JsonNode expected = c.get("expected");
        if (expected.has("variants")) {
            for (JsonNode variant : expected.get("variants")) {
                String yaml = c.get("policies_yaml").asText().replace("PACKAGE", variant.get("PACKAGE").asText());
                Decision d = decide(c.get("request"), results(c), waivers(c, Set.of()), GreenwavePolicies.parse(yaml));
                List<String> types = Stream.concat(d.satisfied().stream(), d.unsatisfied().stream())
                        .map(Requirement::type).toList();
                assertThat(types).as("answer types for PACKAGE %s", variant.get("PACKAGE").asText())
                        .isEqualTo(texts(variant.get("answer_types")));
            }
            return;
        }
        List<Policy> policies = policies(c);
        List<String> outcomes = c.get("id").asText().equals("incomplete-queued-or-running")
                ? List.of("QUEUED", "RUNNING") : List.of("");
        for (String outcome : outcomes) {
            List<GatingResult> results = results(c).stream()
                    .map(r -> outcome.isEmpty() ? r : new GatingResult(r.id(), r.testcase(), outcome, r.scenario(),
                            r.arch(), r.refUrl(), r.submittedAt(), r.data()))
                    .toList();
            Decision d = decide(c.get("request"), results, waivers(c, Set.of()), policies);
            check(d, expected);
            check(d, c.get("derived"));
            for (String key : List.of("variant_b", "variant_product_version")) {
                if (expected.has(key)) {
                    check(decide(expected.get(key).get("request"), results, waivers(c, Set.of()), policies),
                            expected.get(key));
                }
            }
            JsonNode adds = c.get("derived").get("when_request_adds");
            if (adds != null) {
                Set<Long> ignored = new java.util.HashSet<>();
                adds.get("ignore_waiver").forEach(id -> ignored.add(id.asLong()));
                check(decide(c.get("request"), results, waivers(c, ignored), policies), c.get("derived").get("then"));
            }
        }
    }

    private static List<Policy> policies(JsonNode c) {
        String own = c.get("policies_yaml").asText();
        if (c.get("policy_files").isEmpty()) {
            return GreenwavePolicies.parse(own);
        }
        List<Policy> loaded = new ArrayList<>();
        c.get("policy_files").forEach(f -> loaded.addAll(GreenwavePolicies.parse(text(f.asText()))));
        // the policies the case quotes are those of the files
        assertThat(loaded).containsAll(GreenwavePolicies.parse(own));
        return loaded;
    }

    private static Decision decide(JsonNode request, List<GatingResult> results, List<Waiver> waivers, List<Policy> policies) {
        String type = request.get("subject_type").asText();
        String identifier = request.get("subject_identifier").asText();
        Map<String, Object> subjectType = subjectType(type);
        String packageName = Boolean.TRUE.equals(subjectType.get("is_nvr")) ? nvrName(identifier) : null;
        boolean ignoreMissingPolicy = Boolean.TRUE.equals(subjectType.get("ignore_missing_policy"));
        return PolicyEngine.decide(new Subject(type, identifier, packageName), request.get("decision_context").asText(),
                request.get("product_version").asText(), results, waivers, policies, 0, NOW, null, ignoreMissingPolicy);
    }

    private static void check(Decision d, JsonNode expected) {
        if (expected == null) {
            return;
        }
        if (expected.has("http_status") && expected.get("http_status").asInt() == 404) {
            assertThat(d.status()).isEqualTo(Decision.IGNORED);
            assertThat(d.policiesSatisfied()).isFalse();
            assertThat(d.summary()).isEqualTo(expected.get("message").asText());
            return;
        }
        if (expected.has("policies_satisfied")) {
            assertThat(d.policiesSatisfied()).as("policies_satisfied").isEqualTo(expected.get("policies_satisfied").asBoolean());
            assertThat(d.status()).isIn(expected.get("policies_satisfied").asBoolean()
                    ? List.of(Decision.PASSED, Decision.IGNORED) : List.of(Decision.FAILED, Decision.WAITING));
        }
        if (expected.has("summary")) {
            assertThat(d.summary()).as("summary").isEqualTo(expected.get("summary").asText());
        }
        if (expected.has("applicable_policies")) {
            assertThat(d.applicablePolicies()).as("applicable_policies").isEqualTo(texts(expected.get("applicable_policies")));
        }
        if (expected.has("applicable_policies_contains")) {
            assertThat(d.applicablePolicies()).as("applicable_policies").containsAll(texts(expected.get("applicable_policies_contains")));
        }
        if (expected.has("satisfied_types")) {
            assertThat(d.satisfied()).extracting(Requirement::type).as("satisfied types")
                    .isEqualTo(texts(expected.get("satisfied_types")));
        }
        if (expected.has("unsatisfied_types")) {
            assertThat(d.unsatisfied()).extracting(Requirement::type).as("unsatisfied types")
                    .isEqualTo(texts(expected.get("unsatisfied_types")));
        }
        if (expected.has("satisfied_requirements")) {
            assertThat(d.satisfied().stream().map(GreenwaveCasesTest::fields).toList())
                    .isEqualTo(fieldsOf(expected.get("satisfied_requirements")));
        }
        if (expected.has("unsatisfied_requirements")) {
            assertThat(d.unsatisfied().stream().map(GreenwaveCasesTest::fields).toList())
                    .isEqualTo(fieldsOf(expected.get("unsatisfied_requirements")));
        }
    }

    /** The fields Paddock shares with Greenwave's answers (source, item, system_* have no Paddock meaning). */
    static Map<String, Object> fields(Requirement r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.type());
        m.put("testcase", r.testcase());
        m.put("scenario", r.scenario());
        m.put("subject_type", r.subjectType());
        m.put("subject_identifier", r.subjectIdentifier());
        m.put("result_id", r.resultId());
        m.put("waiver_id", r.waiverId());
        return m;
    }

    static List<Map<String, Object>> fieldsOf(JsonNode answers) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (JsonNode a : answers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", a.get("type").asText());
            m.put("testcase", textOrNull(a, "testcase"));
            m.put("scenario", textOrNull(a, "scenario"));
            m.put("subject_type", textOrNull(a, "subject_type"));
            m.put("subject_identifier", textOrNull(a, "subject_identifier"));
            m.put("result_id", longOrNull(a, "result_id"));
            m.put("waiver_id", longOrNull(a, "waiver_id"));
            list.add(m);
        }
        return list;
    }

    private static List<GatingResult> results(JsonNode c) {
        List<GatingResult> results = new ArrayList<>();
        for (JsonNode r : c.get("results")) {
            Map<String, List<String>> data = new LinkedHashMap<>();
            r.get("data").fields().forEachRemaining(e -> data.put(e.getKey(), texts(e.getValue())));
            String scenario = data.containsKey("scenario") ? data.get("scenario").get(0) : null;
            long id = r.get("id").asLong();
            results.add(new GatingResult(id, r.get("testcase").get("name").asText(), r.get("outcome").asText(),
                    scenario, null, null, Instant.EPOCH.plusSeconds(id), data));
        }
        return results;
    }

    private static List<Waiver> waivers(JsonNode c, Set<Long> ignored) {
        return waivers(c.get("waivers")).stream().filter(w -> !ignored.contains(w.id())).toList();
    }

    static List<Waiver> waivers(JsonNode waivers) {
        List<Waiver> list = new ArrayList<>();
        for (JsonNode w : waivers) {
            long id = w.get("id").asLong();
            list.add(new Waiver(id, canonicalSubjectType(w.get("subject_type").asText()),
                    w.get("subject_identifier").asText(), w.get("testcase").asText(), textOrNull(w, "scenario"),
                    !w.has("waived") || w.get("waived").asBoolean(), textOrNull(w, "comment"), null,
                    Instant.EPOCH.plusSeconds(id)));
        }
        return list;
    }

    // ---------------------------------------------------------------- summary cases

    static Stream<Arguments> summaryCases() {
        return StreamSupport.stream(CASES.get("summary_cases").spliterator(), false)
                .map(c -> Arguments.of(Named.of(c.get("summary").asText() + " <- "
                        + texts(c.get("answer_kinds")), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("summaryCases")
    void summaryCase(JsonNode c) {
        List<Requirement> answers = new ArrayList<>();
        int n = 0;
        for (String kind : texts(c.get("answer_kinds"))) {
            n++;
            boolean waived = kind.startsWith("TestResultWaived(");
            String inner = waived ? kind.substring("TestResultWaived(".length(), kind.length() - 1) : kind;
            Requirement answer = answer(inner, "test" + n, null, "koji_build", "nethack-1.2.3-1.rawhide", 100L + n);
            if (waived) {
                answer = answer.waivedBy(new Waiver(9, "koji_build", "nethack-1.2.3-1.rawhide", "test" + n, null,
                        true, null, null, NOW));
            }
            answers.add(answer);
        }
        assertThat(PolicyEngine.summarize(answers)).isEqualTo(c.get("summary").asText());
    }

    // ---------------------------------------------------------------- waiver cases

    static Stream<Arguments> waiverCases() {
        return named(CASES.get("waiver_cases"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waiverCases")
    void waiverCase(JsonNode c) {
        List<Requirement> answers = new ArrayList<>();
        for (JsonNode a : c.get("answers")) {
            answers.add(answer(a.get("kind").asText(), a.get("testcase").asText(), textOrNull(a, "scenario"),
                    a.get("subject_type").asText(), a.get("subject_identifier").asText(), longOrNull(a, "result_id")));
        }
        List<Requirement> waived = PolicyEngine.waive(answers, waivers(c.get("waivers")));
        if (c.get("expected").isTextual()) {
            assertThat(c.get("expected").asText()).startsWith("unchanged");
            assertThat(waived).isEqualTo(answers);
        } else {
            assertThat(waived.stream().map(GreenwaveCasesTest::fields).toList()).isEqualTo(fieldsOf(c.get("expected")));
        }
    }

    /** An answer of one of Greenwave's answer classes, as a Paddock requirement. */
    private static Requirement answer(String kind, String testcase, String scenario, String subjectType,
                                      String subjectIdentifier, Long resultId) {
        String type = switch (kind) {
            case "RuleSatisfied" -> Requirement.PASSED;
            case "TestResultFailed" -> Requirement.FAILED;
            case "TestResultErrored" -> Requirement.ERRORED;
            case "TestResultMissing", "TestResultIncomplete" -> Requirement.MISSING;
            case "InvalidRemoteRuleYaml" -> Requirement.INVALID_GATING_YAML;
            default -> throw new IllegalArgumentException("answer kind " + kind + " is not mapped");
        };
        boolean hasResult = !kind.equals("TestResultMissing") && !kind.equals("InvalidRemoteRuleYaml");
        return new Requirement(type, testcase, scenario, subjectType, subjectIdentifier,
                hasResult ? resultId : null, null, null, null, null, kind + " " + testcase);
    }

    // ---------------------------------------------------------------- helpers

    private static Stream<Arguments> named(JsonNode cases) {
        return StreamSupport.stream(cases.spliterator(), false).map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    /** Greenwave's subject type configuration, read from the copied subject_types/TYPE.yaml ({} when none). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> subjectType(String type) {
        String path = "subject_types/" + type + ".yaml";
        if (GreenwaveCasesTest.class.getResource(ROOT + path) == null) {
            return Map.of();
        }
        String yaml = text(path).replace("--- !SubjectType", "---");
        Map<String, Object> map = new Yaml(new LoaderOptions()).load(yaml);
        return map;
    }

    /** The subject type a waiver's subject type is an alias of (brew-build -> koji_build). */
    @SuppressWarnings("unchecked")
    static String canonicalSubjectType(String type) {
        for (String candidate : List.of("koji_build", "bodhi_update", "compose", "redhat-container-image", "redhat-module")) {
            List<String> aliases = (List<String>) subjectType(candidate).getOrDefault("aliases", List.of());
            if (aliases.contains(type)) {
                return candidate;
            }
        }
        return type;
    }

    /** The name part of an NVR: glibc-1.0-1.el7 -> glibc. */
    static String nvrName(String nvr) {
        int release = nvr.lastIndexOf('-');
        int version = nvr.lastIndexOf('-', release - 1);
        return nvr.substring(0, version);
    }

    static String text(String path) {
        try (InputStream in = GreenwaveCasesTest.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + ROOT + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String path) {
        try {
            return new ObjectMapper().readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Long longOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asLong() : null;
    }

}

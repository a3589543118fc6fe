package org.paddock.policy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.paddock.artifact.YamlLimits;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and writes policies in Greenwave's YAML: a stream of {@code --- !Policy} documents whose rules are
 * {@code !PassingTestCaseRule {test_case_name: ..., scenario: ..., valid_since: ..., valid_until: ...}}, plus
 * Paddock's {@code !MinimumKarmaRule {karma: 1}}.
 *
 * <p>The YAML is read as nodes (no objects are constructed from tags), so every error names its line:
 * {@code policy YAML line 7: unknown rule !FooRule}. {@code !RemoteRule} is accepted and kept (so Greenwave's
 * own policy files load and write back unchanged) but the engine cannot check it: Paddock does not fetch
 * gating.yaml, so such a rule is answered with an unsatisfied {@code remote-rule-unsupported} requirement.
 * Greenwave's {@code subject_types} list (used in gating.yaml files) is refused: a Paddock policy names one
 * subject type. Dates ({@code 2021-10-02}) are read as midnight UTC.
 */
public final class GreenwavePolicies {

    private static final Set<String> POLICY_KEYS = Set.of("id", "product_versions", "decision_context",
            "decision_contexts", "subject_type", "packages", "excluded_packages", "rules");
    private static final Set<String> PASSING_KEYS = Set.of("test_case_name", "scenario", "valid_since", "valid_until");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+/-]*");
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");

    private GreenwavePolicies() {
    }

    /** Reads every {@code !Policy} document of {@code yaml}. */
    public static List<Policy> parse(String yaml) {
        List<Policy> policies = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        try {
            for (Node document : new Yaml(YamlLimits.options()).composeAll(new StringReader(yaml))) {
                Policy policy = policy(document);
                if (!ids.add(policy.id())) {
                    throw error(document, "policy id '" + policy.id() + "' is used twice");
                }
                policies.add(policy);
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new IllegalArgumentException("policy YAML line " + line + ": not valid YAML: " + e.getProblem(), e);
        } catch (ReaderException e) {
            throw new IllegalArgumentException("policy YAML: not valid YAML: character U+%04X is not allowed (character %d)"
                    .formatted(e.getCodePoint(), e.getPosition() + 1), e);
        } catch (YAMLException e) {
            // YamlLimits' limits, which SnakeYAML reports without a position
            throw new IllegalArgumentException("policy YAML: refused: " + e.getMessage(), e);
        }
        return List.copyOf(policies);
    }

    private static Policy policy(Node document) {
        if (!(document instanceof MappingNode map) || !"!Policy".equals(document.getTag().getValue())) {
            throw error(document, "expected a '--- !Policy' document with a mapping, found " + describe(document));
        }
        Map<String, NodeTuple> fields = fields(map, POLICY_KEYS, "policy");
        if (!fields.containsKey("id")) {
            throw error(document, "id is missing");
        }
        String id = scalar(fields.get("id").getValueNode(), "id");
        if (fields.containsKey("decision_context") && fields.containsKey("decision_contexts")) {
            throw error(fields.get("decision_contexts").getKeyNode(),
                    "policy '" + id + "' has both decision_context and decision_contexts; use one");
        }
        List<String> contexts;
        if (fields.containsKey("decision_context")) {
            contexts = List.of(scalar(fields.get("decision_context").getValueNode(), "decision_context"));
        } else if (fields.containsKey("decision_contexts")) {
            contexts = strings(fields.get("decision_contexts").getValueNode(), "decision_contexts");
        } else {
            throw error(document, "policy '" + id + "': decision_context is missing");
        }
        for (String required : List.of("product_versions", "subject_type", "rules")) {
            if (!fields.containsKey(required)) {
                throw error(document, "policy '" + id + "': " + required + " is missing");
            }
        }
        Node rulesNode = fields.get("rules").getValueNode();
        if (!(rulesNode instanceof SequenceNode rulesSeq)) {
            throw error(rulesNode, "policy '" + id + "': rules must be a list, found " + describe(rulesNode));
        }
        List<Rule> rules = new ArrayList<>();
        for (Node rule : rulesSeq.getValue()) {
            rules.add(rule(rule));
        }
        try {
            return new Policy(id,
                    strings(fields.get("product_versions").getValueNode(), "product_versions"),
                    contexts,
                    scalar(fields.get("subject_type").getValueNode(), "subject_type"),
                    optionalStrings(fields.get("packages"), "packages"),
                    optionalStrings(fields.get("excluded_packages"), "excluded_packages"),
                    rules);
        } catch (IllegalArgumentException e) {
            throw error(document, e.getMessage());
        }
    }

    private static Rule rule(Node node) {
        String tag = node.getTag().getValue();
        switch (tag) {
            case "!PassingTestCaseRule" -> {
                Map<String, NodeTuple> f = fields(ruleMap(node, tag), PASSING_KEYS, tag);
                if (!f.containsKey("test_case_name")) {
                    throw error(node, tag + ": test_case_name is missing");
                }
                String testCase = scalar(f.get("test_case_name").getValueNode(), "test_case_name");
                String scenario = f.containsKey("scenario") ? scalar(f.get("scenario").getValueNode(), "scenario") : null;
                Instant since = instant(f.get("valid_since"));
                Instant until = instant(f.get("valid_until"));
                try {
                    return new PassingTestCase(testCase, scenario, since, until);
                } catch (IllegalArgumentException e) {
                    throw error(node, e.getMessage());
                }
            }
            case "!MinimumKarmaRule" -> {
                Map<String, NodeTuple> f = fields(ruleMap(node, tag), Set.of("karma"), tag);
                if (!f.containsKey("karma")) {
                    throw error(node, tag + ": karma is missing");
                }
                Node value = f.get("karma").getValueNode();
                try {
                    return new MinimumKarma(Integer.parseInt(scalar(value, "karma")));
                } catch (NumberFormatException e) {
                    throw error(value, tag + ": karma must be a whole number, found '" + scalar(value, "karma") + "'");
                }
            }
            case "!RemoteRule" -> {
                Map<String, NodeTuple> f = fields(ruleMap(node, tag), Set.of("sources", "required"), tag);
                boolean required = false;
                if (f.containsKey("required")) {
                    String value = scalar(f.get("required").getValueNode(), "required").toLowerCase(Locale.ROOT);
                    if (!value.equals("true") && !value.equals("false")) {
                        throw error(f.get("required").getValueNode(), tag + ": required must be true or false, found '" + value + "'");
                    }
                    required = value.equals("true");
                }
                return new RemoteRule(optionalStrings(f.get("sources"), "sources"), required);
            }
            default -> {
                if (tag.startsWith("!")) {
                    throw error(node, "unknown rule " + tag + " (known: !PassingTestCaseRule, !MinimumKarmaRule, !RemoteRule)");
                }
                throw error(node, "rule without a tag: write it as !PassingTestCaseRule {...} or !MinimumKarmaRule {...}");
            }
        }
    }

    private static MappingNode ruleMap(Node node, String tag) {
        if (node instanceof MappingNode map) {
            return map;
        }
        if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) { // "!RemoteRule" with nothing after it
            return new MappingNode(node.getTag(), List.of(), org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
        }
        throw error(node, tag + " must be a mapping, found " + describe(node));
    }

    private static Map<String, NodeTuple> fields(MappingNode map, Set<String> known, String what) {
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if (key.equals("subject_types") && what.equals("policy")) {
                throw error(tuple.getKeyNode(), "subject_types is not supported: a Paddock policy names one subject_type");
            }
            if (!known.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown " + what + " field '" + key + "' (known: "
                        + known.stream().sorted().toList() + ")");
            }
            if (fields.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), what + " field '" + key + "' is given twice");
            }
        }
        return fields;
    }

    private static String scalar(Node node, String field) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, field + " must be a single value, found " + describe(node));
        }
        if (scalar.getTag().equals(Tag.NULL)) {
            throw error(node, field + " must not be empty");
        }
        return scalar.getValue();
    }

    private static List<String> strings(Node node, String field) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, field + " must be a list, found " + describe(node));
        }
        List<String> values = new ArrayList<>();
        for (Node item : seq.getValue()) {
            values.add(scalar(item, field + " item"));
        }
        return values;
    }

    private static List<String> optionalStrings(NodeTuple tuple, String field) {
        return tuple == null ? List.of() : strings(tuple.getValueNode(), field);
    }

    private static Instant instant(NodeTuple tuple) {
        if (tuple == null) {
            return null;
        }
        String field = scalar(tuple.getKeyNode(), "key");
        String text = scalar(tuple.getValueNode(), field).trim();
        try {
            return org.paddock.platform.Times.parse(field, text);
        } catch (org.paddock.platform.InvalidInputException e) {
            throw error(tuple.getValueNode(), field + " must be a date (2021-10-02) or a date and time "
                    + "(2021-10-02T12:00:00Z) from year 1 to 9999, found '" + text + "'");
        }
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return "'" + scalar.getValue() + "'";
        }
        String tag = node.getTag().getValue();
        String kind = node instanceof MappingNode ? "a mapping" : "a list";
        return tag.startsWith("!") ? kind + " tagged " + tag : kind;
    }

    private static IllegalArgumentException error(Node node, String reason) {
        return new IllegalArgumentException("policy YAML line " + (node.getStartMark().getLine() + 1) + ": " + reason);
    }

    /** Writes {@code policies} as Greenwave YAML that {@link #parse} reads back to equal policies. */
    public static String write(List<Policy> policies) {
        StringBuilder out = new StringBuilder();
        for (Policy policy : policies) {
            out.append("--- !Policy\n");
            out.append("id: ").append(quote(policy.id())).append('\n');
            list(out, "product_versions", policy.productVersions());
            if (policy.decisionContexts().size() == 1) {
                out.append("decision_context: ").append(quote(policy.decisionContexts().get(0))).append('\n');
            } else {
                list(out, "decision_contexts", policy.decisionContexts());
            }
            out.append("subject_type: ").append(quote(policy.subjectType())).append('\n');
            if (!policy.packages().isEmpty()) {
                list(out, "packages", policy.packages());
            }
            if (!policy.excludedPackages().isEmpty()) {
                list(out, "excluded_packages", policy.excludedPackages());
            }
            if (policy.rules().isEmpty()) {
                out.append("rules: []\n");
            } else {
                out.append("rules:\n");
                for (Rule rule : policy.rules()) {
                    out.append("  - ").append(rule(rule)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String rule(Rule rule) {
        List<String> fields = new ArrayList<>();
        if (rule instanceof PassingTestCase p) {
            fields.add("test_case_name: " + quote(p.testCase()));
            if (p.scenario() != null) {
                fields.add("scenario: " + quote(p.scenario()));
            }
            if (p.validSince() != null) {
                fields.add("valid_since: " + time(p.validSince()));
            }
            if (p.validUntil() != null) {
                fields.add("valid_until: " + time(p.validUntil()));
            }
            return "!PassingTestCaseRule {" + String.join(", ", fields) + "}";
        }
        if (rule instanceof MinimumKarma k) {
            return "!MinimumKarmaRule {karma: " + k.karma() + "}";
        }
        RemoteRule r = (RemoteRule) rule;
        if (!r.sources().isEmpty()) {
            fields.add("sources: [" + String.join(", ", r.sources().stream().map(GreenwavePolicies::quote).toList()) + "]");
        }
        if (r.required()) {
            fields.add("required: true");
        }
        return "!RemoteRule {" + String.join(", ", fields) + "}";
    }

    private static String time(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return utc.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? utc.toLocalDate().toString() : instant.toString();
    }

    private static void list(StringBuilder out, String key, List<String> values) {
        out.append(key).append(":\n");
        for (String value : values) {
            out.append("  - ").append(quote(value)).append('\n');
        }
    }

    /** Plain when YAML reads it back as the same string in any context, double-quoted otherwise. */
    static String quote(String value) {
        if (PLAIN.matcher(value).matches() && !YAML_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}

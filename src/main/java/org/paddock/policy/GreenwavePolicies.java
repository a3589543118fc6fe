package org.paddock.policy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.paddock.artifact.YamlLimits;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

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
    /** Simple words: written plain when SnakeYAML's resolver reads them as strings. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+/-]*");
    private static final Resolver RESOLVER = new Resolver();

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
            return new MappingNode(node.getTag(), List.of(), FlowStyle.FLOW);
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

    /**
     * Writes {@code policies} as Greenwave YAML that {@link #parse} reads back to equal policies: the documents
     * are built as nodes and SnakeYAML's serializer and emitter write them, so SnakeYAML decides what must be
     * quoted and how to escape it.
     */
    public static String write(List<Policy> policies) {
        Yaml yaml = new Yaml(WRITING);
        StringWriter out = new StringWriter();
        for (Policy policy : policies) {
            yaml.serialize(node(policy), out);
        }
        return out.toString();
    }

    private static final DumperOptions WRITING = writingOptions();

    private static DumperOptions writingOptions() {
        DumperOptions options = new DumperOptions();
        options.setExplicitStart(true);         // --- !Policy
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);   // "  - item" under its key, as Greenwave's files are written
        options.setWidth(Integer.MAX_VALUE);    // one value, one line
        options.setSplitLines(false);
        options.setAllowUnicode(true);
        return options;
    }

    private static Node node(Policy policy) {
        List<NodeTuple> fields = new ArrayList<>();
        field(fields, "id", text(policy.id()));
        field(fields, "product_versions", texts(policy.productVersions(), FlowStyle.BLOCK));
        if (policy.decisionContexts().size() == 1) {
            field(fields, "decision_context", text(policy.decisionContexts().get(0)));
        } else {
            field(fields, "decision_contexts", texts(policy.decisionContexts(), FlowStyle.BLOCK));
        }
        field(fields, "subject_type", text(policy.subjectType()));
        if (!policy.packages().isEmpty()) {
            field(fields, "packages", texts(policy.packages(), FlowStyle.BLOCK));
        }
        if (!policy.excludedPackages().isEmpty()) {
            field(fields, "excluded_packages", texts(policy.excludedPackages(), FlowStyle.BLOCK));
        }
        field(fields, "rules", new SequenceNode(Tag.SEQ, policy.rules().stream().map(GreenwavePolicies::node).toList(),
                policy.rules().isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK));
        return new MappingNode(new Tag("!Policy"), fields, FlowStyle.BLOCK);
    }

    private static Node node(Rule rule) {
        List<NodeTuple> fields = new ArrayList<>();
        if (rule instanceof PassingTestCase p) {
            field(fields, "test_case_name", text(p.testCase()));
            if (p.scenario() != null) {
                field(fields, "scenario", text(p.scenario()));
            }
            if (p.validSince() != null) {
                field(fields, "valid_since", time(p.validSince()));
            }
            if (p.validUntil() != null) {
                field(fields, "valid_until", time(p.validUntil()));
            }
            return new MappingNode(new Tag("!PassingTestCaseRule"), fields, FlowStyle.FLOW);
        }
        if (rule instanceof MinimumKarma k) {
            field(fields, "karma", new ScalarNode(Tag.INT, Integer.toString(k.karma()), null, null, ScalarStyle.PLAIN));
            return new MappingNode(new Tag("!MinimumKarmaRule"), fields, FlowStyle.FLOW);
        }
        RemoteRule r = (RemoteRule) rule;
        if (!r.sources().isEmpty()) {
            field(fields, "sources", texts(r.sources(), FlowStyle.FLOW));
        }
        if (r.required()) {
            field(fields, "required", new ScalarNode(Tag.BOOL, "true", null, null, ScalarStyle.PLAIN));
        }
        return new MappingNode(new Tag("!RemoteRule"), fields, FlowStyle.FLOW);
    }

    private static void field(List<NodeTuple> fields, String key, Node value) {
        fields.add(new NodeTuple(new ScalarNode(Tag.STR, key, null, null, ScalarStyle.PLAIN), value));
    }

    private static SequenceNode texts(List<String> values, FlowStyle style) {
        return new SequenceNode(Tag.SEQ, values.stream().<Node>map(GreenwavePolicies::text).toList(), style);
    }

    /** A date at midnight UTC as Greenwave writes it ({@code 2021-10-02}), else the instant; plain, as YAML timestamps. */
    private static ScalarNode time(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        String text = utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? utc.toLocalDate().toString() : instant.toString();
        return new ScalarNode(Tag.TIMESTAMP, text, null, null, ScalarStyle.PLAIN);
    }

    /**
     * A string: plain when it is a simple word that SnakeYAML's resolver reads as a string ({@code yes} and
     * {@code 26} are not), double-quoted otherwise. SnakeYAML escapes, and still quotes whatever cannot be
     * plain; the style choice keeps globs, URLs and multi-line text on one line and the text of policies
     * stored before unchanged.
     */
    private static ScalarNode text(String value) {
        boolean plain = WORD.matcher(value).matches() && RESOLVER.resolve(NodeId.scalar, value, true).equals(Tag.STR);
        return new ScalarNode(Tag.STR, value, null, null, plain ? ScalarStyle.PLAIN : ScalarStyle.DOUBLE_QUOTED);
    }
}

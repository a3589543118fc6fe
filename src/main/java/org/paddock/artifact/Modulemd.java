package org.paddock.artifact;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads module builds out of modulemd v2 YAML as the module build service writes it: one document, or
 * several separated by {@code ---} like a repository's {@code modules.yaml}.
 *
 * <p>Every {@code document: modulemd} with {@code version: 2} becomes a {@link ModulemdBuild}; documents of
 * other kinds ({@code modulemd-defaults}, {@code modulemd-obsoletes}, {@code modulemd-translations}, ...) are
 * skipped, and a modulemd document of another version is refused.
 *
 * <p>The YAML is read as SnakeYAML nodes, never loaded into Java objects, so every value is taken as the
 * text it was written as: the unquoted stream {@code 2.10} stays {@code "2.10"} where a YAML loader would
 * make it the number 2.1. The input comes from users, so it is bounded: at most {@value #MAX_CHARS}
 * characters, {@value #MAX_ALIASES} aliases to lists or mappings (no "billion laughs"), nesting at most
 * {@value #MAX_DEPTH} deep, no merge keys, no duplicate keys and no global tags.
 */
public final class Modulemd {

    static final int MAX_CHARS = YamlLimits.MAX_CHARS;
    static final int MAX_ALIASES = YamlLimits.MAX_ALIASES;
    static final int MAX_DEPTH = YamlLimits.MAX_DEPTH;

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_SHOWN = 80;

    private Modulemd() {
    }

    /**
     * The module builds of every modulemd v2 document in {@code yaml}, in document order.
     *
     * @throws ModulemdException if the text is not YAML, exceeds a limit, holds a modulemd document of a
     *                           version other than 2 or with a missing or malformed field, or holds no
     *                           modulemd v2 document at all
     */
    public static List<ModulemdBuild> parse(String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        if (yaml.length() > MAX_CHARS) {
            throw tooLong();
        }
        List<ModulemdBuild> builds = new ArrayList<>();
        try {
            for (Node document : new Yaml(YamlLimits.options()).composeAll(new StringReader(yaml))) {
                ModulemdBuild build = read(document);
                if (build != null) {
                    builds.add(build);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? ""
                    : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new ModulemdException("modulemd: not YAML: " + e.getProblem() + where, e);
        } catch (ReaderException e) {
            throw new ModulemdException("modulemd: not YAML: character U+%04X is not allowed (character %d)"
                    .formatted(e.getCodePoint(), e.getPosition() + 1), e);
        } catch (YAMLException e) {
            // The limits set in loaderOptions(), which SnakeYAML reports without a position.
            throw new ModulemdException("modulemd: refused: " + e.getMessage(), e);
        }
        if (builds.isEmpty()) {
            throw new ModulemdException("modulemd: no modulemd v2 document found");
        }
        return List.copyOf(builds);
    }

    /**
     * {@link #parse(String)} for text read from {@code reader} (which is read to its end, not closed).
     *
     * @throws IOException if the reader fails
     */
    public static List<ModulemdBuild> parse(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = reader.read(buffer); n != -1; n = reader.read(buffer)) {
            text.append(buffer, 0, n);
            if (text.length() > MAX_CHARS) {
                throw tooLong();
            }
        }
        return parse(text.toString());
    }

    private static ModulemdException tooLong() {
        return new ModulemdException("modulemd: refused: the input is longer than " + MAX_CHARS + " characters");
    }

    /** The build one document describes, or null if it is not a modulemd document (or empty). */
    private static ModulemdBuild read(Node root) {
        if (isNull(root)) {
            return null;
        }
        MappingNode document = mapping(root, "a document");
        rejectDuplicateKeys(document, "", Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!text(required(document, "document", root), "document").equals("modulemd")) {
            return null;
        }
        Node version = required(document, "version", root);
        String versionText = version instanceof ScalarNode scalar ? scalar.getValue() : "";
        if (!versionText.equals("2")) {
            String not = DIGITS.matcher(versionText).matches() ? versionText : shown(version);
            throw error(version, "version must be 2, not " + not);
        }
        Node dataKey = key(document, "data");
        MappingNode data = mapping(required(document, "data", root), "data");
        return new ModulemdBuild(
                token(required(data, "name", "data.name", dataKey), "data.name"),
                token(required(data, "stream", "data.stream", dataKey), "data.stream"),
                moduleVersion(required(data, "version", "data.version", dataKey)),
                token(required(data, "context", "data.context", dataKey), "data.context"),
                token(required(data, "arch", "data.arch", dataKey), "data.arch"),
                optionalText(data, "summary", "data.summary"),
                optionalText(data, "description", "data.description"),
                strings(data, "license", "content", false),
                strings(data, "artifacts", "rpms", true));
    }

    private static long moduleVersion(Node node) {
        String text = text(node, "data.version");
        if (!DIGITS.matcher(text).matches()) {
            throw error(node, "data.version must be a positive integer, not " + quoted(text));
        }
        long version;
        try {
            version = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(node, "data.version must be at most " + Long.MAX_VALUE + ", not " + quoted(text));
        }
        if (version == 0) {
            throw error(node, "data.version must be a positive integer, not " + quoted(text));
        }
        return version;
    }

    /**
     * The strings listed at {@code data.<section>.<list>}: an empty list if either is absent. With
     * {@code oneWord} each must be free of whitespace (NEVRAs are); otherwise merely not blank (licences
     * such as {@code MIT and ASL 2.0} are not).
     */
    private static List<String> strings(MappingNode data, String section, String list, boolean oneWord) {
        String sectionPath = "data." + section;
        String path = sectionPath + "." + list;
        Node sectionNode = optional(data, section);
        Node listNode = sectionNode == null ? null : optional(mapping(sectionNode, sectionPath), list);
        if (listNode == null) {
            return List.of();
        }
        if (!(listNode instanceof SequenceNode sequence)) {
            throw error(listNode, path + " must be a list, not " + shown(listNode));
        }
        List<String> strings = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String text = item instanceof ScalarNode scalar && !isNull(item) ? scalar.getValue() : "";
            if (text.isBlank() || oneWord && !isWord(text, false)) {
                String what = oneWord ? "strings without whitespace" : "non-empty strings";
                throw error(item, path + " entries must be " + what + ", not " + shown(item));
            }
            strings.add(text);
        }
        return strings;
    }

    /** A name, stream, context or arch: non-empty, without whitespace or ':'. */
    private static String token(Node node, String path) {
        String text = text(node, path);
        if (isNull(node) || text.isEmpty()) {
            throw error(node, path + " must not be empty");
        }
        if (!isWord(text, true)) {
            throw error(node, path + " must not contain whitespace or ':', not " + quoted(text));
        }
        return text;
    }

    private static boolean isWord(String text, boolean noColon) {
        return text.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || noColon && c == ':');
    }

    private static String optionalText(MappingNode map, String key, String path) {
        Node node = optional(map, key);
        return node == null ? "" : text(node, path);
    }

    /** The source text of a scalar, as written (after YAML's quoting and folding), never a number. */
    private static String text(Node node, String path) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, path + " must be a string, not " + shown(node));
        }
        return scalar.getValue();
    }

    private static MappingNode mapping(Node node, String path) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, path + " must be a mapping, not " + shown(node));
        }
        return map;
    }

    private static Node required(MappingNode map, String key, Node owner) {
        return required(map, key, key, owner);
    }

    /** The value of {@code key}; if it is absent, an error on the line of {@code owner}. */
    private static Node required(MappingNode map, String key, String path, Node owner) {
        NodeTuple entry = entry(map, key);
        if (entry == null) {
            throw error(owner, path + " is missing");
        }
        return entry.getValueNode();
    }

    /** The value of {@code key}, or null if it is absent or null. */
    private static Node optional(MappingNode map, String key) {
        NodeTuple entry = entry(map, key);
        return entry == null || isNull(entry.getValueNode()) ? null : entry.getValueNode();
    }

    private static Node key(MappingNode map, String key) {
        NodeTuple entry = entry(map, key);
        return entry == null ? map : entry.getKeyNode();
    }

    private static NodeTuple entry(MappingNode map, String key) {
        for (NodeTuple entry : map.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return entry;
            }
        }
        return null;
    }

    /**
     * Refuses a key written twice in one mapping anywhere below {@code node}. SnakeYAML checks this only
     * when it constructs Java objects, which this class never does. Keys compare by their text, so
     * {@code 2.1} and {@code 2.10} differ; {@code seen} keeps shared (aliased) nodes from being walked twice.
     */
    private static void rejectDuplicateKeys(Node node, String path, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (node instanceof MappingNode map) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple entry : map.getValue()) {
                String child = path;
                if (entry.getKeyNode() instanceof ScalarNode key) {
                    child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    if (!keys.add(key.getValue())) {
                        throw error(key, "duplicate key " + child);
                    }
                }
                rejectDuplicateKeys(entry.getValueNode(), child, seen);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                rejectDuplicateKeys(items.get(i), path + "[" + i + "]", seen);
            }
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** How a value shows in an error: a scalar as written, otherwise what kind of node it is. */
    private static String shown(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        String text = ((ScalarNode) node).getValue();
        return isNull(node) || text.isEmpty() ? "empty" : quoted(text);
    }

    /** {@code 'text'}, with control characters escaped and cut short, for echoing input in one line. */
    private static String quoted(String text) {
        StringBuilder shown = new StringBuilder("'");
        text.codePoints().limit(MAX_SHOWN).forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append("\\u%04x".formatted(c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.append(text.codePointCount(0, text.length()) > MAX_SHOWN ? "...'" : "'").toString();
    }

    private static ModulemdException error(Node node, String message) {
        return new ModulemdException("modulemd line " + (node.getStartMark().getLine() + 1) + ": " + message);
    }
}

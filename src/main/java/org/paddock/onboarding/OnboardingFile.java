package org.paddock.onboarding;

import org.paddock.artifact.YamlLimits;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Text;
import org.paddock.platform.security.Group;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
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

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * An onboarding file: the groups, releases and module streams a distribution starts with, in the words of the API
 * ({@code POST /api/v1/groups}, {@code /releases}, {@code /releases/{name}/streams}):
 * <pre>
 * groups:
 *   - {name: httpd-maintainers, description: Apache httpd, members: [alice]}
 * releases:
 *   - name: F46
 *     longName: Fedora 46
 *     state: current
 *     aliasPrefix: FEDORA
 *     streams:
 *       - {name: httpd, stream: "2.4", ownerGroup: httpd-maintainers, summary: Apache httpd, eol: 2027-06-01}
 * </pre>
 * Read as YAML nodes within {@link YamlLimits} (every value the text it was written as: stream {@code 2.10} stays
 * {@code "2.10"}); an unknown key, a value of the wrong shape or a name given twice is refused with its path into the
 * file ({@code releases[1].streams[0].ownerGroup}). What each value may be is the services' rule, checked when the
 * import makes the thing; {@link #differences} tells whether what exists already is what the file says.
 */
public record OnboardingFile(List<GroupEntry> groups, List<ReleaseEntry> releases) {

    /** A group; {@code members} are user names to add to it (members not listed stay). */
    public record GroupEntry(String path, String name, String description, List<String> members) {
    }

    public record ReleaseEntry(String path, String name, String longName, String state, String aliasPrefix,
                               List<StreamEntry> streams) {
    }

    /** A module stream; {@code eol} is the last day it takes updates, as 2027-06-01. */
    public record StreamEntry(String path, String name, String stream, String summary, String ownerGroup, String eol) {
        public String nameStream() {
            return name + ":" + stream;
        }
    }

    private static final Set<String> TOP = Set.of("groups", "releases");
    private static final Set<String> GROUP = Set.of("name", "description", "members");
    private static final Set<String> RELEASE = Set.of("name", "longName", "state", "aliasPrefix", "streams");
    private static final Set<String> STREAM = Set.of("name", "stream", "summary", "ownerGroup", "eol");

    /** Reads {@code yaml}; every refusal is an {@link InvalidInputException} naming its path into the file. */
    public static OnboardingFile parse(String yaml) {
        Node root;
        try {
            root = new Yaml(YamlLimits.options()).compose(new StringReader(Objects.requireNonNull(yaml)));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InvalidInputException("body", "is not YAML: " + e.getProblem()
                    + (mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)));
        } catch (ReaderException e) {
            throw new InvalidInputException("body", "is not YAML: character U+%04X is not allowed (character %d)"
                    .formatted(e.getCodePoint(), e.getPosition() + 1));
        } catch (YAMLException e) {
            // YamlLimits' limits (aliases, depth, size), which SnakeYAML reports without a position; also two documents
            throw new InvalidInputException("body", "is refused: " + e.getMessage());
        }
        if (root == null || isNull(root)) {
            throw new InvalidInputException("body", "is empty: send groups and releases (see the README)");
        }
        Map<String, Node> top = fields(root, "", TOP);
        List<GroupEntry> groups = list(top.get("groups"), "groups", OnboardingFile::group);
        List<ReleaseEntry> releases = list(top.get("releases"), "releases", OnboardingFile::release);
        if (groups.isEmpty() && releases.isEmpty()) {
            throw new InvalidInputException("body", "names no group and no release: nothing to import");
        }
        List<FieldError> twice = new ArrayList<>();
        twice(groups, GroupEntry::name, GroupEntry::path, twice);
        twice(releases, ReleaseEntry::name, ReleaseEntry::path, twice);
        for (ReleaseEntry r : releases) {
            twice(r.streams(), StreamEntry::nameStream, StreamEntry::path, twice);
        }
        if (!twice.isEmpty()) {
            throw new InvalidInputException(twice);
        }
        return new OnboardingFile(groups, releases);
    }

    /**
     * What the file says of an existing release, module stream or group that differs from what Paddock holds: one
     * refusal per differing value the file gives (a value it leaves out is not compared). An import makes what is
     * new and leaves what exists alone, so a difference is a mistake in the file or a change to make by hand.
     */
    public static List<FieldError> differences(ReleaseEntry e, Release r) {
        List<FieldError> errors = new ArrayList<>();
        String change = "; an import only makes what is new: change it with PATCH /api/v1/releases/" + r.getName();
        differ(errors, e.path() + ".longName", e.longName(), r.getLongName(), false, change);
        differ(errors, e.path() + ".state", e.state(), r.getState().word(), true, change);
        differ(errors, e.path() + ".aliasPrefix", e.aliasPrefix(), r.getAliasPrefix(), false, change);
        return errors;
    }

    public static List<FieldError> differences(StreamEntry e, ModuleStream s) {
        List<FieldError> errors = new ArrayList<>();
        String change = "; an import only makes what is new: change it with PATCH /api/v1/releases/"
                + s.getRelease().getName() + "/streams/" + s.getNameStream();
        differ(errors, e.path() + ".ownerGroup", e.ownerGroup(),
                s.getOwnerGroup() == null ? null : s.getOwnerGroup().getName(), false, change);
        differ(errors, e.path() + ".summary", e.summary(), s.getSummary(), false, change);
        differ(errors, e.path() + ".eol", e.eol(), s.getEndOfLife() == null ? "" : s.getEndOfLife().toString(), false,
                change);
        return errors;
    }

    public static List<FieldError> differences(GroupEntry e, Group g) {
        List<FieldError> errors = new ArrayList<>();
        differ(errors, e.path() + ".description", e.description(), g.getDescription(), false,
                "; an import only makes what is new: change it with PATCH /api/v1/groups/" + g.getName());
        return errors;
    }

    private static void differ(List<FieldError> errors, String field, String given, String held, boolean anyCase,
                               String change) {
        if (given == null) {
            return;
        }
        String g = given.strip();
        String h = held == null ? "" : held.strip();
        if (anyCase ? !g.toLowerCase(Locale.ROOT).equals(h.toLowerCase(Locale.ROOT)) : !g.equals(h)) {
            errors.add(new FieldError(field, "is '" + h + "' in Paddock, not '" + g + "'" + change));
        }
    }

    // --- reading -------------------------------------------------------------------------------------------

    private static GroupEntry group(Node node, String path) {
        Map<String, Node> f = fields(node, path, GROUP);
        return new GroupEntry(path, required(f, path, "name"), text(f, path, "description"),
                list(f.get("members"), path + ".members", OnboardingFile::scalar));
    }

    private static ReleaseEntry release(Node node, String path) {
        Map<String, Node> f = fields(node, path, RELEASE);
        return new ReleaseEntry(path, required(f, path, "name"), text(f, path, "longName"), text(f, path, "state"),
                text(f, path, "aliasPrefix"), list(f.get("streams"), path + ".streams", OnboardingFile::stream));
    }

    private static StreamEntry stream(Node node, String path) {
        Map<String, Node> f = fields(node, path, STREAM);
        return new StreamEntry(path, required(f, path, "name"), required(f, path, "stream"), text(f, path, "summary"),
                text(f, path, "ownerGroup"), text(f, path, "eol"));
    }

    /** The keys of a mapping with their values: each key once, and only the known ones. */
    private static Map<String, Node> fields(Node node, String path, Set<String> known) {
        if (!(node instanceof MappingNode map)) {
            throw new InvalidInputException(path.isEmpty() ? "body" : path, "must be a mapping of "
                    + String.join(", ", known.stream().sorted().toList()) + ", not " + shown(node));
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
            String at = path.isEmpty() ? key : path + "." + key;
            if (!known.contains(key)) {
                throw new InvalidInputException(path.isEmpty() ? "body" : path, "has an unknown key '"
                        + Text.clip(key, 80) + "' (line " + line(t.getKeyNode()) + "): expected "
                        + String.join(", ", known.stream().sorted().toList()));
            }
            if (fields.put(key, t.getValueNode()) != null) {
                throw new InvalidInputException(at, "is given twice (line " + line(t.getKeyNode()) + ")");
            }
        }
        return fields;
    }

    private static <T> List<T> list(Node node, String path, Reader<T> item) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            throw new InvalidInputException(path, "must be a list, not " + shown(node));
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            items.add(item.read(seq.getValue().get(i), path + "[" + i + "]"));
        }
        return List.copyOf(items);
    }

    private interface Reader<T> {
        T read(Node node, String path);
    }

    private static String required(Map<String, Node> f, String path, String key) {
        String v = text(f, path, key);
        if (v == null || v.isBlank()) {
            throw new InvalidInputException(path + "." + key, "is required");
        }
        return v.strip();
    }

    /** The text of {@code key}, or null when it is absent or empty ({@code eol:}). */
    private static String text(Map<String, Node> f, String path, String key) {
        Node n = f.get(key);
        return n == null || isNull(n) ? null : scalar(n, path + "." + key);
    }

    private static String scalar(Node node, String path) {
        if (!(node instanceof ScalarNode s) || isNull(node)) {
            throw new InvalidInputException(path, "must be a text, not " + shown(node));
        }
        String why = Text.unstorable(s.getValue());
        if (why != null) {
            throw new InvalidInputException(path, why);
        }
        return s.getValue();
    }

    private static <T> void twice(List<T> items, Function<T, String> name, Function<T, String> path,
                                  List<FieldError> errors) {
        Map<String, String> first = new HashMap<>();
        for (T item : items) {
            String earlier = first.putIfAbsent(name.apply(item), path.apply(item));
            if (earlier != null) {
                errors.add(new FieldError(path.apply(item) + ".name", name.apply(item) + " is in the file twice (first at "
                        + earlier + ")"));
            }
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String shown(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping (line " + line(node) + ")";
        }
        if (node instanceof SequenceNode) {
            return "a list (line " + line(node) + ")";
        }
        return isNull(node) ? "empty" : "'" + Text.clip(((ScalarNode) node).getValue(), 80) + "'";
    }
}

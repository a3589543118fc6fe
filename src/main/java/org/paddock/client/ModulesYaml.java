package org.paddock.client;

import org.paddock.artifact.YamlLimits;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A repository's {@code modules.yaml}: the module builds it publishes (modulemd v2) and the default streams
 * (modulemd-defaults v1). Lenient on purpose, unlike the server's {@code Modulemd}: a repository the client did not
 * write is read for what it needs (name, stream, version, context, arch; a module's default stream), and other
 * documents (translations, obsoletes) are skipped.
 */
public final class ModulesYaml {

    /** A module build a repository publishes. */
    public record Build(String name, String stream, String version, String context, String arch) {
    }

    private final List<Build> builds;
    private final Map<String, String> defaults;

    private ModulesYaml(List<Build> builds, Map<String, String> defaults) {
        this.builds = List.copyOf(builds);
        this.defaults = Map.copyOf(defaults);
    }

    public static ModulesYaml read(Reader in, String source) {
        List<Build> builds = new ArrayList<>();
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        try {
            for (Object doc : new Yaml(new SafeConstructor(YamlLimits.options())).loadAll(in)) {
                if (!(doc instanceof Map<?, ?> d) || !(d.get("data") instanceof Map<?, ?> data)) {
                    continue;
                }
                String kind = String.valueOf(d.get("document"));
                if (kind.equals("modulemd") && data.get("name") != null && data.get("stream") != null) {
                    builds.add(new Build(text(data.get("name")), text(data.get("stream")), text(data.get("version")),
                            text(data.get("context")), text(data.get("arch"))));
                } else if (kind.equals("modulemd-defaults") && data.get("module") != null && data.get("stream") != null) {
                    defaults.putIfAbsent(text(data.get("module")), text(data.get("stream")));
                }
            }
        } catch (YAMLException e) {
            throw new ClientException(source + ": not a modules.yaml: " + RpmList.shorten(String.valueOf(e.getMessage())
                    .replace('\n', ' ')));
        }
        return new ModulesYaml(builds, defaults);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    public List<Build> builds() {
        return builds;
    }

    /** Module name → its default stream. */
    public Map<String, String> defaults() {
        return defaults;
    }

    /** Whether the repository publishes a build of {@code name:stream} with {@code context}. */
    public boolean publishes(String name, String stream, String context) {
        return builds.stream().anyMatch(b -> b.name().equals(name) && b.stream().equals(stream)
                && (context == null || context.isEmpty() || b.context().equals(context)));
    }

    public Set<String> streams() {
        Set<String> s = new LinkedHashSet<>();
        builds.forEach(b -> s.add(b.name() + ":" + b.stream()));
        return s;
    }
}

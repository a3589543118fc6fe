package org.paddock.artifact;

import org.yaml.snakeyaml.LoaderOptions;

/**
 * The limits every YAML Paddock reads is held to — modulemd, modules.yaml, Greenwave policies: no alias
 * bombs, no deep nesting, no merge keys or duplicate keys, a bounded size. SnakeYAML refuses NUL and other
 * non-printable characters itself.
 */
public final class YamlLimits {

    /** The most characters one input may have (10 MiB of ASCII). */
    public static final int MAX_CHARS = 10 * 1024 * 1024;
    /** The most aliases to a list or mapping in one input; the module build service writes none. */
    public static final int MAX_ALIASES = 10;
    /** The deepest nesting of lists and mappings; modulemd and policies need fewer than ten levels. */
    public static final int MAX_DEPTH = 50;

    private YamlLimits() {
    }

    public static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowDuplicateKeys(false); // only a constructor checks this: readers of nodes check it themselves
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(false);
        return options;
    }
}

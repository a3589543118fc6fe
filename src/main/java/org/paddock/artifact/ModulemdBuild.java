package org.paddock.artifact;

import java.util.List;
import java.util.Objects;

/**
 * One module build as a modulemd v2 document describes it.
 *
 * @param name        the module name, e.g. {@code postgresql}
 * @param stream      the stream, exactly as written, e.g. {@code 9.6} or {@code 2.10} (never a number)
 * @param version     the module version, e.g. {@code 20180816142114}
 * @param context     the context, e.g. {@code 6c81f848}
 * @param arch        the architecture, e.g. {@code x86_64}
 * @param summary     {@code data.summary}, empty when absent
 * @param description {@code data.description}, empty when absent
 * @param licenses    {@code data.license.content}: the licences of the packages in the build, in document
 *                    order (not {@code data.license.module}, the licence of the module metadata itself)
 * @param rpms        {@code data.artifacts.rpms}: the packages of the build as NEVRA strings such as
 *                    {@code nginx-1:1.24.0-1.module_f45+123+abcd.x86_64}, unparsed, in document order
 */
public record ModulemdBuild(String name, String stream, long version, String context, String arch,
                            String summary, String description, List<String> licenses, List<String> rpms) {

    public ModulemdBuild {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        licenses = List.copyOf(licenses);
        rpms = List.copyOf(rpms);
    }

    /** {@code name:stream:version:context:arch}, e.g. {@code postgresql:9.6:20180816142114:6c81f848:x86_64}. */
    public String nsvca() {
        return name + ":" + stream + ":" + version + ":" + context + ":" + arch;
    }
}

package org.paddock.client;

import org.paddock.artifact.Evr;

import java.util.Objects;

/**
 * One installed package, as the inventory found it.
 *
 * @param kind            {@code rpm}, or the ecosystem of a package inside one: {@code gem}, {@code pypi},
 *                        {@code maven}
 * @param name            its name ({@code groupId:artifactId} for Maven)
 * @param evr             for an RPM, its {@code [epoch:]version-release}; {@code null} otherwise
 * @param version         for any other kind, its version as its ecosystem writes it; for an RPM, the EVR as text
 * @param arch            an RPM's arch; {@code null} otherwise
 * @param modularityLabel an RPM's {@code MODULARITYLABEL} ({@code name:stream:version:context}), {@code null} when
 *                        it has none (it was not built in a module)
 * @param ownerRpm        for a gem, wheel or jar that an RPM's files hold, that RPM's name; {@code null} otherwise
 */
public record Installed(String kind, String name, Evr evr, String version, String arch, String modularityLabel,
                        String ownerRpm) {

    public Installed {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    public static Installed rpm(String name, Evr evr, String arch, String modularityLabel) {
        return new Installed("rpm", name, Objects.requireNonNull(evr, "evr"), Advisory.evrText(evr),
                Objects.requireNonNull(arch, "arch"), modularityLabel, null);
    }

    public boolean isRpm() {
        return "rpm".equals(kind);
    }

    /** The module {@code name:stream} its label names, or {@code null}. */
    public String moduleStream() {
        if (modularityLabel == null) {
            return null;
        }
        String[] parts = modularityLabel.split(":");
        return parts.length >= 2 ? parts[0] + ":" + parts[1] : null;
    }

    /** {@code name-[epoch:]version-release.arch} as dnf prints it (the epoch only when not 0). */
    public String nevra() {
        return isRpm() ? Advisory.nevra(name, evr, arch) : name + "-" + version;
    }
}

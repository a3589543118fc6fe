package org.paddock.release;

import java.util.List;

/**
 * A module build as submitted (JSON over REST, or read from modulemd YAML): NSVCA, words, and its
 * packages — RPMs by NEVRA, anything else by package URL.
 */
public record BuildDraft(String name, String stream, Long version, String context, String arch, String summary,
                         String description, List<RpmDraft> rpms, List<String> packages) {

    public BuildDraft {
        rpms = rpms == null ? List.of() : List.copyOf(rpms);
        packages = packages == null ? List.of() : List.copyOf(packages);
    }

    /** One RPM: its NEVRA ({@code nginx-1:1.24.0-1.fc45.x86_64}), optionally its source RPM and sha256. */
    public record RpmDraft(String nevra, String sourceRpm, String sha256) {
    }

    public String nsvca() {
        return name + ":" + stream + ":" + version + ":" + context + ":" + arch;
    }
}

package org.paddock.release;

import java.util.List;

/**
 * One package of a module build as the REST API shows it (in {@code /api/v1/builds} and in an update's
 * builds); {@code fixes} names the references an update says it fixes, empty outside an update.
 */
public record PackageView(String kind, String name, String epoch, String version, String release, String arch,
                          String nevra, String sourceRpm, String sha256, String purl, List<String> fixes) {

    public static PackageView of(Artifact a, List<String> fixes) {
        return new PackageView(a.getKind(), a.getName(), a.getEpoch(), a.getVersion(), a.getRelease(), a.getArch(),
                a.isRpm() ? a.nevra() : null, a.getSourceRpm(), a.getSha256(), a.getPurl(), List.copyOf(fixes));
    }

    /** The packages of a build, outside any update. */
    public static List<PackageView> of(ModuleBuild b) {
        return b.getArtifacts().stream().map(a -> of(a, List.of())).toList();
    }
}

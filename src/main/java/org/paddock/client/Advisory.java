package org.paddock.client;

import org.paddock.artifact.Evr;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An advisory as the client reads it from an updateinfo.xml or Paddock's JSON API: what it is, what it refers to,
 * and the packages that fix it, in collections (one per module build, or one without a module).
 *
 * @param type     {@code security}, {@code bugfix}, {@code enhancement} or {@code newpackage}
 * @param severity {@code Critical}, {@code Important}, {@code Moderate}, {@code Low}, or {@code null} when none
 * @param url      the advisory's page, or {@code null}
 * @param cvesPerPackage whether the source says which package fixes which CVE (Paddock's API does; an updateinfo.xml
 *                 cannot, so there every package fixes all of the advisory's CVEs)
 */
public record Advisory(String id, String type, String severity, String title, Instant issued, Instant updated,
                       String url, List<Reference> references, List<Collection> collections, boolean cvesPerPackage) {

    public Advisory {
        references = List.copyOf(references);
        collections = List.copyOf(collections);
    }

    /** An advisory whose source does not say which package fixes which CVE (an updateinfo.xml's). */
    public Advisory(String id, String type, String severity, String title, Instant issued, Instant updated,
                    String url, List<Reference> references, List<Collection> collections) {
        this(id, type, severity, title, issued, updated, url, references, collections, false);
    }

    /** The CVEs {@code fix} fixes: those the source names for it, or, when it names none per package, all of them. */
    public List<String> cvesFixedBy(Fix fix) {
        return cvesPerPackage ? fix.cves() : ids("cve");
    }

    /** One advisory per id in a source: equal by id, so sets and maps of them do not hash every package. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Advisory a && a.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** A CVE, Bugzilla or other reference. {@code type}: {@code cve}, {@code bugzilla}, {@code self}, {@code other}. */
    public record Reference(String type, String id, String title, String url) {
    }

    /** A module build {@code name:stream:version:context:arch} as an advisory names it. */
    public record Module(String name, String stream, String version, String context, String arch) {

        public String nameStream() {
            return name + ":" + stream;
        }

        public String nsvca() {
            return name + ":" + stream + ":" + version + ":" + context + ":" + arch;
        }
    }

    /** The packages of one module build (or of none, {@code module == null}). */
    public record Collection(Module module, List<Fix> packages) {

        public Collection {
            packages = List.copyOf(packages);
        }
    }

    /**
     * A package that fixes the advisory: an RPM ({@code evr} and {@code arch} set) or a gem, wheel or jar
     * ({@code kind} of its ecosystem, {@code version} only); {@code cves} are the CVEs it fixes, empty when the
     * advisory does not say per package.
     */
    public record Fix(String kind, String name, Evr evr, String version, String arch, List<String> cves) {

        public Fix {
            cves = List.copyOf(cves);
        }

        public static Fix rpm(String name, Evr evr, String arch) {
            return new Fix("rpm", name, evr, evrText(evr), arch, List.of());
        }

        public boolean isRpm() {
            return "rpm".equals(kind);
        }

        public String nevra() {
            return isRpm() ? Advisory.nevra(name, evr, arch) : name + "-" + version;
        }
    }

    public List<String> ids(String referenceType) {
        return references.stream().filter(r -> r.type().equals(referenceType)).map(Reference::id).distinct().toList();
    }

    /** The severity in dnf's words, {@code null} for none. */
    public String severityWord() {
        return severity == null || severity.isBlank() || severity.equalsIgnoreCase("none") ? null
                : severity.substring(0, 1).toUpperCase(Locale.ROOT) + severity.substring(1).toLowerCase(Locale.ROOT);
    }

    /** {@code name-[epoch:]version-release.arch}, the epoch only when it is not 0, as dnf prints it. */
    static String nevra(String name, Evr evr, String arch) {
        return name + "-" + evrText(evr) + "." + arch;
    }

    /** Whether an epoch is absent or 0 (written 0, 00 …); no regex: it runs once per package. */
    static boolean isZero(String epoch) {
        if (epoch == null) {
            return true;
        }
        for (int i = 0; i < epoch.length(); i++) {
            if (epoch.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** {@code [epoch:]version-release}, the epoch only when it is not 0, as dnf prints it. */
    static String evrText(Evr evr) {
        String epoch = isZero(evr.epoch()) ? "" : evr.epoch() + ":";
        return epoch + evr.version() + (evr.release() == null ? "" : "-" + evr.release());
    }
}

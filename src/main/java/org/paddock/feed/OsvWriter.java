package org.paddock.feed;

import jakarta.json.stream.JsonGenerator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An advisory in the OSV schema (1.7): {@code affected} lists every contained package once, with its purl and an
 * {@code ECOSYSTEM} range fixed at the updated version; {@code upstream} holds the CVE ids. RPMs are given the
 * ecosystem {@code <rpmEcosystem>:<release>} (OSV has no ecosystem of its own for an arbitrary RPM distribution:
 * the default is the Red Hat family's); gems, wheels, jars and npm packages their registry's.
 */
public final class OsvWriter {

    public static final String SCHEMA_VERSION = "1.7.5";

    private final String rpmEcosystem;

    public OsvWriter(String rpmEcosystem) {
        this.rpmEcosystem = rpmEcosystem;
    }

    public void write(Advisory a, JsonGenerator g) {
        g.writeStartObject();
        g.write("schema_version", SCHEMA_VERSION);
        g.write("id", a.id());
        g.write("modified", time(a.updated()));
        g.write("published", time(a.issued()));
        Set<String> cves = new LinkedHashSet<>();
        a.references().stream().filter(r -> "cve".equals(r.kind())).forEach(r -> cves.add(r.id()));
        if (!cves.isEmpty()) {
            g.writeStartArray("upstream");
            cves.forEach(g::write);
            g.writeEnd();
        }
        g.write("summary", UpdateinfoWriter.clean(a.title()));
        g.write("details", UpdateinfoWriter.clean(a.notes() == null || a.notes().isBlank() ? a.title() : a.notes()));
        g.writeStartArray("affected");
        Map<String, Advisory.Pkg> packages = new LinkedHashMap<>();
        Map<String, Advisory.Build> buildOf = new LinkedHashMap<>();
        for (Advisory.Build b : a.builds()) {
            for (Advisory.Pkg p : b.packages()) {
                if (packages.putIfAbsent(p.purl(), p) == null) {
                    buildOf.put(p.purl(), b);
                }
            }
        }
        for (Advisory.Pkg p : packages.values()) {
            Advisory.Build b = buildOf.get(p.purl());
            g.writeStartObject();
            g.writeStartObject("package");
            g.write("ecosystem", ecosystem(p, a.release()));
            g.write("name", p.name());
            g.write("purl", p.purl());
            g.writeEnd();
            g.writeStartArray("ranges");
            g.writeStartObject();
            g.write("type", "ECOSYSTEM");
            g.writeStartArray("events");
            g.writeStartObject().write("introduced", "0").writeEnd();
            g.writeStartObject().write("fixed", fixedVersion(p)).writeEnd();
            g.writeEnd();
            g.writeEnd();
            g.writeEnd();
            g.writeStartObject("ecosystem_specific");
            g.write("module", b.nsvca());
            g.write("kind", p.kind());
            if (p.arch() != null) {
                g.write("arch", p.arch());
            }
            g.writeEnd();
            g.writeEnd();
        }
        g.writeEnd();
        g.writeStartArray("references");
        g.writeStartObject().write("type", "ADVISORY").write("url", a.url()).writeEnd();
        for (Advisory.Ref r : a.references()) {
            g.writeStartObject().write("type", switch (r.kind()) {
                case "bugzilla" -> "REPORT";
                case "cve" -> "ADVISORY";
                default -> "WEB";
            }).write("url", r.url()).writeEnd();
        }
        g.writeEnd();
        g.writeStartObject("database_specific");
        g.write("release", a.release());
        g.write("status", a.status());
        g.write("type", a.type());
        g.write("severity", a.severity());
        g.writeEnd();
        g.writeEnd();
    }

    private String ecosystem(Advisory.Pkg p, String release) {
        return switch (p.kind()) {
            case "rpm" -> rpmEcosystem + ":" + release;
            case "gem" -> "RubyGems";
            case "pypi" -> "PyPI";
            case "maven" -> "Maven";
            case "npm" -> "npm";
            default -> rpmEcosystem + ":" + release;
        };
    }

    /** The version as the ecosystem compares them: {@code [epoch:]version-release} for RPMs, the version otherwise. */
    static String fixedVersion(Advisory.Pkg p) {
        if (!"rpm".equals(p.kind())) {
            return p.version();
        }
        String epoch = p.epoch() == null || p.epoch().isBlank() || p.epoch().equals("0") ? "" : p.epoch() + ":";
        return epoch + p.version() + "-" + p.release();
    }

    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

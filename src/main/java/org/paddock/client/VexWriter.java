package org.paddock.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.paddock.artifact.Purl;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code --format cyclonedx-vex}: what concerns the host as a CycloneDX 1.6 VEX document, for scanners. Each
 * installed package an advisory concerns is a component (with its purl); each CVE (or, for an advisory without one,
 * the advisory itself) is a vulnerability that affects it: {@code exploitable} with the response {@code update} while
 * the fix is not installed (the installed version {@code affected}, the fixed one {@code unaffected}),
 * {@code resolved} once it is. Written with Jackson; the tests check it against CycloneDX's own 1.6 schema.
 */
public final class VexWriter {

    private VexWriter() {
    }

    /** @param rpmVendor the namespace of RPMs' purls ({@code fedora}, {@code redhat}, …) */
    public static String write(List<Applicability.Match> matches, String rpmVendor, String toolVersion, Instant now)
            throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode bom = json.createObjectNode();
        bom.put("bomFormat", "CycloneDX");
        bom.put("specVersion", "1.6");
        bom.put("serialNumber", "urn:uuid:" + UUID.randomUUID());
        bom.put("version", 1);
        ObjectNode metadata = bom.putObject("metadata");
        metadata.put("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode tool = metadata.putObject("tools").putArray("components").addObject();
        tool.put("type", "application");
        tool.put("name", "paddock-client");
        tool.put("version", toolVersion);

        Map<String, ObjectNode> components = new LinkedHashMap<>();
        Map<String, ObjectNode> vulnerabilities = new LinkedHashMap<>();
        ArrayNode componentList = bom.putArray("components");
        for (Applicability.Match m : matches) {
            Installed p = m.installed();
            String ref = purl(p, rpmVendor);
            components.computeIfAbsent(ref, r -> {
                ObjectNode c = componentList.addObject();
                c.put("type", "library");
                c.put("bom-ref", r);
                c.put("name", p.name());
                c.put("version", p.version());
                c.put("purl", r);
                return c;
            });
            List<String> ids = m.cves();
            for (String id : ids.isEmpty() ? List.of(m.advisory().id()) : ids) {
                ObjectNode v = vulnerabilities.computeIfAbsent(id + " " + m.state(), k -> vulnerability(json, id, m));
                ArrayNode affects = (ArrayNode) v.get("affects");
                if (affects.findValuesAsText("ref").contains(ref)) {
                    continue;
                }
                ObjectNode a = affects.addObject();
                a.put("ref", ref);
                ArrayNode versions = a.putArray("versions");
                boolean open = m.state() == Applicability.State.AVAILABLE;
                versions.addObject().put("version", p.version()).put("status", open ? "affected" : "unaffected");
                if (open) {
                    versions.addObject().put("version", m.fix().version()).put("status", "unaffected");
                }
            }
        }
        ArrayNode vulnerabilityList = bom.putArray("vulnerabilities");
        vulnerabilities.values().forEach(vulnerabilityList::add);
        return json.writeValueAsString(bom);
    }

    private static ObjectNode vulnerability(ObjectMapper json, String id, Applicability.Match m) {
        Advisory a = m.advisory();
        ObjectNode v = json.createObjectNode();
        v.put("bom-ref", id + (m.state() == Applicability.State.AVAILABLE ? "" : "-resolved") + "-" + a.id());
        v.put("id", id);
        ObjectNode source = v.putObject("source");
        source.put("name", id.startsWith("CVE-") ? "NVD" : "Paddock");
        if (id.startsWith("CVE-")) {
            source.put("url", "https://nvd.nist.gov/vuln/detail/" + id);
        } else if (a.url() != null) {
            source.put("url", a.url());
        }
        String severity = severity(a);
        if (severity != null) {
            v.putArray("ratings").addObject().put("severity", severity).put("method", "other")
                    .putObject("source").put("name", a.id());
        }
        if (a.url() != null || !a.title().isEmpty()) {
            ObjectNode adv = v.putArray("advisories").addObject();
            adv.put("title", a.id() + (a.title().isEmpty() ? "" : ": " + a.title()));
            adv.put("url", a.url() == null ? "urn:advisory:" + a.id() : a.url());
        }
        ObjectNode analysis = v.putObject("analysis");
        if (m.state() == Applicability.State.AVAILABLE) {
            analysis.put("state", "exploitable");
            analysis.putArray("response").add("update");
            analysis.put("detail", a.id() + " fixes it" + (m.moduleStream() == null ? "" : " in " + m.moduleStream()));
        } else {
            analysis.put("state", "resolved");
            analysis.put("detail", "the fix of " + a.id() + " is installed");
        }
        v.putArray("affects");
        return v;
    }

    /** Paddock's and dnf's severity in CycloneDX's words. */
    private static String severity(Advisory a) {
        String s = a.severity() == null ? "" : a.severity().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "critical" -> "critical";
            case "important", "high" -> "high";
            case "moderate", "medium" -> "medium";
            case "low" -> "low";
            default -> null;
        };
    }

    /** The installed package's purl. */
    static String purl(Installed p, String rpmVendor) {
        return switch (p.kind()) {
            case "rpm" -> {
                Purl base = Purl.of("rpm", rpmVendor, p.name(), p.evr().version()
                        + (p.evr().release() == null ? "" : "-" + p.evr().release())).withQualifier("arch", p.arch());
                String epoch = p.evr().epoch();
                yield (Advisory.isZero(epoch) ? base : base.withQualifier("epoch", epoch)).toString();
            }
            case "maven" -> {
                int colon = p.name().indexOf(':');
                yield Purl.of("maven", colon < 0 ? null : p.name().substring(0, colon),
                        colon < 0 ? p.name() : p.name().substring(colon + 1), p.version()).toString();
            }
            default -> Purl.of(p.kind(), null, p.name(), p.version()).toString();
        };
    }
}

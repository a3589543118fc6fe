package org.paddock.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.paddock.artifact.Evr;
import org.paddock.artifact.Purl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What is installed, as an SBOM says: CycloneDX JSON (1.4–1.6) or SPDX 2.x JSON, as Syft and Trivy write them. Only
 * components with a package URL count: {@code pkg:rpm} (version {@code version-release}, qualifiers {@code arch} and
 * {@code epoch}; one without {@code arch} is taken as noarch), {@code pkg:gem}, {@code pkg:pypi} and
 * {@code pkg:maven}; others (deb, npm, the operating system, the image itself), gpg-pubkey entries and purls that do
 * not parse are left out.
 *
 * <p>An RPM's module comes from any of the encodings scanners use: the purl qualifier {@code modularitylabel=}
 * (Trivy), Red Hat's {@code rpmmod=}, or, in CycloneDX, a property whose name ends in {@code modularityLabel} in any
 * case (Syft's {@code syft:metadata:modularityLabel}).
 *
 * <p>A gem, wheel or jar is held by an RPM ({@link Installed#ownerRpm()}) where the SBOM says so: in CycloneDX, when it
 * is nested in the RPM's {@code components} or the RPM's entry in {@code dependencies} lists it; in SPDX, when the RPM
 * {@code CONTAINS} it (or it is {@code CONTAINED_BY} the RPM), when Syft's {@code ownership-by-file-overlap} relation
 * says so, or when a file its existence is {@code evident-by} is a file the RPM {@code CONTAINS}.
 *
 * <p>The document is read under limits (size, nesting depth, string length); anything else — not JSON, neither
 * format, too big, too deep — is a {@link ClientException} of one line.
 */
public final class Sbom {

    /** The largest SBOM read, in bytes. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** The deepest nesting of JSON objects and arrays read. */
    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 1024 * 1024;

    private static final Set<String> KINDS = Set.of("rpm", "gem", "pypi", "maven");

    private Sbom() {
    }

    public static List<Installed> read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ClientException(file + ": SBOM larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, file.toString());
            }
        } catch (NoSuchFileException e) {
            throw new ClientException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new ClientException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** @param source names the input in error messages */
    public static List<Installed> read(InputStream in, String source) throws IOException {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxDocumentLength(MAX_BYTES)
                .maxNumberLength(100).maxNameLength(10_000).build()).build();
        JsonNode root;
        try {
            root = new ObjectMapper(factory).readTree(in);
        } catch (StreamConstraintsException e) {
            throw new ClientException(source + ": SBOM too big or too deep (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (JsonProcessingException e) {
            throw new ClientException(source + ": not JSON (" + firstLine(e.getOriginalMessage()) + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ClientException(source + ": not an SBOM: expected a CycloneDX or SPDX JSON object");
        }
        if ("CycloneDX".equals(root.path("bomFormat").asText())) {
            String spec = root.path("specVersion").asText("");
            if (!spec.matches("1\\.\\d+")) { // components and purls are the same from 1.0; a 2.x may not be
                throw new ClientException(source + ": CycloneDX specVersion \"" + spec + "\": the client reads CycloneDX 1.x JSON");
            }
            return dedupe(cycloneDx(root));
        }
        if (root.path("spdxVersion").asText().startsWith("SPDX-2.")) {
            return dedupe(spdx(root));
        }
        throw new ClientException(source + ": neither CycloneDX JSON (bomFormat \"CycloneDX\") nor SPDX 2.x JSON "
                + "(spdxVersion \"SPDX-2.3\")");
    }

    /** A package while the document is read: its purl, a label from elsewhere, and the RPM that holds it. */
    private static final class Entry {
        final Purl purl;
        final String kind;
        String label;
        String owner;

        Entry(Purl purl) {
            this.purl = purl;
            this.kind = purl.type();
        }

        boolean isRpm() {
            return kind.equals("rpm");
        }
    }

    private static List<Installed> cycloneDx(JsonNode bom) {
        Map<String, Entry> byRef = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        components(bom.path("components"), null, byRef, entries);
        for (JsonNode d : bom.path("dependencies")) {
            Entry parent = byRef.get(d.path("ref").asText());
            if (parent == null || !parent.isRpm()) {
                continue;
            }
            for (JsonNode child : d.path("dependsOn")) {
                Entry e = byRef.get(child.asText());
                if (e != null && !e.isRpm() && e.owner == null) {
                    e.owner = parent.purl.name();
                }
            }
        }
        return installed(entries);
    }

    private static void components(JsonNode list, Entry parent, Map<String, Entry> byRef, List<Entry> out) {
        for (JsonNode c : list) {
            Entry e = entry(c.path("purl").asText(null));
            if (e != null) {
                for (JsonNode p : c.path("properties")) {
                    if (p.path("name").asText().toLowerCase(Locale.ROOT).endsWith("modularitylabel")
                            && !p.path("value").asText().isBlank()) {
                        e.label = p.path("value").asText().strip();
                    }
                }
                if (parent != null && parent.isRpm() && !e.isRpm()) {
                    e.owner = parent.purl.name();
                }
                out.add(e);
                if (c.hasNonNull("bom-ref")) {
                    byRef.put(c.get("bom-ref").asText(), e);
                }
            }
            components(c.path("components"), e != null ? e : parent, byRef, out);
        }
    }

    private static List<Installed> spdx(JsonNode doc) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (JsonNode p : doc.path("packages")) {
            String purl = null;
            for (JsonNode ref : p.path("externalRefs")) {
                if ("purl".equals(ref.path("referenceType").asText())) {
                    purl = ref.path("referenceLocator").asText(null);
                }
            }
            Entry e = entry(purl);
            if (e != null) {
                byId.put(p.path("SPDXID").asText(), e);
            }
        }
        Map<String, String> fileOwner = new HashMap<>();
        Map<String, List<String>> evidence = new HashMap<>();
        for (JsonNode r : doc.path("relationships")) {
            String type = r.path("relationshipType").asText();
            String a = r.path("spdxElementId").asText();
            String b = r.path("relatedSpdxElement").asText();
            String comment = r.path("comment").asText();
            if (type.equals("CONTAINED_BY")) {
                String t = a;
                a = b;
                b = t;
                type = "CONTAINS";
            }
            Entry parent = byId.get(a);
            Entry child = byId.get(b);
            if (type.equals("CONTAINS") || (type.equals("OTHER") && comment.startsWith("ownership-by-file-overlap"))) {
                if (parent != null && parent.isRpm()) {
                    if (child == null) {
                        fileOwner.putIfAbsent(b, parent.purl.name());
                    } else if (!child.isRpm() && child.owner == null) {
                        child.owner = parent.purl.name();
                    }
                }
            } else if (type.equals("OTHER") && comment.startsWith("evident-by") && parent != null && !parent.isRpm()) {
                evidence.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
            }
        }
        evidence.forEach((id, files) -> {
            Entry e = byId.get(id);
            if (e.owner == null) {
                files.stream().map(fileOwner::get).filter(o -> o != null).findFirst().ifPresent(o -> e.owner = o);
            }
        });
        return installed(new ArrayList<>(byId.values()));
    }

    /** The entry for a purl of a kind the client knows, with a version; {@code null} for any other. */
    private static Entry entry(String purl) {
        if (purl == null || purl.isBlank()) {
            return null;
        }
        Purl p;
        try {
            p = Purl.parseLenient(purl.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!KINDS.contains(p.type()) || p.version() == null || p.name().equals("gpg-pubkey")) {
            return null;
        }
        return new Entry(p);
    }

    /**
     * The client's name for a gem, wheel or jar: a jar's {@code groupId:artifactId} (as its pom.properties says it),
     * any other package's purl name. Advisories and inventories name packages this one way.
     */
    static String packageName(Purl p) {
        return "maven".equals(p.type()) && p.namespace() != null
                ? p.namespace().replace('/', '.') + ":" + p.name() : p.name();
    }

    private static List<Installed> installed(List<Entry> entries) {
        List<Installed> out = new ArrayList<>();
        for (Entry e : entries) {
            Purl p = e.purl;
            switch (e.kind) {
                case "rpm" -> {
                    Evr evr;
                    try {
                        Evr parsed = Evr.parse(p.version());
                        String epoch = p.qualifier("epoch").orElse(parsed.epoch());
                        evr = new Evr(epoch, parsed.version(), parsed.release());
                    } catch (IllegalArgumentException x) {
                        continue;
                    }
                    String label = p.qualifier("modularitylabel").or(() -> p.qualifier("rpmmod")).orElse(e.label);
                    out.add(Installed.rpm(p.name(), evr, p.qualifier("arch").orElse("noarch"), label));
                }
                default -> out.add(new Installed(e.kind, packageName(p), null, p.version(), null, null, e.owner));
            }
        }
        return out;
    }

    /** A package listed twice (a file and a lock file, say) is one; the listing that names its RPM wins. */
    static List<Installed> dedupe(List<Installed> packages) {
        Map<String, Installed> seen = new LinkedHashMap<>();
        for (Installed p : packages) {
            String key = p.kind() + " " + p.name() + " " + p.version() + " " + p.arch();
            seen.merge(key, p, (a, b) -> a.ownerRpm() == null && b.ownerRpm() != null ? b : a);
        }
        return List.copyOf(seen.values());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String line = s.lines().findFirst().orElse("").strip();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}

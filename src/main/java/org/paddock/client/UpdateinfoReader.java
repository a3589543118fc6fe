package org.paddock.client;

import org.paddock.artifact.Evr;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads any {@code updateinfo.xml} (plain or gzip), Paddock's or a distribution's (Fedora, EL, Rocky, Alma), with
 * StAX: no DTD, no external entity. What libsolv reads is what this reads: each {@code <update>}'s type, id, title,
 * dates, severity, references and its collections of packages, with their {@code <module>} when they have one.
 * An update without an id is skipped, as libsolv skips it; a package with no name, version or arch too.
 */
public final class UpdateinfoReader {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private UpdateinfoReader() {
    }

    public static List<Advisory> read(InputStream raw, String source) throws IOException {
        return read(raw, source, name -> true);
    }

    /**
     * Only the packages whose name {@code wanted} accepts are kept, and only the advisories left with one: a host
     * compares its packages with a few of a repository's 50 000 advisories, and need not hold the rest.
     */
    public static List<Advisory> read(InputStream raw, String source, java.util.function.Predicate<String> wanted)
            throws IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Advisory> out = new ArrayList<>();
        try {
            BufferedInputStream in = new BufferedInputStream(raw);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            InputStream xml = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
            XMLStreamReader x = f.createXMLStreamReader(xml);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("update")) {
                    Advisory a = update(x, wanted);
                    if (a != null && !a.collections().isEmpty()) {
                        out.add(a);
                    }
                }
            }
        } catch (XMLStreamException e) {
            // a stream that breaks while read (a gzip cut short) comes wrapped as an XML error
            boolean broken = e.getCause() instanceof IOException || e.getNestedException() instanceof IOException;
            throw new ClientException(source + (broken ? ": cut short or damaged: " : ": not a well-formed updateinfo.xml: ")
                    + RpmList.shorten(String.valueOf(e.getMessage()).replace('\n', ' ')));
        } catch (IOException e) {
            throw new ClientException(source + ": cut short or damaged (" + e.getMessage() + ")");
        }
        return out;
    }

    private static Advisory update(XMLStreamReader x, java.util.function.Predicate<String> wanted)
            throws XMLStreamException {
        String type = attr(x, "type", "bugfix");
        String id = null;
        String title = "";
        String severity = null;
        Instant issued = null;
        Instant updated = null;
        List<Advisory.Reference> refs = new ArrayList<>();
        List<Advisory.Collection> collections = new ArrayList<>();
        Advisory.Module module = null;
        List<Advisory.Fix> fixes = null;
        int depth = 1;
        while (depth > 0 && x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (x.getLocalName().equals("collection") && fixes != null) {
                    if (!fixes.isEmpty()) {
                        collections.add(new Advisory.Collection(module, fixes));
                    }
                    fixes = null;
                    module = null;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            switch (x.getLocalName()) {
                case "id" -> { id = x.getElementText().strip(); depth--; }
                case "title" -> { title = x.getElementText().strip(); depth--; }
                case "severity" -> { severity = blankToNull(x.getElementText().strip()); depth--; }
                case "issued" -> issued = date(x.getAttributeValue(null, "date"));
                case "updated" -> updated = date(x.getAttributeValue(null, "date"));
                case "reference" -> refs.add(new Advisory.Reference(attr(x, "type", "other"), attr(x, "id", ""),
                        attr(x, "title", ""), x.getAttributeValue(null, "href")));
                case "collection" -> fixes = new ArrayList<>();
                case "module" -> module = new Advisory.Module(attr(x, "name", ""), attr(x, "stream", ""),
                        attr(x, "version", ""), attr(x, "context", ""), attr(x, "arch", ""));
                case "package" -> {
                    // one pass over the attributes: this runs for each of a repository's 500 000 packages
                    String name = null, version = null, release = null, epoch = null, arch = null;
                    for (int i = 0, n = x.getAttributeCount(); i < n; i++) {
                        switch (x.getAttributeLocalName(i)) {
                            case "name" -> name = x.getAttributeValue(i);
                            case "version" -> version = x.getAttributeValue(i);
                            case "release" -> release = x.getAttributeValue(i);
                            case "epoch" -> epoch = x.getAttributeValue(i);
                            case "arch" -> arch = x.getAttributeValue(i);
                            default -> { }
                        }
                    }
                    if (fixes != null && name != null && version != null && arch != null && wanted.test(name)) {
                        try {
                            fixes.add(Advisory.Fix.rpm(name, new Evr(blankToNull(epoch), version, blankToNull(release)), arch));
                        } catch (IllegalArgumentException e) {
                            // a version rpm would not build: libsolv keeps it, but it can match nothing installed
                        }
                    }
                }
                default -> { }
            }
        }
        if (id == null || id.isEmpty()) {
            return null;
        }
        String self = refs.stream().filter(r -> r.type().equals("self") && r.url() != null).map(Advisory.Reference::url)
                .findFirst().orElse(null);
        return new Advisory(id, type, severity, title, issued, updated, self, refs, collections);
    }

    private static String attr(XMLStreamReader x, String name, String otherwise) {
        String v = x.getAttributeValue(null, name);
        return v == null ? otherwise : v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** {@code YYYY-MM-DD HH:MM:SS} (UTC), a bare date, or seconds since 1970, as libsolv takes them; else none. */
    static Instant date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            if (t.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}

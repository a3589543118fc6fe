package org.paddock.feed;

import com.ctc.wstx.stax.WstxOutputFactory;
import org.paddock.update.Severity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes {@code updateinfo.xml} as dnf (libdnf/libsolv) reads it, one {@code <update>} at a time (StAX): dates as
 * {@code YYYY-MM-DD HH:MM:SS} UTC (dnf reads any other form as 1970), severity as dnf spells it, references of
 * type {@code cve}, {@code bugzilla} and {@code self}, and a {@code pkglist} with one collection per module build,
 * naming the module so dnf can tell module advisories apart. Text is cleaned of what XML 1.0 cannot carry.
 */
public final class UpdateinfoWriter implements AutoCloseable {

    private static final DateTimeFormatter DNF_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Woodstox, named rather than looked up: the JDK's own writer is several times slower (bench/feeds). */
    private static final XMLOutputFactory FACTORY = new WstxOutputFactory();

    private final XMLStreamWriter xml;
    private final String from;

    /** @param from the {@code from} attribute: who publishes, e.g. {@code paddock@example.org} */
    public UpdateinfoWriter(OutputStream out, String from) throws IOException {
        this.from = from;
        try {
            xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("updates");
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    public void write(Advisory a) throws IOException {
        try {
            xml.writeCharacters("  ");
            xml.writeStartElement("update");
            xml.writeAttribute("from", from);
            xml.writeAttribute("status", a.status());
            xml.writeAttribute("type", a.type());
            xml.writeAttribute("version", "2.0");
            xml.writeCharacters("\n");
            element("id", a.id());
            element("title", a.title());
            empty("issued", "date", DNF_DATE.format(a.issued()));
            empty("updated", "date", DNF_DATE.format(a.updated()));
            element("rights", "Copyright " + a.issued().atZone(ZoneOffset.UTC).getYear() + " the module maintainers");
            element("release", a.release());
            if (!"none".equals(a.severity())) {
                element("severity", Severity.fromWord(a.severity()).dnfWord());
            }
            element("summary", a.title());
            element("description", a.notes() == null || a.notes().isBlank() ? a.title() : a.notes());
            element("solution", "dnf upgrade --advisory " + a.id());
            indent(4);
            xml.writeStartElement("references");
            xml.writeCharacters("\n");
            for (Advisory.Ref r : a.references()) {
                String type = switch (r.kind()) {
                    case "cve" -> "cve";
                    case "bugzilla" -> "bugzilla";
                    default -> "other";
                };
                reference(r.url(), r.id(), type, r.title() == null || r.title().isBlank() ? r.id() : r.title());
            }
            reference(a.url(), a.id(), "self", a.title());
            indent(4);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            indent(4);
            xml.writeStartElement("pkglist");
            xml.writeCharacters("\n");
            for (Advisory.Build b : a.builds()) {
                collection(a, b);
            }
            indent(4);
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void collection(Advisory a, Advisory.Build b) throws XMLStreamException {
        indent(6);
        xml.writeStartElement("collection");
        xml.writeAttribute("short", clean(b.name() + "-" + b.stream() + "-" + b.version() + "." + b.context()));
        xml.writeCharacters("\n");
        indent(8);
        xml.writeStartElement("name");
        xml.writeCharacters(clean(b.name() + "-" + b.stream()));
        xml.writeEndElement();
        xml.writeCharacters("\n");
        indent(8);
        xml.writeEmptyElement("module");
        xml.writeAttribute("name", clean(b.name()));
        xml.writeAttribute("stream", clean(b.stream()));
        xml.writeAttribute("version", String.valueOf(b.version()));
        xml.writeAttribute("context", clean(b.context()));
        xml.writeAttribute("arch", clean(b.arch()));
        xml.writeCharacters("\n");
        for (Advisory.Pkg p : b.packages()) {
            if (!"rpm".equals(p.kind())) {
                continue; // gems, wheels, jars are not dnf's: the JSON and OSV feeds carry them
            }
            indent(8);
            xml.writeStartElement("package");
            xml.writeAttribute("name", clean(p.name()));
            xml.writeAttribute("version", clean(p.version()));
            xml.writeAttribute("release", clean(p.release()));
            xml.writeAttribute("epoch", p.epoch() == null || p.epoch().isBlank() ? "0" : clean(p.epoch()));
            xml.writeAttribute("arch", clean(p.arch()));
            if (p.sourceRpm() != null) {
                xml.writeAttribute("src", clean(p.sourceRpm()));
            }
            xml.writeCharacters("\n");
            indent(10);
            xml.writeStartElement("filename");
            xml.writeCharacters(clean(p.filename()));
            xml.writeEndElement();
            xml.writeCharacters("\n");
            if (p.sha256() != null) {
                indent(10);
                xml.writeStartElement("sum");
                xml.writeAttribute("type", "sha256");
                xml.writeCharacters(p.sha256());
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            String suggested = switch (a.suggestion() == null ? "none" : a.suggestion()) {
                case "reboot" -> "reboot_suggested";
                case "restart" -> "restart_suggested";
                case "relogin" -> "relogin_suggested";
                default -> null;
            };
            if (suggested != null) {
                indent(10);
                xml.writeStartElement(suggested);
                xml.writeCharacters("True");
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            indent(8);
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        indent(6);
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private void reference(String href, String id, String type, String title) throws XMLStreamException {
        indent(6);
        xml.writeEmptyElement("reference");
        xml.writeAttribute("href", clean(href));
        xml.writeAttribute("id", clean(id));
        xml.writeAttribute("type", type);
        xml.writeAttribute("title", clean(title));
        xml.writeCharacters("\n");
    }

    private void element(String name, String text) throws XMLStreamException {
        indent(4);
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private void empty(String name, String attribute, String value) throws XMLStreamException {
        indent(4);
        xml.writeEmptyElement(name);
        xml.writeAttribute(attribute, value);
        xml.writeCharacters("\n");
    }

    private static final char[] SPACES = "          ".toCharArray();

    private void indent(int n) throws XMLStreamException {
        xml.writeCharacters(SPACES, 0, n);
    }

    /** Drops what XML 1.0 cannot hold: control characters other than tab, newline, return; lone surrogates; U+FFFE/F. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (b != null) {
                        b.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            }
            if (!ok && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Ends the document; the stream stays open for the caller to close. */
    @Override
    public void close() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}

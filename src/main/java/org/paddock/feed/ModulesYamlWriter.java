package org.paddock.feed;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code modules.yaml}: one modulemd v2 document per module build of the feed, with its RPMs as
 * artifacts, so dnf knows the modules the advisories name. Written a document at a time.
 */
public final class ModulesYamlWriter implements AutoCloseable {

    private final Writer out;
    private final Yaml yaml;

    public ModulesYamlWriter(OutputStream stream) {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setExplicitStart(true);
        o.setExplicitEnd(true);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setWidth(120);
        this.yaml = new Yaml(o);
    }

    public void write(Advisory a) throws IOException {
        for (Advisory.Build b : a.builds()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", b.name());
            data.put("stream", b.stream());
            data.put("version", b.version());
            data.put("context", b.context());
            data.put("arch", b.arch());
            data.put("summary", text(b.summary(), b.name() + " module"));
            data.put("description", text(b.description(), text(b.summary(), b.name() + " module")));
            if (b.endOfLife() != null) {
                // modulemd's service levels: after security_fixes ends the stream gets no fix at all, as in Paddock
                data.put("servicelevels", Map.of("security_fixes", Map.of("eol", b.endOfLife().toString())));
            }
            // Paddock does not record a module's licence; NOASSERTION is SPDX's word for "not stated"
            data.put("license", Map.of("module", List.of("NOASSERTION")));
            List<String> rpms = b.packages().stream().filter(p -> "rpm".equals(p.kind()))
                    .map(p -> p.name() + "-" + (p.epoch() == null || p.epoch().isBlank() ? "0" : p.epoch()) + ":"
                            + p.version() + "-" + p.release() + "." + p.arch())
                    .sorted().toList();
            if (!rpms.isEmpty()) {
                data.put("artifacts", Map.of("rpms", rpms));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("document", "modulemd");
            doc.put("version", 2);
            doc.put("data", data);
            yaml.dump(doc, out);
        }
    }

    private static String text(String s, String otherwise) {
        String t = s == null || s.isBlank() ? otherwise : s;
        return UpdateinfoWriter.clean(t);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}

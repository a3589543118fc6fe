package org.paddock.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.Test;
import org.paddock.artifact.Modulemd;
import org.paddock.artifact.ModulemdBuild;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed writers on their own: what dnf, libmodulemd's shape and the OSV schema require, and odd text surviving. */
class FeedWritersTest {

    private static Document updateinfo(Advisory... advisories) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (UpdateinfoWriter w = new UpdateinfoWriter(out, "paddock@example.org")) {
            for (Advisory a : advisories) {
                w.write(a);
            }
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    @Test
    void updateinfoHasWhatDnfReads() throws Exception {
        Element u = (Element) updateinfo(Samples.security()).getElementsByTagName("update").item(0);
        assertThat(u.getAttribute("from")).isEqualTo("paddock@example.org");
        assertThat(u.getAttribute("status")).isEqualTo("stable");
        assertThat(u.getAttribute("type")).isEqualTo("security");
        assertThat(u.getAttribute("version")).isEqualTo("2.0");
        assertThat(text(u, "id")).isEqualTo("PADDOCK-2026-0a1b2c3d4e");
        assertThat(((Element) u.getElementsByTagName("issued").item(0)).getAttribute("date")).isEqualTo("2026-11-20 09:15:30");
        assertThat(((Element) u.getElementsByTagName("updated").item(0)).getAttribute("date")).isEqualTo("2026-11-22 14:05:00");
        assertThat(text(u, "severity")).isEqualTo("Important");
        assertThat(text(u, "release")).isEqualTo("F45");
        NodeList refs = u.getElementsByTagName("reference");
        List<String> types = new ArrayList<>();
        for (int i = 0; i < refs.getLength(); i++) {
            Element r = (Element) refs.item(i);
            types.add(r.getAttribute("type") + ":" + r.getAttribute("id"));
        }
        assertThat(types).containsExactly("cve:CVE-2026-21001", "bugzilla:2300001", "self:PADDOCK-2026-0a1b2c3d4e");
        Element collection = (Element) u.getElementsByTagName("collection").item(0);
        Element module = (Element) collection.getElementsByTagName("module").item(0);
        assertThat(Map.of("name", module.getAttribute("name"), "stream", module.getAttribute("stream"),
                "version", module.getAttribute("version"), "context", module.getAttribute("context"),
                "arch", module.getAttribute("arch"))).isEqualTo(Map.of("name", "nginx", "stream", "1.24",
                "version", "4520261101120000", "context", "9edba152", "arch", "x86_64"));
        NodeList pkgs = collection.getElementsByTagName("package");
        assertThat(pkgs.getLength()).as("the gem is not dnf's").isEqualTo(2);
        Element nginx = (Element) pkgs.item(0);
        assertThat(nginx.getAttribute("epoch")).isEqualTo("2");
        assertThat(nginx.getAttribute("src")).isEqualTo("nginx-1.24.0-3.module_f45+123+9edba152.src.rpm");
        assertThat(text(nginx, "filename")).isEqualTo("nginx-1.24.0-3.module_f45+123+9edba152.x86_64.rpm");
        assertThat(text(nginx, "sum")).hasSize(64);
        assertThat(text(nginx, "restart_suggested")).isEqualTo("True");
        assertThat(((Element) pkgs.item(1)).getAttribute("epoch")).isEqualTo("0");
    }

    @Test
    void oddTextStillMakesWellFormedXml() throws Exception {
        Document d = updateinfo(Samples.security(), Samples.odd());
        Element u = (Element) d.getElementsByTagName("update").item(1);
        assertThat(text(u, "title")).isEqualTo("odd  title ]]>");
        assertThat(text(u, "description")).startsWith("controlchars ]]> <b>&amp; \"quotes\" Zürich — ✓ 日本 😀 lonesurrogate")
                .hasSizeGreaterThan(10_000);
        assertThat(u.getElementsByTagName("severity").getLength()).as("none has no dnf spelling").isZero();
    }

    @Test
    void modulesYamlReadsBackAsTheModuleBuilds() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ModulesYamlWriter w = new ModulesYamlWriter(out)) {
            w.write(Samples.security());
            w.write(Samples.odd());
        }
        String yaml = out.toString(StandardCharsets.UTF_8);
        assertThat(yaml).contains("document: modulemd").contains("stream: '1.24'");
        List<ModulemdBuild> builds = Modulemd.parse(yaml);
        assertThat(builds).extracting(b -> b.name() + ":" + b.stream() + ":" + b.version() + ":" + b.context() + ":" + b.arch())
                .containsExactly("nginx:1.24:4520261101120000:9edba152:x86_64", "postgresql:16:4520261201120000:0dec1510:aarch64");
        assertThat(builds.get(0).rpms()).containsExactly("nginx-2:1.24.0-3.module_f45+123+9edba152.x86_64",
                "nginx-mod-http-perl-0:1.24.0-3.module_f45+123+9edba152.x86_64");
        // a stream's end of life is modulemd's service level: after security_fixes it gets no fix at all
        List<Object> docs = new ArrayList<>();
        new org.yaml.snakeyaml.Yaml().loadAll(yaml).forEach(docs::add);
        assertThat(docs).extracting(d -> String.valueOf(((Map<?, ?>) ((Map<?, ?>) d).get("data")).get("servicelevels")))
                .containsExactly("{security_fixes={eol=2027-05-31}}", "null");
    }

    @Test
    void osvDocumentsValidateAgainstTheOsvSchema() throws Exception {
        JsonSchema schema = OsvSchema.load();
        ObjectMapper mapper = new ObjectMapper();
        for (Advisory a : List.of(Samples.security(), Samples.odd())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = Json.createGenerator(out)) {
                new OsvWriter("Red Hat").write(a, g);
            }
            JsonNode doc = mapper.readTree(out.toByteArray());
            assertThat(OsvSchema.problems(schema, doc)).as(a.id() + ": " + doc).isEmpty();
            assertThat(doc.get("id").asText()).isEqualTo(a.id());
            assertThat(doc.get("modified").asText()).isEqualTo("2026-11-22T14:05:00Z");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.createGenerator(out)) {
            new OsvWriter("Red Hat").write(Samples.security(), g);
        }
        JsonNode doc = mapper.readTree(out.toByteArray());
        assertThat(doc.get("upstream").get(0).asText()).isEqualTo("CVE-2026-21001");
        assertThat(doc.get("affected")).hasSize(3);
        JsonNode nginx = doc.get("affected").get(0);
        assertThat(nginx.get("package").get("ecosystem").asText()).isEqualTo("Red Hat:F45");
        assertThat(nginx.get("package").get("purl").asText()).startsWith("pkg:rpm/fedora/nginx@");
        assertThat(nginx.get("ranges").get(0).get("events").get(1).get("fixed").asText()).isEqualTo("2:1.24.0-3.module_f45+123+9edba152");
        JsonNode rack = doc.get("affected").get(2);
        assertThat(rack.get("package").get("ecosystem").asText()).isEqualTo("RubyGems");
        assertThat(rack.get("ranges").get(0).get("events").get(1).get("fixed").asText()).isEqualTo("3.1.8");
    }

    @Test
    void cleaningKeepsWhatXmlAllows() {
        assertThat(UpdateinfoWriter.clean("a\tb\nc\rd")).isEqualTo("a\tb\nc\rd");
        assertThat(UpdateinfoWriter.clean("a\u0000b\u001Fc\uFFFEd")).isEqualTo("abcd");
        assertThat(UpdateinfoWriter.clean("😀")).isEqualTo("😀");
        assertThat(UpdateinfoWriter.clean("x\uDC00y\uD800")).isEqualTo("xy");
    }
}

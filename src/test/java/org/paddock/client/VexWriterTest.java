package org.paddock.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.paddock.artifact.Evr;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The VEX document: valid CycloneDX 1.6 by CycloneDX's own schema, and saying what is affected and what is fixed. */
class VexWriterTest {

    @Test
    void vexIsValidCycloneDx16AndSaysAffectedAndResolved() throws Exception {
        ModuleStates states = new ModuleStates();
        states.enable("nginx", "1.24");
        states.enable("ruby", "3.3");
        List<Installed> host = List.of(
                Installed.rpm("nginx", Evr.parse("1:1.24.0-1.module_f45+1+abc12345"), "x86_64", null),
                Installed.rpm("zlib", Evr.parse("1.3.1-2.fc45"), "x86_64", null),
                new Installed("gem", "rack", null, "3.1.7", null, null, null));
        Advisory.Module nginx = new Advisory.Module("nginx", "1.24", "2", "abc12345", "x86_64");
        Advisory.Module ruby = new Advisory.Module("ruby", "3.3", "2", "33333333", "x86_64");
        Advisory open = new Advisory("FEDORA-2026-1", "security", "Important", "nginx: smuggling", null, null,
                "https://paddock.example/u/1", List.of(new Advisory.Reference("cve", "CVE-2026-1011", "", null)),
                List.of(new Advisory.Collection(nginx, List.of(new Advisory.Fix("rpm", "nginx",
                                Evr.parse("1:1.24.0-2.module_f45+2+abc12345"), "1:1.24.0-2.module_f45+2+abc12345", "x86_64",
                                List.of("CVE-2026-1011")))),
                        new Advisory.Collection(ruby, List.of(new Advisory.Fix("gem", "rack", null, "3.1.8", null, List.of("CVE-2026-2002"))))),
                true); // as the server's API says it: which package fixes which CVE
        Advisory fixed = new Advisory("FEDORA-2026-2", "bugfix", null, "zlib", null, null, null, List.of(),
                List.of(new Advisory.Collection(null, List.of(Advisory.Fix.rpm("zlib", Evr.parse("1.3.1-1.fc45"), "x86_64")))));
        List<Applicability.Match> matches = new Applicability(host, states, null, "x86_64").matches(List.of(open, fixed));

        String vex = VexWriter.write(matches, "fedora", "test", Instant.parse("2026-12-07T10:00:00Z"));

        assertThat(new JsonParser().validate(vex.getBytes(StandardCharsets.UTF_8), Version.VERSION_16)).isEmpty();
        JsonNode doc = new ObjectMapper().readTree(vex);
        assertThat(doc.findValuesAsText("purl")).containsExactly(
                "pkg:rpm/fedora/nginx@1.24.0-1.module_f45%2B1%2Babc12345?arch=x86_64&epoch=1", "pkg:gem/rack@3.1.7",
                "pkg:rpm/fedora/zlib@1.3.1-2.fc45?arch=x86_64");
        JsonNode cve = doc.get("vulnerabilities").get(0);
        assertThat(cve.get("id").asText()).isEqualTo("CVE-2026-1011");
        assertThat(cve.at("/analysis/state").asText()).isEqualTo("exploitable");
        assertThat(cve.at("/ratings/0/severity").asText()).isEqualTo("high");
        assertThat(cve.at("/affects/0/versions/0/status").asText()).isEqualTo("affected");
        assertThat(cve.at("/affects/0/versions/1/version").asText()).isEqualTo("1:1.24.0-2.module_f45+2+abc12345");
        assertThat(doc.get("vulnerabilities").get(1).get("id").asText()).as("the gem's own CVE").isEqualTo("CVE-2026-2002");
        JsonNode resolved = doc.get("vulnerabilities").get(2);
        assertThat(resolved.get("id").asText()).as("no CVE: the advisory itself").isEqualTo("FEDORA-2026-2");
        assertThat(resolved.at("/analysis/state").asText()).isEqualTo("resolved");
    }
}

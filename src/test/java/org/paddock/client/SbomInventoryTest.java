package org.paddock.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code modules} on an SBOM's inventory: an RPM of a module stream, and a gem inside it, reported under that stream. */
class SbomInventoryTest {

    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run client(String... given) {
        // the updateinfo.xml read itself: these tests leave no index behind in the user's cache
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(given), java.util.stream.Stream.of("--no-cache"))
                .toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PaddockClient.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    static String updateinfo() {
        try {
            return Path.of(SbomInventoryTest.class.getResource("/client/sbom-updateinfo.xml").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"modules.cdx.json", "modules.spdx.json"})
    void modulesVerboseShowsTheStreamOfTheLabelledRpmAndNotAnotherStream(String sbom) {
        showsRubyStreamOnly("--sbom", SbomTest.resource(sbom).toString());
    }

    /** {@code modules --verbose} on the inventory the options give, against sbom-updateinfo.xml: ruby:3.3 alone. */
    static void showsRubyStreamOnly(String... inventory) {
        List<String> args = new ArrayList<>(List.of("modules", "--verbose", "--updateinfo", updateinfo()));
        args.addAll(List.of(inventory));
        Run run = client(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isEqualTo(PaddockClient.APPLY);
        assertThat(run.lines()).containsExactly(
                "ruby:3.3  (1 advisory)",
                "  SBOM-2026-01  Important/Sec.  CVE-2026-2001  https://paddock.example/update.xhtml?alias=SBOM-2026-01",
                "      rubygem-rack  3.1.7-1.module_f45+7+33333333 → 3.1.8-1.module_f45+8+33333333  fixes CVE-2026-2001");
    }

    @Test
    void modulesJsonOnAnSbom() throws Exception {
        Run run = client("modules", "--json", "--sbom", SbomTest.resource("modules.spdx.json").toString(),
                "--updateinfo", updateinfo());
        assertThat(run.exit()).isEqualTo(PaddockClient.APPLY);
        JsonNode streams = new ObjectMapper().readTree(run.out());
        assertThat(streams).hasSize(1);
        assertThat(streams.get(0).get("module").asText()).isEqualTo("ruby:3.3");
        JsonNode advisory = streams.get(0).get("advisories").get(0);
        assertThat(advisory.get("advisory").asText()).isEqualTo("SBOM-2026-01");
        assertThat(advisory.get("severity").asText()).isEqualTo("Important");
        assertThat(advisory.get("cves")).extracting(JsonNode::asText).containsExactly("CVE-2026-2001");
        JsonNode pkg = streams.get(0).get("advisories").get(0).get("packages").get(0);
        assertThat(pkg.get("kind").asText()).isEqualTo("rpm");
        assertThat(pkg.get("name").asText()).isEqualTo("rubygem-rack");
        assertThat(pkg.get("installed").asText()).isEqualTo("3.1.7-1.module_f45+7+33333333");
        assertThat(pkg.get("fixed").asText()).isEqualTo("3.1.8-1.module_f45+8+33333333");
    }

    /** Updateinfo cannot name a gem: the gem's advisory is given to the one rule directly, as Paddock's API would. */
    @ParameterizedTest
    @ValueSource(strings = {"modules.cdx.json", "modules.spdx.json"})
    void aGemInsideAnRpmOfAStreamIsReportedUnderThatStreamTextAndJson(String sbom) throws Exception {
        PaddockClient.InventoryOptions options = new PaddockClient.InventoryOptions();
        options.sbom = SbomTest.resource(sbom);
        Inventory inventory = options.load();
        Advisory gems = new Advisory("GEM-2026-01", "security", "Moderate", "rack and urllib3", null, null,
                "https://paddock.example/GEM-2026-01", List.of(new Advisory.Reference("cve", "CVE-2026-3001", "", null)),
                List.of(new Advisory.Collection(null, List.of(
                        new Advisory.Fix("gem", "rack", null, "3.1.8", null, List.of()),
                        new Advisory.Fix("pypi", "urllib3", null, "2.2.2", null, List.of()),
                        new Advisory.Fix("maven", "org.yaml:snakeyaml", null, "2.3", null, List.of())))));
        List<Applicability.Match> matches = new Applicability(inventory.packages(), inventory.modules(), null,
                inventory.arch()).matches(List.of(gems));
        assertThat(matches).extracting(m -> m.fix().name() + " " + m.state() + " " + m.moduleStream())
                .contains("rack AVAILABLE ruby:3.3", "urllib3 AVAILABLE null");
        List<ModuleReport.Stream> streams = ModuleReport.of(matches);
        List<String> expected = new ArrayList<>(List.of(
                "ruby:3.3  (1 advisory)",
                "  GEM-2026-01  Moderate/Sec.  CVE-2026-3001  https://paddock.example/GEM-2026-01",
                "      rack (gem, in rubygem-rack)  3.1.7 → 3.1.8  fixes CVE-2026-3001"));
        if (sbom.endsWith(".spdx.json")) {
            // the jar its RPM holds (snakeyaml, no module) stays out of every stream
            assertThat(matches).extracting(m -> m.fix().name() + " " + m.moduleStream())
                    .contains("org.yaml:snakeyaml null");
        }
        assertThat(ModuleReport.text(streams, true)).containsExactlyElementsOf(expected);
        JsonNode json = new ObjectMapper().readTree(PaddockClient.Base.json(PaddockClient.ModulesCommand.jsonStreams(streams)));
        JsonNode pkg = json.get(0).get("advisories").get(0).get("packages").get(0);
        assertThat(pkg.get("kind").asText()).isEqualTo("gem");
        assertThat(pkg.get("name").asText()).isEqualTo("rack");
        assertThat(pkg.get("ownerRpm").asText()).isEqualTo("rubygem-rack");
    }

    @Test
    void aBadSbomOrTwoInventoriesIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"bomFormat\": \"CycloneDX\", ");
        Run run = client("modules", "--sbom", bad.toString(), "--updateinfo", updateinfo());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("paddock-client: " + bad + ": not JSON (");
        Run both = client("list", "--sbom", bad.toString(), "--rpm-list", bad.toString(), "--updateinfo", updateinfo());
        assertThat(both.exit()).isEqualTo(1);
        assertThat(both.err()).isEqualTo("paddock-client: give either --sbom or --rpm-list, not both" + System.lineSeparator());
        Run noRoot = client("list", "--root", dir.resolve("nope").toString(), "--updateinfo", updateinfo());
        assertThat(noRoot.exit()).isEqualTo(1);
        assertThat(noRoot.err()).isEqualTo("paddock-client: --root " + dir.resolve("nope") + ": no such directory"
                + System.lineSeparator());
    }
}

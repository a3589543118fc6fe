package org.paddock.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unpacked image built here: an rpmdb (a stub RPM built with rpmbuild, labelled ruby:3.3, owning a gemspec,
 * recorded with {@code rpm --root --justdb}) and a tree with that gem, a gem no RPM owns, a wheel and a jar.
 */
class ImageRootTest {

    static final String GEMSPEC = "/usr/share/gems/specifications/rack-3.1.7.gemspec";

    @TempDir
    static Path dir;
    static Path root;

    static void run(Path workDir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    @BeforeAll
    static void image() throws Exception {
        Path top = Files.createDirectories(dir.resolve("rpmbuild/tmp")).getParent();
        Path spec = Files.writeString(dir.resolve("rubygem-rack.spec"), """
                Name: rubygem-rack
                Version: 3.1.7
                Release: 1.module_f45+7+33333333
                Summary: stub of a gem's RPM
                License: MIT
                BuildArch: noarch
                %%description
                stub
                %%install
                mkdir -p %%{buildroot}/usr/share/gems/specifications
                echo stub > %%{buildroot}%s
                %%files
                %s
                """.formatted(GEMSPEC, GEMSPEC));
        run(dir, "rpmbuild", "-bb", "--quiet", "--define", "_topdir " + top, "--define", "_tmppath " + top.resolve("tmp"),
                "--define", "_build_id_links none", "--define", "debug_package %{nil}",
                "--define", "modularitylabel ruby:3.3:4520260103000000:33333333", spec.toString());
        Path rpm;
        try (Stream<Path> files = Files.walk(top.resolve("RPMS"))) {
            rpm = files.filter(f -> f.toString().endsWith(".rpm")).findFirst().orElseThrow();
        }
        root = Files.createDirectories(dir.resolve("root"));
        run(dir, "rpm", "--root", root.toString(), "-i", "--justdb", "--nodeps", "--noscripts", "--notriggers",
                "--ignorearch", "--ignoreos", rpm.toString());
        ImageScanTest.image(root, dir.resolve("outside"));
    }

    @Test
    void theRpmdbSaysWhichRpmOwnsAGem() throws IOException {
        assertThat(ImageScan.scan(root, ImageScan.rpmOwners(root)))
                .extracting(p -> p.kind() + " " + p.name() + " " + p.ownerRpm())
                .containsExactlyInAnyOrder("gem rack rubygem-rack", "gem json-pure null", "gem psych null",
                        "pypi urllib3 null", "pypi charset-normalizer null", "pypi rpm null", "pypi six null",
                        "maven org.yaml:snakeyaml null");
    }

    @Test
    void modulesVerboseOnTheRoot() {
        SbomInventoryTest.showsRubyStreamOnly("--root", root.toString());
    }

    @Test
    void theGemInsideTheRpmIsReportedUnderItsStreamOnce() throws Exception {
        PaddockClient.InventoryOptions options = new PaddockClient.InventoryOptions();
        options.root = root;
        Inventory inventory = options.load();
        assertThat(inventory.packages()).extracting(p -> p.kind() + ":" + p.name())
                .containsOnlyOnce("rpm:rubygem-rack", "gem:rack");
        Advisory gem = new Advisory("GEM-1", "security", "Low", "rack", null, null, null, List.of(),
                List.of(new Advisory.Collection(null, List.of(
                        new Advisory.Fix("gem", "rack", null, "3.1.8", null, List.of()),
                        new Advisory.Fix("maven", "org.yaml:snakeyaml", null, "2.3", null, List.of())))));
        List<ModuleReport.Stream> streams = ModuleReport.of(new Applicability(inventory.packages(),
                inventory.modules(), null, inventory.arch()).matches(List.of(gem)));
        JsonNode json = new ObjectMapper().readTree(PaddockClient.Base.json(PaddockClient.ModulesCommand.jsonStreams(streams)));
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("module").asText()).isEqualTo("ruby:3.3");
        JsonNode packages = json.get(0).get("advisories").get(0).get("packages");
        assertThat(packages).hasSize(1);
        assertThat(packages.get(0).get("kind").asText()).isEqualTo("gem");
        assertThat(packages.get(0).get("ownerRpm").asText()).isEqualTo("rubygem-rack");
        assertThat(packages.get(0).get("installed").asText()).isEqualTo("3.1.7");
    }
}

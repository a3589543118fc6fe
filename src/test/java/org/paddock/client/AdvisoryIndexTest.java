package org.paddock.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The on-disk index answers what reading the XML answers: the same advisories, in the file's order, each with the
 * installed names' packages of each collection in the file's order — for names that share a hash bucket, packages
 * shipped by several advisories, module collections and names it does not hold.
 */
class AdvisoryIndexTest {

    @TempDir
    Path dir;

    @Test
    void theIndexAnswersWhatTheXmlAnswersForAnySetOfNames() throws Exception {
        Random random = new Random(14);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3000; i++) { // more names than buckets hold one each: many share one
            names.add("pkg" + i);
        }
        StringBuilder xml = new StringBuilder("<updates>\n");
        for (int a = 0; a < 800; a++) {
            xml.append("<update type=\"").append(a % 3 == 0 ? "security" : "bugfix").append("\"><id>IDX-").append(a)
                    .append("</id><title>t").append(a).append("</title><severity>Important</severity>")
                    .append("<references><reference type=\"cve\" id=\"CVE-2026-").append(a)
                    .append("\" href=\"https://cve.example/").append(a).append("\"/></references><pkglist>");
            for (int c = 0; c < 1 + a % 2; c++) {
                xml.append("<collection short=\"c\">");
                if (c == 1) {
                    xml.append("<module name=\"m").append(a % 5).append("\" stream=\"1\" version=\"").append(a)
                            .append("\" context=\"abcd1234\" arch=\"x86_64\"/>");
                }
                for (int p = 0; p < 6; p++) {
                    String name = names.get(random.nextInt(names.size()));
                    xml.append("<package name=\"").append(name).append("\" epoch=\"").append(random.nextInt(2))
                            .append("\" version=\"1.").append(random.nextInt(4)).append("\" release=\"1\" arch=\"")
                            .append(random.nextBoolean() ? "x86_64" : "noarch").append("\"/>");
                }
                xml.append("</collection>");
            }
            xml.append("</pkglist></update>\n");
        }
        Path updateinfo = Files.writeString(dir.resolve("updateinfo.xml"), xml.append("</updates>\n"));
        Path cache = dir.resolve("cache");

        for (int round = 0; round < 4; round++) {
            Set<String> installed = new HashSet<>();
            for (int i = 0; i < 400 * (round + 1); i++) {
                installed.add(names.get(random.nextInt(names.size())));
            }
            installed.add("not-in-the-file");
            List<Advisory> fromXml;
            try (var in = Files.newInputStream(updateinfo)) {
                fromXml = UpdateinfoReader.read(in, "u", installed::contains);
            }
            List<Advisory> fromIndex = AdvisoryIndex.read(updateinfo, cache, installed);
            assertThat(describe(fromIndex)).isEqualTo(describe(fromXml)).isNotEmpty();
        }
        assertThat(Files.list(cache.resolve("index"))).as("one index, made once").hasSize(1);
    }

    @Test
    void aChangedFileIsReadAgain() throws Exception {
        Path updateinfo = Files.writeString(dir.resolve("u.xml"), one("A-1", "1.0"));
        Path cache = dir.resolve("cache");
        assertThat(String.join("\n", describe(AdvisoryIndex.read(updateinfo, cache, Set.of("zlib")))))
                .contains("zlib-1.0-1.x86_64");
        Files.writeString(updateinfo, one("A-2", "2.0"));
        Files.setLastModifiedTime(updateinfo, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(String.join("\n", describe(AdvisoryIndex.read(updateinfo, cache, Set.of("zlib")))))
                .contains("A-2", "zlib-2.0-1.x86_64").doesNotContain("A-1");
    }

    @Test
    void anySourcesPackagesComeBackAsTheyWentGemsWheelsJarsAndTheCvesEachFixes() throws Exception {
        Path source = Files.writeString(dir.resolve("server-cache.json"), "{}");
        Advisory.Fix rack = new Advisory.Fix("gem", "rack", null, "3.0.9.1", null, List.of("CVE-2026-0001"));
        Advisory.Fix jar = new Advisory.Fix("maven", "org.yaml:snakeyaml", null, "2.2", null, List.of());
        Advisory.Fix ruby = new Advisory.Fix("rpm", "ruby", org.paddock.artifact.Evr.parse("3.3.5-1.module_f45"), "3.3.5-1.module_f45",
                "x86_64", List.of("CVE-2026-0001", "CVE-2026-0002"));
        Advisory a = new Advisory("FEDORA-2026-1", "security", "Important", "ruby", Instant.parse("2026-11-01T00:00:00Z"),
                null, "https://paddock.example/updates/FEDORA-2026-1",
                List.of(new Advisory.Reference("cve", "CVE-2026-0001", "", "https://www.cve.org/CVERecord?id=CVE-2026-0001")),
                List.of(new Advisory.Collection(new Advisory.Module("ruby", "3.3", "4520261101000000", "a1b2c3d4", "x86_64"),
                        List.of(ruby, rack, jar))));
        List<Advisory> found = AdvisoryIndex.read(source, dir.resolve("cache"), Set.of("rack", "ruby"), () -> List.of(a));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).collections().get(0).packages()).containsExactly(ruby, rack);
        assertThat(describe(found)).isEqualTo(describe(List.of(new Advisory(a.id(), a.type(), a.severity(), a.title(),
                a.issued(), a.updated(), a.url(), a.references(),
                List.of(new Advisory.Collection(a.collections().get(0).module(), List.of(ruby, rack)))))));
        assertThat(AdvisoryIndex.read(source, dir.resolve("cache"), Set.of("bash"), () -> {
            throw new AssertionError("the index is fresh: the source is not read again");
        })).isEmpty();
    }

    private static String one(String id, String version) {
        return "<updates><update type=\"bugfix\"><id>" + id + "</id><pkglist><collection><package name=\"zlib\" version=\""
                + version + "\" release=\"1\" arch=\"x86_64\"/></collection></pkglist></update></updates>";
    }

    /** Everything the client reads of the advisories, in order, as text. */
    private static List<String> describe(List<Advisory> advisories) {
        List<String> out = new ArrayList<>();
        for (Advisory a : advisories) {
            out.add(a.id() + " " + a.type() + " " + a.severity() + " " + a.title() + " " + a.url() + " " + a.issued() + " "
                    + a.references());
            for (Advisory.Collection c : a.collections()) {
                out.add("  " + (c.module() == null ? "-" : c.module().nsvca()) + ": " + c.packages().stream()
                        .map(f -> f.kind() + ":" + f.nevra() + "/" + (f.evr() == null ? "-" : f.evr().epoch()) + f.cves()).collect(Collectors.joining(" ")));
            }
        }
        return out;
    }
}

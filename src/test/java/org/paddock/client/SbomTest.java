package org.paddock.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SBOMs as Syft and Trivy write them, and hand-written ones with every module encoding and ownership a scanner uses. */
class SbomTest {

    static Path resource(String name) {
        try {
            return Path.of(SbomTest.class.getResource("/client/sbom/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Long> kinds(List<Installed> packages) {
        return packages.stream().collect(Collectors.groupingBy(Installed::kind, TreeMap::new, Collectors.counting()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            syft-ubi9-micro.cdx.json            | {rpm=20}
            syft-ubi9-micro.packages.spdx.json  | {rpm=20}
            syft-pip-e2e-test.cdx.json          | {pypi=8}
            syft-pip-e2e-test.spdx.json         | {pypi=8}
            trivy-centos-7.cdx.json             | {rpm=2}
            trivy-centos-7.spdx.json            | {rpm=2}
            trivy-fluentd-multiple-lockfiles.cdx.json | {gem=1}
            modules.cdx.json                    | {gem=2, maven=1, pypi=1, rpm=6}
            modules.spdx.json                   | {gem=2, maven=1, pypi=1, rpm=5}
            """)
    void eachSbomGivesItsPackagesByKind(String file, String counts) {
        assertThat(kinds(Sbom.read(resource(file)))).hasToString(counts);
    }

    @Test
    void syftsUbiMicroHoldsItsRpmsWithArchAndNoLabelAndLeavesTheKeysOut() {
        List<Installed> p = Sbom.read(resource("syft-ubi9-micro.cdx.json"));
        assertThat(p).extracting(Installed::name).doesNotContain("gpg-pubkey").contains("bash", "glibc");
        assertThat(p).filteredOn(x -> x.name().equals("bash")).extracting(Installed::nevra)
                .containsExactly("bash-5.1.8-9.el9.x86_64");
        assertThat(p).allSatisfy(x -> assertThat(x.modularityLabel()).isNull());
        assertThat(Sbom.read(resource("syft-ubi9-micro.packages.spdx.json"))).extracting(Installed::nevra)
                .containsExactlyInAnyOrderElementsOf(p.stream().map(Installed::nevra).toList());
    }

    @Test
    void trivysEpochQualifierIsTheEpoch() {
        assertThat(Sbom.read(resource("trivy-centos-7.cdx.json"))).extracting(Installed::nevra)
                .containsExactly("bash-4.2.46-31.el7.x86_64", "openssl-libs-1:1.0.2k-16.el7.x86_64");
        assertThat(Sbom.read(resource("trivy-fluentd-multiple-lockfiles.cdx.json"))).extracting(Installed::nevra)
                .containsExactly("activesupport-6.0.2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"modules.cdx.json", "modules.spdx.json"})
    void everyModuleEncodingAndEveryOwnershipIsRead(String file) {
        Map<String, Installed> p = Sbom.read(resource(file)).stream()
                .collect(Collectors.toMap(x -> x.kind() + ":" + x.name(), x -> x));
        assertThat(p.get("rpm:nodejs").modularityLabel()).as("purl modularitylabel=")
                .isEqualTo("nodejs:20:4520260101000000:aaaa0001");
        assertThat(p.get("rpm:nodejs").nevra()).isEqualTo("nodejs-1:20.11.1-1.module_f45+5+aaaa0001.x86_64");
        assertThat(p.get("rpm:postgresql").moduleStream()).as("purl rpmmod=").isEqualTo("postgresql:15");
        assertThat(p.get("rpm:rubygem-rack").moduleStream()).isEqualTo("ruby:3.3");
        assertThat(p.get("rpm:rubygem-json").moduleStream()).isEqualTo("ruby:3.3");
        assertThat(p.get("gem:rack").ownerRpm()).isEqualTo("rubygem-rack");
        assertThat(p.get("gem:json").ownerRpm()).isEqualTo("rubygem-json");
        assertThat(p.get("pypi:urllib3").ownerRpm()).isNull();
        assertThat(p.get("pypi:urllib3").version()).isEqualTo("2.2.1");
        assertThat(p.get("maven:org.yaml:snakeyaml").version()).isEqualTo("2.2");
        if (file.endsWith(".cdx.json")) {
            assertThat(p.get("rpm:ruby").modularityLabel()).as("syft:metadata:modularityLabel")
                    .isEqualTo("ruby:3.3:4520260103000000:33333333");
            assertThat(p.get("maven:org.yaml:snakeyaml").ownerRpm()).isNull();
        } else {
            assertThat(p.get("maven:org.yaml:snakeyaml").ownerRpm()).as("CONTAINED_BY").isEqualTo("snakeyaml");
        }
    }

    static List<Installed> read(String json) throws Exception {
        return Sbom.read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void aPackageListedTwiceIsOneUnderItsRpmAndOddEntriesAreLeftOut() throws Exception {
        List<Installed> p = read("""
                {"bomFormat": "CycloneDX", "specVersion": "1.4", "components": [
                  {"bom-ref": "g", "purl": "pkg:gem/rack@3.1.7"},
                  {"purl": "pkg:rpm/fedora/rubygem-rack@3.1.7-1.fc45?arch=noarch",
                   "components": [{"purl": "pkg:gem/rack@3.1.7"}]},
                  {"purl": "pkg:rpm/fedora/odd@1.0-1?arch=x86_64&epoch=x"},
                  {"purl": "not a purl"},
                  {"purl": {"an": "object"}},
                  {"purl": "pkg:pypi/no-version"},
                  {"purl": "pkg:npm/left-pad@1.3.0"}
                ]}
                """);
        assertThat(p).extracting(x -> x.kind() + " " + x.name() + " " + x.ownerRpm())
                .containsExactly("gem rack rubygem-rack", "rpm rubygem-rack null");
    }

    @Test
    void syftsOwnershipByFileOverlapInSpdx() throws Exception {
        List<Installed> p = read("""
                {"spdxVersion": "SPDX-2.3", "packages": [
                  {"SPDXID": "SPDXRef-rpm", "externalRefs": [{"referenceType": "purl",
                    "referenceLocator": "pkg:rpm/rhel/python3-urllib3@1.26.5-5.el9?arch=noarch"}]},
                  {"SPDXID": "SPDXRef-py", "externalRefs": [{"referenceType": "purl",
                    "referenceLocator": "pkg:pypi/urllib3@1.26.5"}]}
                ], "relationships": [
                  {"spdxElementId": "SPDXRef-rpm", "relationshipType": "OTHER", "relatedSpdxElement": "SPDXRef-py",
                   "comment": "ownership-by-file-overlap: indicates that the parent package claims ownership of a child package"}
                ]}
                """);
        assertThat(p).extracting(x -> x.kind() + " " + x.name() + " " + x.ownerRpm())
                .containsExactly("rpm python3-urllib3 null", "pypi urllib3 python3-urllib3");
    }

    @Test
    void aBadSbomIsOneLine(@TempDir Path dir) throws Exception {
        Path notJson = Files.writeString(dir.resolve("a.json"), "<bom/>");
        Path neither = Files.writeString(dir.resolve("b.json"), "{\"hello\": 1}");
        Path deep = Files.writeString(dir.resolve("c.json"), "{\"bomFormat\":\"CycloneDX\",\"x\":"
                + "[".repeat(200) + "]".repeat(200) + "}");
        Path big = dir.resolve("d.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Sbom.MAX_BYTES + 1);
        }
        Path longString = Files.writeString(dir.resolve("e.json"), "{\"bomFormat\":\"CycloneDX\",\"x\":\""
                + "a".repeat(Sbom.MAX_STRING + 1) + "\"}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Sbom.read(notJson)).isInstanceOf(ClientException.class)
                .hasMessageStartingWith(notJson + ": not JSON (");
        assertThatThrownBy(() -> Sbom.read(neither)).isInstanceOf(ClientException.class)
                .hasMessageStartingWith(neither + ": neither CycloneDX JSON");
        assertThatThrownBy(() -> Sbom.read(deep)).isInstanceOf(ClientException.class)
                .hasMessageStartingWith(deep + ": SBOM too big or too deep");
        assertThatThrownBy(() -> Sbom.read(big)).isInstanceOf(ClientException.class)
                .hasMessage(big + ": SBOM larger than 64 MB");
        assertThatThrownBy(() -> Sbom.read(longString)).isInstanceOf(ClientException.class)
                .hasMessageStartingWith(longString + ": SBOM too big or too deep");
        Path future = Files.writeString(dir.resolve("f.json"), "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"2.0\"}");
        assertThatThrownBy(() -> Sbom.read(future)).isInstanceOf(ClientException.class)
                .hasMessage(future + ": CycloneDX specVersion \"2.0\": the client reads CycloneDX 1.x JSON");
        assertThatThrownBy(() -> Sbom.read(dir.resolve("none.json"))).isInstanceOf(ClientException.class)
                .hasMessage("cannot read " + dir.resolve("none.json") + ": no such file");
        for (Path p : List.of(notJson, neither, deep, big, longString)) {
            assertThatThrownBy(() -> Sbom.read(p)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}

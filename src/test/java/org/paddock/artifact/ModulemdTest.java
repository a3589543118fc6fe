package org.paddock.artifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@link Modulemd} against real repository metadata (see src/test/resources/artifact/modulemd/README.txt). */
class ModulemdTest {

    /** A small valid document; the line numbers in the messages below count from its {@code ---}. */
    private static final String NGINX = """
            ---
            document: modulemd
            version: 2
            data:
              name: nginx
              stream: 1.24
              version: 20250101120000
              context: abcd1234
              arch: x86_64
              summary: web server
              license:
                module: [MIT]
                content: [BSD-2-Clause]
              artifacts:
                rpms:
                - nginx-1:1.24.0-1.module_f45+123+abcd.x86_64
                - nginx-1:1.24.0-1.module_f45+123+abcd.src
            ...
            """;

    @Test
    void readsTheExcerptKeepingStreamsAsWritten() throws IOException {
        List<ModulemdBuild> builds = parseResource("f29-updates-excerpt.yaml");

        assertThat(builds).extracting(ModulemdBuild::nsvca).containsExactly(
                "scala:2.10:20180702155503:819b5873:x86_64",
                "postgresql:9.6:20180816142114:6c81f848:x86_64",
                "nodejs:8:20180816123422:6c81f848:x86_64",
                "nodejs:11:20181102165620:6c81f848:x86_64",
                "nodejs:10:20181101171344:6c81f848:x86_64");
        assertThat(builds).extracting(ModulemdBuild::stream).containsExactly("2.10", "9.6", "8", "11", "10");
        assertThat(builds).extracting(b -> b.rpms().size()).containsExactly(7, 13, 4, 10, 10);
        assertThat(builds).allSatisfy(b -> assertThat(b.licenses()).containsExactly("MIT"));

        ModulemdBuild scala = builds.get(0);
        assertThat(scala.rpms()).startsWith("hawtjni-runtime-0:1.16-1.module_1889+fac7270b.noarch")
                .contains("scala-0:2.10.6-8.module_1889+fac7270b.noarch")
                .endsWith("scala-swing-0:2.10.6-8.module_1889+fac7270b.noarch");

        ModulemdBuild postgresql = builds.get(1);
        assertThat(postgresql.name()).isEqualTo("postgresql");
        assertThat(postgresql.stream()).isEqualTo("9.6");
        assertThat(postgresql.version()).isEqualTo(20180816142114L);
        assertThat(postgresql.context()).isEqualTo("6c81f848");
        assertThat(postgresql.arch()).isEqualTo("x86_64");
        assertThat(postgresql.summary()).isEqualTo("PostgreSQL module");
        assertThat(postgresql.description()).isEqualTo("PostgreSQL is an advanced Object-Relational database "
                + "management system (DBMS). The PostgreSQL server can be found in the postgresql-server sub-package.");
        assertThat(postgresql.rpms()).startsWith("postgresql-0:9.6.8-1.module_1710+b535a823.x86_64")
                .endsWith("postgresql-upgrade-0:9.6.8-1.module_1710+b535a823.x86_64");

        assertThat(builds.get(2).rpms()).containsExactly(
                "nodejs-1:8.11.4-1.module_2030+42747d40.x86_64",
                "nodejs-devel-1:8.11.4-1.module_2030+42747d40.x86_64",
                "nodejs-docs-1:8.11.4-1.module_2030+42747d40.noarch",
                "npm-1:5.6.0-1.8.11.4.1.module_2030+42747d40.x86_64");
        assertThat(builds.get(4).rpms()).contains("libuv-1:1.23.2-1.module_2302+4c6ccf2f.x86_64")
                .endsWith("npm-1:6.4.1-1.10.13.0.1.module_2362+1451e041.x86_64");
        // As written in the real file: a folded scalar keeps the doubled quote literally.
        assertThat(builds.get(4).description()).startsWith("Node.js is a platform built on Chrome''s JavaScript");
    }

    @Test
    void readsAWholeRepositoryModulesYaml() throws IOException {
        List<ModulemdBuild> builds = parseResource("f29-updates.yaml");

        assertThat(builds).hasSize(56);
        assertThat(builds).extracting(ModulemdBuild::nsvca).doesNotHaveDuplicates();
        assertThat(builds).extracting(ModulemdBuild::arch).containsOnly("x86_64");
        assertThat(builds.stream().mapToInt(b -> b.rpms().size()).sum()).isEqualTo(1447);
        Map<String, ModulemdBuild> byNameStream = builds.stream()
                .collect(Collectors.toMap(b -> b.name() + ":" + b.stream(), Function.identity()));
        assertThat(byNameStream).containsKeys("scala:2.10", "golang:1.10", "ant:1.10", "kubernetes:1.10",
                "libgit2:0.27", "docker:2017.0", "golang-ecosystem:2018.0", "ghc:8.6", "byteman:byteman");
        assertThat(byNameStream.get("perl-bootstrap:5.24").rpms()).hasSize(300);
        assertThat(byNameStream.get("cri-o:1.11").licenses()).containsExactly("MIT");
        assertThat(builds.get(0).nsvca()).isEqualTo("testmodule:main:20180405123256:c2c572ec:x86_64");
        assertThat(builds.get(55).nsvca()).isEqualTo("ant:1.10:20181122140939:819b5873:x86_64");
    }

    @Test
    void readsTheAnnotatedSpec() throws IOException {
        ModulemdBuild foo = parseResource("spec-modulemd_stream_v2.yaml").get(0);

        assertThat(foo.nsvca()).isEqualTo("foo:latest:20160927144203:c0ffee43:x86_64");
        assertThat(foo.summary()).isEqualTo("An example module");
        assertThat(foo.description()).isEqualTo("A module for the demonstration of the metadata format. Also, "
                + "the obligatory lorem ipsum dolor sit amet goes right here.");
        assertThat(foo.licenses()).containsExactly("Apache-2.0", "GPL-1.0-or-later OR Artistic-1.0-Perl");
        assertThat(foo.rpms()).containsExactly(
                "bar-0:1.23-1.module_deadbeef.x86_64",
                "bar-devel-0:1.23-1.module_deadbeef.x86_64",
                "bar-extras-0:1.23-1.module_deadbeef.x86_64",
                "baz-0:42-42.module_deadbeef.x86_64",
                "xxx-0:1-1.module_deadbeef.x86_64",
                "xxx-0:1-1.module_deadbeef.i686",
                "xyz-0:1-1.module_deadbeef.x86_64");
    }

    @Test
    void skipsDefaultsAndObsoletesDocuments() throws IOException {
        List<ModulemdBuild> builds = parseResource("pulp-fixtures-modules.yaml");

        assertThat(builds).hasSize(11);
        assertThat(builds).extracting(ModulemdBuild::nsvca)
                .contains("postgresql:9.6:20180816142114:6c81f848:x86_64",
                        "ninja:legacy:20180816141421:6c81f848:x86_64");
        ModulemdBuild legacy = builds.get(8);
        assertThat(legacy.rpms()).containsExactly("ninja-build-0:1.5.2-1.module_1991+4e5efe2f.x86_64",
                "ninja-build-0:1.5.2-1.module_1991+4e5efe2f.src");
        assertThat(legacy.licenses()).containsExactly("ASL 2.0");
        assertThat(builds.get(2).licenses())
                .containsExactly("MIT", "MIT and ASL 2.0 and ISC and BSD", "MIT and BSD and ISC");
    }

    @Test
    void readsFlowListsAndAbsentContentLicences() throws IOException {
        List<ModulemdBuild> builds = parseResource("libdnf-modules.yaml");

        assertThat(builds).extracting(ModulemdBuild::nsvca).containsExactly(
                "perl:5.23:1:aa:x86_64", "perl-DBI:master:2:2b:x86_64", "perl-DBI:master:2:2c:x86_64");
        assertThat(builds.get(0).rpms()).containsExactly("test-perl-0:5.24-1.module_el8+5182+8241aed2.x86_64");
        assertThat(builds.get(0).licenses()).isEmpty();
    }

    @Test
    void readsAMinimalDocumentFromAReader() throws IOException {
        List<ModulemdBuild> builds = Modulemd.parse(new StringReader(NGINX));

        assertThat(builds).containsExactly(new ModulemdBuild("nginx", "1.24", 20250101120000L, "abcd1234", "x86_64",
                "web server", "", List.of("BSD-2-Clause"), List.of("nginx-1:1.24.0-1.module_f45+123+abcd.x86_64",
                "nginx-1:1.24.0-1.module_f45+123+abcd.src")));
        assertThat(Modulemd.parse(NGINX)).isEqualTo(builds);
    }

    @Test
    void givesEmptyListsWithoutArtifactsOrLicence() {
        ModulemdBuild build = Modulemd.parse(NGINX.replaceAll("(?s)  license:.*\\.\\.\\.\n", "")).get(0);

        assertThat(build.rpms()).isEmpty();
        assertThat(build.licenses()).isEmpty();
        assertThat(build.summary()).isEqualTo("web server");
    }

    @Test
    void keepsQuotedValuesAndNumberLikeKeysApart() {
        String yaml = NGINX.replace("stream: 1.24", "stream: \"1.20\"").replace("version: 20250101120000",
                "version: '20250101120000'\n  xmd:\n    2.1: a\n    2.10: b\n    '2.1': c");

        assertThatThrownBy(() -> Modulemd.parse(yaml)).hasMessage("modulemd line 11: duplicate key data.xmd.2.1");
        ModulemdBuild build = Modulemd.parse(yaml.replace("    '2.1': c\n", "")).get(0);
        assertThat(build.stream()).isEqualTo("1.20");
        assertThat(build.version()).isEqualTo(20250101120000L);
    }

    @Test
    void refusesText() {
        assertThatThrownBy(() -> Modulemd.parse("document: modulemd\nversion: 2\ndata:\n  name: a\n   stream: b\n"))
                .isInstanceOf(ModulemdException.class)
                .hasMessage("modulemd: not YAML: mapping values are not allowed here at line 5, column 10");
        assertThatThrownBy(() -> Modulemd.parse("data: [a, b\n"))
                .hasMessage("modulemd: not YAML: expected ',' or ']', but got <stream end> at line 2, column 1");
        assertThatThrownBy(() -> Modulemd.parse("data: a\u0000b\n"))
                .hasMessage("modulemd: not YAML: character U+0000 is not allowed (character 8)");
        assertThatThrownBy(() -> Modulemd.parse("data: !!python/object:os.system a\n")).hasMessage(
                "modulemd: not YAML: Global tag is not allowed: tag:yaml.org,2002:python/object:os.system "
                        + "at line 1, column 7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "# nothing\n", "---\n...\n", "---\ndocument: modulemd-defaults\nversion: 1\n"})
    void refusesInputWithoutAModulemdDocument(String yaml) {
        assertThatThrownBy(() -> Modulemd.parse(yaml)).isInstanceOf(ModulemdException.class)
                .hasMessage("modulemd: no modulemd v2 document found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "stream", "version", "context", "arch"})
    void refusesAMissingFieldOnTheLineOfData(String field) {
        String yaml = NGINX.lines().filter(l -> !l.startsWith("  " + field + ":")).collect(Collectors.joining("\n"));

        assertThatThrownBy(() -> Modulemd.parse(yaml)).hasMessage("modulemd line 4: data." + field + " is missing");
    }

    @Test
    void refusesMissingHeaders() {
        assertThatThrownBy(() -> Modulemd.parse(NGINX.replace("version: 2\n", "")))
                .hasMessage("modulemd line 2: version is missing");
        assertThatThrownBy(() -> Modulemd.parse(NGINX.replace("document: modulemd\n", "")))
                .hasMessage("modulemd line 2: document is missing");
        assertThatThrownBy(() -> Modulemd.parse(NGINX.replace("data:\n", "data: x\nold:\n")))
                .hasMessage("modulemd line 4: data must be a mapping, not 'x'");
        assertThatThrownBy(() -> Modulemd.parse("---\n- a\n- b\n"))
                .hasMessage("modulemd line 2: a document must be a mapping, not a list");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1|1", "3|3", "'2.0'|'2.0'", "two|'two'", "[2]|a list", "|empty"})
    void refusesOtherModulemdVersions(String version, String shown) {
        String yaml = NGINX.replace("version: 2\n", "version: " + (version == null ? "" : version) + "\n");

        assertThatThrownBy(() -> Modulemd.parse(yaml)).hasMessage("modulemd line 3: version must be 2, not " + shown);
    }

    @Test
    void refusesAModulemdV1DocumentAmongOthers() {
        String v1 = "---\ndocument: modulemd\nversion: 1\ndata:\n  name: old\n";

        assertThatThrownBy(() -> Modulemd.parse(NGINX + v1)).hasMessage("modulemd line 21: version must be 2, not 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "+5", "2.5", "1e5", "0x1F", "1_000", "''"})
    void refusesAModuleVersionThatIsNoPositiveInteger(String version) {
        String yaml = NGINX.replace("version: 20250101120000", "version: " + version);
        String text = version.equals("''") ? "" : version;

        assertThatThrownBy(() -> Modulemd.parse(yaml))
                .hasMessage("modulemd line 7: data.version must be a positive integer, not '" + text + "'");
    }

    @Test
    void refusesAModuleVersionBeyondLong() {
        assertThatThrownBy(() -> Modulemd.parse(NGINX.replace("20250101120000", "18446744073709551615")))
                .hasMessage("modulemd line 7: data.version must be at most 9223372036854775807, "
                        + "not '18446744073709551615'");
        assertThatThrownBy(() -> Modulemd.parse(NGINX.replace("20250101120000", "[1]")))
                .hasMessage("modulemd line 7: data.version must be a string, not a list");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "name: nginx|name: 'ng inx'|modulemd line 5: data.name must not contain whitespace or ':', not 'ng inx'",
        "stream: 1.24|stream: '1:24'|modulemd line 6: data.stream must not contain whitespace or ':', not '1:24'",
        "stream: 1.24|stream:|modulemd line 6: data.stream must not be empty",
        "stream: 1.24|stream: ''|modulemd line 6: data.stream must not be empty",
        "context: abcd1234|context: ~|modulemd line 8: data.context must not be empty",
        "name: nginx|name: {a: b}|modulemd line 5: data.name must be a string, not a mapping",
        "summary: web server|summary: [a]|modulemd line 10: data.summary must be a string, not a list",
        "content: [BSD-2-Clause]|content: MIT|modulemd line 13: data.license.content must be a list, not 'MIT'",
        "content: [BSD-2-Clause]|content: ['']|modulemd line 13: data.license.content entries must be non-empty "
                + "strings, not empty",
        "- nginx-1:1.24.0-1.module_f45+123+abcd.src|- 'nginx src'|modulemd line 17: data.artifacts.rpms entries "
                + "must be strings without whitespace, not 'nginx src'",
        "- nginx-1:1.24.0-1.module_f45+123+abcd.src|- [a]|modulemd line 17: data.artifacts.rpms entries "
                + "must be strings without whitespace, not a list",
        "- nginx-1:1.24.0-1.module_f45+123+abcd.src|-|modulemd line 17: data.artifacts.rpms entries "
                + "must be strings without whitespace, not empty"})
    void refusesMalformedFields(String line, String replacement, String message) {
        assertThat(NGINX).contains(line);
        assertThatThrownBy(() -> Modulemd.parse(NGINX.replace(line, replacement))).hasMessage(message);
    }

    @Test
    void refusesMalformedFieldsSpanningLines() {
        assertThatThrownBy(() -> Modulemd.parse(NGINX.replace("arch: x86_64", "arch: \"x86\\t64\"")))
                .hasMessage("modulemd line 9: data.arch must not contain whitespace or ':', not 'x86\\u000964'");
        assertThatThrownBy(() -> Modulemd.parse(NGINX.replace("artifacts:", "artifacts: [a]\n  other:")))
                .hasMessage("modulemd line 14: data.artifacts must be a mapping, not a list");
    }

    @Test
    void refusesDuplicateKeysAnywhere() {
        assertThatThrownBy(() -> Modulemd.parse(NGINX.replace("  arch: x86_64\n", "  arch: x86_64\n  name: x\n")))
                .hasMessage("modulemd line 10: duplicate key data.name");
        assertThatThrownBy(() -> Modulemd.parse(NGINX.replace("version: 2\n", "version: 2\nversion: 2\n")))
                .hasMessage("modulemd line 4: duplicate key version");
        assertThatThrownBy(() -> Modulemd.parse(NGINX + "---\ndocument: modulemd-defaults\ndata: {profiles: "
                + "{8: [a], 8: [b]}}\n"))
                .hasMessage("modulemd line 21: duplicate key data.profiles.8");
    }

    @Test
    void refusesAnAliasBombQuickly() {
        StringBuilder bomb = new StringBuilder("document: modulemd\nversion: 2\nlol0: &lol0 [lol]\n");
        for (int level = 1; level <= 30; level++) {
            bomb.append("lol").append(level).append(": &lol").append(level).append(" [")
                    .append(("*lol" + (level - 1) + ", ").repeat(9)).append("*lol").append(level - 1).append("]\n");
        }

        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> Modulemd.parse(bomb.toString()))
                        .hasMessage("modulemd: refused: Number of aliases for non-scalar nodes exceeds the specified "
                                + "max=" + Modulemd.MAX_ALIASES));
    }

    @Test
    void readsSharedAliasesOnceAndKeepsTheirText() {
        String yaml = NGINX.replace("stream: 1.24", "stream: &s 1.10").replace("summary: web server",
                "summary: *s\n  xmd: {a: &m {b: [1, 2]}, c: *m, d: *m}");

        assertThat(Modulemd.parse(yaml).get(0).summary()).isEqualTo("1.10");
    }

    @Test
    void refusesDeepNestingAndHugeInput() {
        assertThatThrownBy(() -> Modulemd.parse("data: " + "[".repeat(60) + "]".repeat(60) + "\n"))
                .hasMessage("modulemd: refused: Nesting Depth exceeded max " + Modulemd.MAX_DEPTH);
        String huge = NGINX + "#" + "x".repeat(Modulemd.MAX_CHARS) + "\n";
        assertThatThrownBy(() -> Modulemd.parse(huge))
                .hasMessage("modulemd: refused: the input is longer than 10485760 characters");
        assertThatThrownBy(() -> Modulemd.parse(new StringReader(huge)))
                .hasMessage("modulemd: refused: the input is longer than 10485760 characters");
    }

    @Test
    void cutsLongValuesShortInMessages() {
        String name = "n\\x07" + "x".repeat(200);

        assertThatThrownBy(() -> Modulemd.parse(NGINX.replace("stream: 1.24", "stream: \"" + name + " \"")))
                .hasMessage("modulemd line 6: data.stream must not contain whitespace or ':', not 'n\\u0007"
                        + "x".repeat(78) + "...'");
    }

    private static List<ModulemdBuild> parseResource(String name) throws IOException {
        InputStream in = ModulemdTest.class.getResourceAsStream("/artifact/modulemd/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no test resource " + name));
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Modulemd.parse(reader);
        }
    }
}

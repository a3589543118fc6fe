package org.paddock.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the package-url test suites (copied into src/test/resources/artifact/purl, see the README.txt there) against
 * {@link Purl}, plus a few cases of our own.
 */
class PurlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCES = "/artifact/purl/";
    private static final List<String> TYPES = List.of("rpm", "maven", "gem", "pypi", "npm", "generic");
    private static final String SPEC_FILE = "tests/spec/specification-test.json";
    private static final String LEGACY_FILE = "purl-test-suite-data.json";

    /** How many tests each copied file holds: a file that shrinks or fails to load stops the build. */
    private static final Map<String, Integer> CASES_PER_FILE = Map.of(
            SPEC_FILE, 18,
            "tests/types/rpm-test.json", 10,
            "tests/types/maven-test.json", 61,
            "tests/types/gem-test.json", 10,
            "tests/types/pypi-test.json", 16,
            "tests/types/npm-test.json", 17,
            "tests/types/generic-test.json", 9,
            LEGACY_FILE, 59);

    /**
     * Legacy rows for types outside the ones Purl implements (rpm, maven, gem, pypi, npm, generic; every other type is
     * read by the core rules only) whose expectations need that type's own rules. Only these rows are skipped, found
     * by type and description; every other legacy row runs, including the other rows of these types.
     */
    private static final List<LegacySkip> LEGACY_ROWS_NEEDING_TYPE_RULES = List.of(
            new LegacySkip("bitbucket", "bitbucket namespace and name should be lowercased",
                    "bitbucket namespace and name are lowercased"),
            new LegacySkip("github", "github namespace and name should be lowercased",
                    "github namespace and name are lowercased"),
            new LegacySkip("composer", "composer names are not case sensitive",
                    "composer namespace and name are lowercased"),
            new LegacySkip("huggingface", "Hugging Face model with various cases",
                    "a huggingface version (a commit hash) is lowercased"),
            new LegacySkip("mlflow", "MLflow model tracked in Azure Databricks (case insensitive)",
                    "an mlflow name is lowercased when repository_url is Azure Databricks"),
            new LegacySkip("conan", "invalid conan purl only namespace",
                    "a conan namespace needs the channel qualifier"),
            new LegacySkip("conan", "invalid conan purl only channel qualifier",
                    "the conan channel qualifier needs a namespace"),
            new LegacySkip("cran", "invalid cran purl without version", "a cran purl needs a version"),
            new LegacySkip("swift", "invalid swift purl without namespace", "a swift purl needs a namespace"),
            new LegacySkip("swift", "invalid swift purl without version", "a swift purl needs a version"),
            new LegacySkip("swift", "invalid swift purl without name",
                    "pkg:swift/github.com/Alamofire/@5.4.3 must be refused, but the core how-to-parse strips the"
                            + " trailing '/' before taking the name, which reads namespace github.com and name"
                            + " Alamofire; only a swift-specific rule could refuse it"),
            new LegacySkip("cpan", "cpan module name like distribution name",
                    "a cpan name without namespace is a module name, which has no '-'"),
            new LegacySkip("cpan", "cpan distribution name like module name",
                    "a cpan name with a namespace (the author) is a distribution name, which has no '::'"));

    record LegacySkip(String type, String description, String ruleNotImplemented) {
        boolean matches(JsonNode row) {
            return type.equals(text(row, "type")) && description.equals(text(row, "description"));
        }
    }

    // ---- the current suite: tests/spec and tests/types (purl-test.schema-0.2.json)

    /** One test of the current suite; {@code number} counts from 1 within its file. */
    record SuiteCase(String file, int number, JsonNode test) {
        String group() {
            return test.get("test_group").asText();
        }

        String testType() {
            return test.get("test_type").asText();
        }

        boolean expectedFailure() {
            return test.path("expected_failure").asBoolean(false);
        }

        JsonNode input() {
            return test.get("input");
        }

        JsonNode expectedOutput() {
            return test.path("expected_output");
        }

        @Override
        public String toString() {
            return file + " #" + number + " [" + group() + " " + testType() + "] " + test.get("description").asText()
                    + " | " + (input().isTextual() ? input().asText() : input().toString());
        }
    }

    static List<SuiteCase> suiteCases() {
        List<SuiteCase> cases = new ArrayList<>();
        Stream.concat(Stream.of(SPEC_FILE), TYPES.stream().map(type -> "tests/types/" + type + "-test.json"))
                .forEach(file -> {
                    JsonNode tests = read(file).get("tests");
                    for (int i = 0; i < tests.size(); i++) {
                        cases.add(new SuiteCase(file, i + 1, tests.get(i)));
                    }
                });
        return cases;
    }

    static Stream<SuiteCase> parseCases() {
        return suiteCases().stream().filter(c -> c.testType().equals("parse"));
    }

    static Stream<SuiteCase> buildCases() {
        return suiteCases().stream().filter(c -> c.testType().equals("build"));
    }

    static Stream<SuiteCase> validateCases() {
        return suiteCases().stream().filter(c -> c.testType().equals("validate"));
    }

    /**
     * maven-test.json holds one 'required' parse test whose input has a mixed-case qualifier key
     * ({@code repositorY_url}) and still expects success, although ECMA-427 says a key MUST be lowercase. Upstream
     * corrected the same mistake in the rpm and gem files to an expected failure (purl-spec issue #942, pull requests
     * #946 and #951) but not yet in this one, and its 'recommended' twin expects exactly this success. So this row
     * runs through {@link Purl#parseLenient} like a recommended test, and we also check that {@link Purl#parse}
     * refuses it.
     */
    private static boolean isMavenRowWithMixedCaseKeyFiledAsRequired(SuiteCase c) {
        return c.file().equals("tests/types/maven-test.json") && c.group().equals("required")
                && c.testType().equals("parse") && c.input().asText().contains("repositorY_url");
    }

    /** 'required' tests check conformance, so they use the strict parser; 'recommended' ones show normalisation. */
    private static Purl parseFor(SuiteCase c, String purl) {
        boolean lenient = c.group().equals("recommended") || isMavenRowWithMixedCaseKeyFiledAsRequired(c);
        return lenient ? Purl.parseLenient(purl) : Purl.parse(purl);
    }

    @Test
    void loadsEveryCaseOfEveryCopiedFile() {
        Map<String, Long> loaded = suiteCases().stream()
                .collect(Collectors.groupingBy(SuiteCase::file, Collectors.counting()));
        loaded.put(LEGACY_FILE, (long) read(LEGACY_FILE).size());
        assertThat(loaded).containsOnlyKeys(CASES_PER_FILE.keySet());
        CASES_PER_FILE.forEach((file, count) -> assertThat(loaded.get(file)).as(file).isEqualTo(count.longValue()));

        assertThat(parseCases().count()).isEqualTo(47);
        assertThat(buildCases().count()).isEqualTo(42);
        assertThat(validateCases().count()).isEqualTo(52);
        assertThat(suiteCases().stream().filter(PurlTest::isMavenRowWithMixedCaseKeyFiledAsRequired)).hasSize(1);

        JsonNode legacy = read(LEGACY_FILE);
        for (LegacySkip skip : LEGACY_ROWS_NEEDING_TYPE_RULES) {
            assertThat(legacy).as("legacy rows matching " + skip).filteredOn(skip::matches).hasSize(1);
        }
        assertThat(legacySkipped()).isEqualTo(13);
        assertThat(legacyCases().count()).isEqualTo(46);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseCases")
    void parsesIntoComponents(SuiteCase c) {
        String purl = c.input().asText();
        if (c.expectedFailure()) {
            assertThatThrownBy(() -> parseFor(c, purl))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("purl '" + purl + "' is invalid: ");
        } else {
            assertThat(components(parseFor(c, purl))).isEqualTo(components(c.expectedOutput()));
        }
        if (isMavenRowWithMixedCaseKeyFiledAsRequired(c)) {
            assertThatThrownBy(() -> Purl.parse(purl))
                    .hasMessage("purl '" + purl + "' is invalid: the qualifier key 'repositorY_url' is not lowercase");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buildCases")
    void buildsTheCanonicalString(SuiteCase c) {
        if (c.expectedFailure()) {
            assertThatThrownBy(() -> build(c.input()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("purl {");
        } else {
            Purl built = build(c.input());
            String canonical = c.expectedOutput().asText();
            assertThat(built.toString()).isEqualTo(canonical);
            assertThat(Purl.parse(canonical)).isEqualTo(built);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validateCases")
    void turnsTheInputIntoTheCanonicalString(SuiteCase c) {
        String purl = c.input().asText();
        if (c.expectedFailure()) {
            assertThatThrownBy(() -> parseFor(c, purl)).isInstanceOf(IllegalArgumentException.class);
        } else {
            String canonical = c.expectedOutput().asText();
            assertThat(parseFor(c, purl).toString()).isEqualTo(canonical);
            assertThat(Purl.parse(canonical).toString()).isEqualTo(canonical);
        }
    }

    // ---- the legacy suite: test-suite-data.json, deleted upstream in favour of tests/**

    /** One row of the legacy suite; {@code number} counts from 1. */
    record LegacyCase(int number, JsonNode row) {
        String text(String field) {
            return PurlTest.text(row, field);
        }

        @Override
        public String toString() {
            return LEGACY_FILE + " #" + number + " " + text("description") + " | " + text("purl");
        }
    }

    static Stream<LegacyCase> legacyCases() {
        JsonNode rows = read(LEGACY_FILE);
        return IntStream.range(0, rows.size())
                .mapToObj(i -> new LegacyCase(i + 1, rows.get(i)))
                .filter(c -> !needsTypeRulesNotImplemented(c.row()));
    }

    private static long legacySkipped() {
        JsonNode rows = read(LEGACY_FILE);
        return IntStream.range(0, rows.size())
                .filter(i -> needsTypeRulesNotImplemented(rows.get(i)))
                .count();
    }

    private static boolean needsTypeRulesNotImplemented(JsonNode legacyRow) {
        return LEGACY_ROWS_NEEDING_TYPE_RULES.stream().anyMatch(skip -> skip.matches(legacyRow));
    }

    /**
     * The four checks the legacy README asked for, plus parse into the listed components. The legacy file predates
     * ECMA-427's lowercase qualifier keys (it lists {@code ?Arch=i386} as valid), so it is read with
     * {@link Purl#parseLenient}; its canonical strings must also pass the strict {@link Purl#parse}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyCases")
    void passesTheLegacySuite(LegacyCase c) {
        String purl = c.text("purl");
        String canonical = c.text("canonical_purl");
        if (c.row().get("is_invalid").asBoolean()) {
            assertThatThrownBy(() -> Purl.parseLenient(purl)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("purl '" + purl + "' is invalid: ");
            if (canonical != null) {
                assertThatThrownBy(() -> Purl.parse(canonical)).isInstanceOf(IllegalArgumentException.class);
            }
            return;
        }
        String expected = withCurrentQualifierEncoding(canonical);
        Map<String, Object> listed = components(c.row());
        listed.put("subpath", withoutDotSegments((String) listed.get("subpath")));

        Purl parsed = Purl.parseLenient(purl);
        assertThat(components(parsed)).isEqualTo(listed);
        assertThat(parsed.toString()).isEqualTo(expected);
        assertThat(Purl.parse(canonical).toString()).isEqualTo(expected);
        assertThat(Purl.parse(canonical)).isEqualTo(parsed);
        assertThat(build(c.row()).toString()).isEqualTo(expected);
    }

    /**
     * The legacy canonical strings leave '/' in qualifier values unencoded
     * ({@code repository_url=repo.spring.io/release}); ECMA-427 percent-encodes it, and the current maven-test.json
     * expects {@code repo.spring.io%2Frelease} for the same purl. This applies that one change to the qualifiers part
     * of a legacy canonical string.
     */
    private static String withCurrentQualifierEncoding(String canonical) {
        int hash = canonical.indexOf('#');
        String beforeSubpath = hash < 0 ? canonical : canonical.substring(0, hash);
        String subpath = hash < 0 ? "" : canonical.substring(hash);
        int question = beforeSubpath.indexOf('?');
        if (question < 0) {
            return canonical;
        }
        return beforeSubpath.substring(0, question) + beforeSubpath.substring(question).replace("/", "%2F") + subpath;
    }

    /**
     * The legacy file lists the subpath of {@code #/googleapis/%2E%2E/api/annotations/} as
     * {@code googleapis/../api/annotations}, while its own canonical string drops the '..'. The current
     * how-to-parse percent-decodes subpath segments first and then discards '.' and '..', so we expect that.
     */
    private static String withoutDotSegments(String subpath) {
        if (subpath == null) {
            return null;
        }
        return Stream.of(subpath.split("/"))
                .filter(segment -> !segment.equals(".") && !segment.equals(".."))
                .collect(Collectors.joining("/"));
    }

    // ---- the type definitions (types/*-definition.json)

    /** Namespace requirement, case sensitivity and the examples of each type definition agree with Purl. */
    @ParameterizedTest
    @ValueSource(strings = {"rpm", "maven", "gem", "pypi", "npm", "generic"})
    void followsTheTypeDefinition(String type) {
        JsonNode definition = read("types/" + type + "-definition.json");
        assertThat(definition.get("type").asText()).isEqualTo(type);

        JsonNode namespace = definition.get("namespace_definition");
        switch (namespace.get("requirement").asText()) {
            case "required" -> assertThatThrownBy(() -> Purl.of(type, null, "name", null))
                    .hasMessageMatching(".* is invalid: an? " + type + " purl needs a namespace .*");
            case "prohibited" -> assertThatThrownBy(() -> Purl.of(type, "space", "name", null))
                    .hasMessageEndingWith("a " + type + " purl has no namespace, but 'space' was given");
            default -> assertThat(Purl.of(type, null, "name", null).namespace()).isNull();
        }
        boolean hasNamespace = !namespace.get("requirement").asText().equals("prohibited");
        Purl mixed = Purl.of(type, hasNamespace ? "Space" : null, "Name", "V1");
        if (hasNamespace) {
            assertThat(mixed.namespace()).isEqualTo(caseSensitive(namespace) ? "Space" : "space");
        }
        assertThat(mixed.name()).isEqualTo(caseSensitive(definition.get("name_definition")) ? "Name" : "name");
        assertThat(mixed.version()).isEqualTo(caseSensitive(definition.path("version_definition")) ? "V1" : "v1");

        for (JsonNode example : definition.get("examples")) {
            Purl parsed = Purl.parse(example.asText());
            assertThat(parsed.type()).isEqualTo(type);
            assertThat(Purl.parse(parsed.toString())).isEqualTo(parsed);
        }
    }

    private static boolean caseSensitive(JsonNode componentDefinition) {
        return componentDefinition.path("case_sensitive").asBoolean(true);
    }

    // ---- our own cases

    @Test
    void namesTheInputAndTheReason() {
        assertThatThrownBy(() -> Purl.parse("pkg:maven/foo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("purl 'pkg:maven/foo' is invalid: a maven purl needs a namespace (the groupId)");
        assertThatThrownBy(() -> Purl.parse("pkg:rpm/curl@7.50.3-1.fc25"))
                .hasMessage("purl 'pkg:rpm/curl@7.50.3-1.fc25' is invalid: an rpm purl needs a namespace"
                        + " (the vendor, such as fedora)");
        assertThatThrownBy(() -> new Purl("gem", "rubygems", "rails", "7.1", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("purl {type=gem, namespace=rubygems, name=rails, version=7.1} is invalid:"
                        + " a gem purl has no namespace, but 'rubygems' was given");
        assertThatThrownBy(() -> Purl.parse(null)).hasMessage("purl null is invalid: no purl string was given");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "maven/org.yaml/snakeyaml            | it does not start with the scheme 'pkg:'",
            "http://example.com/x                | the scheme is 'http' where 'pkg' is required",
            "pkg:maven                           | there is no '/' between the type and the name",
            "pkg:3nginx/nginx                    | the type '3nginx' must start with an ASCII letter and hold only"
                    + " ASCII letters, digits, '.' and '-'",
            "pkg:gem/rails?Platform=java         | the qualifier key 'Platform' is not lowercase",
            "pkg:gem/rails?platform              | the qualifier 'platform' has no '=' between key and value",
            "pkg:gem/rails?platform=java&platform=ruby | the qualifier key 'platform' appears more than once",
            "pkg:gem/rails?1st=x                 | the qualifier key '1st' must start with an ASCII letter and hold"
                    + " only lowercase ASCII letters, digits, '.', '-' and '_' (keys are never percent-encoded)",
            "pkg:gem/rails?In%20Production=yes   | the qualifier key 'In%20Production' must start with an ASCII letter"
                    + " and hold only lowercase ASCII letters, digits, '.', '-' and '_' (keys are never"
                    + " percent-encoded)",
            "pkg:generic/x%2                     | in 'x%2' a '%' is not followed by two hex digits",
            "pkg:generic/x%FF                    | 'x%FF' does not percent-decode to UTF-8 text",
            "pkg:generic/a%2Fb/c                 | the namespace segment 'a%2Fb' holds an encoded '/'",
            "pkg:generic/c#a%2Fb                 | the subpath segment 'a%2Fb' holds an encoded '/'",
            "pkg:npm/@babel/core                 | the only '@' opens the path, so no name is left before the"
                    + " version; an '@' inside the namespace or name must be percent-encoded as %40",
    })
    void refusesWithAPreciseReason(String purl, String reason) {
        assertThatThrownBy(() -> Purl.parse(purl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("purl '" + purl + "' is invalid: " + reason);
    }

    @Test
    void lenientParsingRepairsKeyCaseAndAnUnencodedScope() {
        assertThat(Purl.parseLenient("pkg:gem/rails?Platform=java")).hasToString("pkg:gem/rails?platform=java");
        assertThat(Purl.parseLenient("pkg:npm/@babel/core@7.24.0"))
                .isEqualTo(new Purl("npm", "@babel", "core", "7.24.0", null, null))
                .hasToString("pkg:npm/%40babel/core@7.24.0");
        assertThatThrownBy(() -> Purl.parseLenient("pkg:gem/rails?platform=java&Platform=ruby"))
                .hasMessageEndingWith("the qualifier key 'platform' appears more than once");
    }

    @Test
    void normalisesPerType() {
        assertThat(Purl.parse("PKG:RPM/Fedora/curl@7.50.3-1.fc25?epoch=1&arch=x86_64"))
                .hasToString("pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=x86_64&epoch=1");
        assertThat(Purl.parse("pkg:pypi/Foo_Bar@1.0RC1")).hasToString("pkg:pypi/foo-bar@1.0rc1");
        assertThat(Purl.parse("pkg:maven/Org.Example/My_Lib@1.0-SNAPSHOT"))
                .hasToString("pkg:maven/Org.Example/My_Lib@1.0-SNAPSHOT");
        assertThat(Purl.parse("pkg:npm/%40Angular/Core")).hasToString("pkg:npm/%40Angular/Core");
        assertThat(Purl.parse("pkg:golang/github.com/Foo/Bar")).hasToString("pkg:golang/github.com/Foo/Bar");
    }

    @Test
    void percentEncodesEverythingButLettersDigitsAndDotDashUnderscoreTildeColon() {
        Purl purl = new Purl("generic", "a b/ü", "n@me#?&=+,%", "1:2~3",
                new TreeMap<>(Map.of("url", "https://x.org/a?b")), "/./dir/../file name/");
        String canonical = "pkg:generic/a%20b/%C3%BC/n%40me%23%3F%26%3D%2B%2C%25@1:2~3"
                + "?url=https:%2F%2Fx.org%2Fa%3Fb#dir/file%20name";
        assertThat(purl).hasToString(canonical);
        assertThat(Purl.parse(canonical)).isEqualTo(purl);
        assertThat(purl.namespace()).isEqualTo("a b/ü");
        assertThat(purl.subpath()).isEqualTo("dir/file name");
    }

    @Test
    void dropsEmptyQualifiersAndDotSegments() {
        Purl purl = Purl.parse("pkg://generic//x/?b=&a=1&#./a/%2E%2E/b//");
        assertThat(purl).hasToString("pkg:generic/x?a=1#a/b");
        assertThat(purl.qualifiers()).containsExactly(Map.entry("a", "1"));
        assertThat(Purl.parse("pkg:generic/x?b=#/./")).hasToString("pkg:generic/x");
    }

    @Test
    void offersFactoryAndQualifierAccessors() {
        Purl curl = Purl.of("rpm", "Fedora", "curl", "8.6.0-1.fc40").withQualifier("Arch", "x86_64");
        assertThat(curl).hasToString("pkg:rpm/fedora/curl@8.6.0-1.fc40?arch=x86_64");
        assertThat(curl.qualifier("ARCH")).contains("x86_64");
        assertThat(curl.qualifier("epoch")).isEmpty();
        assertThat(curl.withQualifier("epoch", "2").qualifiers()).containsExactly(
                Map.entry("arch", "x86_64"), Map.entry("epoch", "2"));
        assertThat(curl.withQualifier("arch", "")).isEqualTo(Purl.of("rpm", "fedora", "curl", "8.6.0-1.fc40"));
        assertThat(Purl.of("generic", "", "x", "").namespace()).isNull();
        assertThatThrownBy(() -> curl.qualifiers().put("epoch", "1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Purl.of("rpm", "fedora", "curl", null).withQualifier("in production", "yes"))
                .hasMessageContaining("the qualifier key 'in production' must start with an ASCII letter");
    }

    // ---- helpers

    private static JsonNode read(String file) {
        try (InputStream in = PurlTest.class.getResourceAsStream(RESOURCES + file)) {
            assertThat(in).as("test resource " + RESOURCES + file).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Purl build(JsonNode components) {
        SortedMap<String, String> qualifiers = new TreeMap<>();
        components.path("qualifiers").fields().forEachRemaining(
                q -> qualifiers.put(q.getKey(), q.getValue().isNull() ? null : q.getValue().asText()));
        return new Purl(text(components, "type"), text(components, "namespace"), text(components, "name"),
                text(components, "version"), qualifiers, text(components, "subpath"));
    }

    private static Map<String, Object> components(Purl purl) {
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("type", purl.type());
        components.put("namespace", purl.namespace());
        components.put("name", purl.name());
        components.put("version", purl.version());
        components.put("qualifiers", new TreeMap<>(purl.qualifiers()));
        components.put("subpath", purl.subpath());
        return components;
    }

    private static Map<String, Object> components(JsonNode expected) {
        Map<String, Object> components = new LinkedHashMap<>();
        for (String field : List.of("type", "namespace", "name", "version")) {
            components.put(field, text(expected, field));
        }
        Map<String, String> qualifiers = new TreeMap<>();
        expected.path("qualifiers").fields().forEachRemaining(q -> qualifiers.put(q.getKey(), q.getValue().asText()));
        components.put("qualifiers", qualifiers);
        components.put("subpath", text(expected, "subpath"));
        return components;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

package org.paddock.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paddock.artifact.Modulemd;
import org.paddock.testsupport.Api;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.DeployedApi;
import org.paddock.testsupport.Dnf;
import org.paddock.testsupport.TestPaths;
import org.paddock.testsupport.TestBuilds;
import org.paddock.testsupport.TestReleases;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The feeds over HTTP from the real WAR: two updates pushed to stable, then read as clients read them — the real
 * dnf reading updateinfo.xml and modules.yaml, Rome reading Atom, the OSV schema checking OSV, filters of the JSON API.
 */
class FeedsIT extends DeployedApi {

    /** When the updates go to testing: a fixed instant, so the feeds' dates do not depend on the day the test runs. */
    static final Instant PUSHED_AT = Instant.parse("2026-11-02T10:00:00Z");

    /** A release of this class's own, so other classes' updates neither obsolete nor join its feed. */
    static String release;
    static String security;
    static String bugfix;
    static String cve;
    static String bug;
    static String tag;

    /** An update body for this class's release with {@code build} as its one new build. */
    private static Map<String, Object> update(TestBuilds.Build build, Map<String, Object> fields) {
        Map<String, Object> update = new HashMap<>(fields);
        update.put("release", release);
        update.putAll(build.asNewBuilds());
        return update;
    }

    /** Two updates in stable, made once for the class: a security one in nginx:1.24 and a bugfix in postgresql:16. */
    @AfterAll
    static void removeTheRelease() throws Exception {
        if (release != null) {
            TestReleases.delete(release);
        }
    }

    @BeforeEach
    void published() throws Exception {
        if (security != null) {
            return;
        }
        String alice = ApiTokens.issue("alice");
        String admin = ApiTokens.issue("admin");
        String ci = ApiTokens.issue("ci");
                tag = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        cve = "CVE-2026-" + (40000 + (int) (Math.random() * 50000));
        bug = String.valueOf(2_400_000 + (int) (Math.random() * 90_000));
        release = TestReleases.name("FEED");
        TestReleases.create(release, Map.of("nginx:1.24", "nginx-maintainers", "postgresql:16", "postgresql-maintainers"));
        Api api = api();
        String nginx = "fee" + tag.substring(0, 5);
        security = api.submit(alice, update(TestBuilds.build("nginx", "1.24").version(4520262201120000L).context(nginx)
                        .rpm("nginx-1:1.24.0-9.module_f45+9+" + nginx + ".x86_64")
                        .rpm("nginx-mod-http-perl-1:1.24.0-9.module_f45+9+" + nginx + ".x86_64")
                        .purl("pkg:gem/rack@3.1.8"),
                Map.of("type", "security", "severity", "important",
                        "suggestion", "restart", "title", "nginx: fix the feed test's smuggling ]]> in Zürich",
                        "notes", "Fixes " + cve + ". Odd text: ]]> <&> \"quotes\" ✓ 日本\n" + "x".repeat(10_000),
                        "references", List.of(Map.of("kind", "cve", "id", cve, "fixedIn", List.of("nginx")),
                                Map.of("kind", "bugzilla", "id", bug)))));
        String postgresql = "fed" + tag.substring(0, 5);
        bugfix = api.submit(alice, update(TestBuilds.build("postgresql", "16").version(4520262201120000L).context(postgresql)
                        .rpm("postgresql-16.10-1.module_f45+9+" + postgresql + ".x86_64"),
                Map.of("type", "bugfix", "severity", "moderate", "title", "postgresql: the feed test's bugfix")));
        for (String alias : List.of(security, bugfix)) {
            as(ci).body(Map.of("testcase", "ci.tier0", "outcome", "PASSED", "data", Map.of("item", alias, "type", "paddock_update")))
                    .post("api/v2.0/results").then().statusCode(201);
        }
        Instant at = PUSHED_AT; // pushes say when they happen: to testing, and 30 days on (every minimum passed) to stable
        as(admin).post("api/v1/pushes?at=" + at).then().statusCode(200);
        as(admin).post("api/v1/pushes?at=" + at.plus(30, ChronoUnit.DAYS)).then().statusCode(200);
        for (String alias : List.of(security, bugfix)) {
            as(null).get("api/v1/updates/" + alias).then().body("status", equalTo("stable"));
        }
    }

    private byte[] get(String path) {
        return RestAssured.given().baseUri(base.toString()).get(path).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void updateinfoAndModulesAreServedWithCachingAndGzip() throws Exception {
        Response first = RestAssured.given().baseUri(base.toString()).get("feeds/" + release + "/stable/updateinfo.xml");
        first.then().statusCode(200).contentType(containsString("xml"));
        String xml = first.asString();
        assertThat(xml).contains("<id>" + security + "</id>").contains("<id>" + bugfix + "</id>")
                .contains("type=\"cve\"").contains("id=\"" + cve + "\"").contains("<severity>Important</severity>")
                .contains("<module name=\"nginx\" stream=\"1.24\" version=\"4520262201120000\"");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Last-Modified")).isNotBlank();
        RestAssured.given().baseUri(base.toString()).header("If-None-Match", etag).get("feeds/" + release + "/stable/updateinfo.xml")
                .then().statusCode(304);
        byte[] gz = get("feeds/" + release + "/stable/updateinfo.xml.gz");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(xml);
        }
        String modules = new String(get("feeds/" + release + "/stable/modules.yaml"), StandardCharsets.UTF_8);
        assertThat(Modulemd.parse(modules)).extracting(b -> b.name() + ":" + b.stream() + ":" + b.context())
                .contains("nginx:1.24:fee" + tag.substring(0, 5), "postgresql:16:fed" + tag.substring(0, 5));
        assertThat(new String(get("feeds/" + release + "/testing/updateinfo.xml"), StandardCharsets.UTF_8)).doesNotContain(security);
        RestAssured.given().baseUri(base.toString()).get("feeds/F99/stable/updateinfo.xml").then().statusCode(404);
        RestAssured.given().baseUri(base.toString()).get("feeds/" + release + "/sideways/updateinfo.xml").then().statusCode(404);
    }

    @Test
    void theRealDnfReadsTheFeed() throws Exception {
        Dnf.requireInstalled();
        Path dir = TestPaths.dir("feeds-dnf-" + tag);
        Path updateinfo = dir.resolve("updateinfo.xml");
        Path modules = dir.resolve("modules.yaml");
        Files.write(updateinfo, get("feeds/" + release + "/stable/updateinfo.xml"));
        Files.write(modules, get("feeds/" + release + "/stable/modules.yaml"));
        List<String> installed = List.of("nginx-1:1.24.0-1.module_f45+1+aaaaaaaa.x86_64",
                "nginx-mod-http-perl-1:1.24.0-1.module_f45+1+aaaaaaaa.x86_64",
                "postgresql-0:16.1-1.module_f45+1+bbbbbbbb.x86_64");
        Dnf dnf = Dnf.setUp(dir.resolve("enabled"), updateinfo, modules, installed, List.of("nginx:1.24", "postgresql:16"));
        Dnf.Result listed = dnf.run("updateinfo", "list", "--all");
        assertThat(listed.out()).as("dnf said: %s %s; problems: %s", listed.err(), listed.exitCode(), dnf.loadProblems())
                .contains(security).contains(bugfix);
        assertThat(dnf.run("updateinfo", "list", "--all", "--cve", cve).out()).contains(security).doesNotContain(bugfix);
        assertThat(dnf.run("updateinfo", "list", "--all", "--bz", bug).out()).contains(security).doesNotContain(bugfix);
        assertThat(dnf.run("updateinfo", "list", "--all", "--sec-severity", "Important").out()).contains(security)
                .doesNotContain(bugfix);
        String info = dnf.run("updateinfo", "info", "--all", security).out();
        assertThat(info).contains("nginx: fix the feed test's smuggling ]]> in Zürich").contains(cve).contains("Important")
                .doesNotContain("1970-01-01");
        assertThat(dnf.run("updateinfo", "summary", "--all").out()).containsIgnoringCase("security");
        assertThat(dnf.loadProblems()).isEmpty();

        Dnf disabled = Dnf.setUp(dir.resolve("disabled"), updateinfo, modules, installed, List.of());
        assertThat(disabled.run("updateinfo", "list", "--all").out()).as("module advisories need their stream enabled")
                .doesNotContain(security);
    }

    @Test
    void atomTellsOfEachUpdateReachingStableWithALinkToItsPage() throws Exception {
        SyndFeed all = atom("feeds/atom.xml");
        assertThat(all.getTitle()).isEqualTo("Paddock: updates");
        SyndEntry stable = all.getEntries().stream().filter(e -> e.getTitle().startsWith(security + " in stable"))
                .findFirst().orElseThrow();
        assertThat(stable.getLink()).isEqualTo(base + "update.xhtml?alias=" + security);
        assertThat(stable.getDescription().getValue()).contains(cve).contains("nginx:1.24");
        assertThat(all.getEntries()).anyMatch(e -> e.getTitle().startsWith(security + " in testing"));
        SyndFeed securityOnly = atom("feeds/atom.xml?security=true");
        assertThat(securityOnly.getEntries()).anyMatch(e -> e.getTitle().startsWith(security))
                .noneMatch(e -> e.getTitle().startsWith(bugfix));
        SyndFeed pg = atom("feeds/atom.xml?release=" + release + "&module=postgresql:16");
        assertThat(pg.getEntries()).anyMatch(e -> e.getTitle().startsWith(bugfix)).noneMatch(e -> e.getTitle().startsWith(security));
    }

    private SyndFeed atom(String path) throws Exception {
        return new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(get(path)), StandardCharsets.UTF_8));
    }

    @Test
    void osvDocumentsValidateAgainstTheSchema() throws Exception {
        JsonSchema schema = OsvSchema.load();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode one = mapper.readTree(get("osv/" + security + ".json"));
        assertThat(OsvSchema.problems(schema, one)).isEmpty();
        assertThat(one.get("upstream").get(0).asText()).isEqualTo(cve);
        assertThat(one.get("affected")).extracting(a -> a.get("package").get("purl").asText())
                .anyMatch(p -> p.startsWith("pkg:rpm/fedora/nginx@")).anyMatch(p -> p.equals("pkg:gem/rack@3.1.8"));
        RestAssured.given().baseUri(base.toString()).get("osv/PADDOCK-2026-0000000000.json").then().statusCode(404);
        TestBuilds.Build unpublished = TestBuilds.build("nginx", "1.24");
        String pending = as(ApiTokens.issue("alice")).body(update(unpublished
                        .rpm("nginx-1:1.24.0-10.module_f45+9+" + unpublished.context() + ".x86_64"),
                        Map.of("type", "security", "severity", "low", "title", "not published yet")))
                .post("api/v1/updates").then().statusCode(201).body("status", equalTo("pending")).extract().path("alias");
        RestAssured.given().baseUri(base.toString()).get("osv/" + pending + ".json").then().statusCode(404);

        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(get("osv/all.zip")))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertThat(OsvSchema.problems(schema, mapper.readTree(zip.readAllBytes()))).as(e.getName()).isEmpty();
            }
        }
        assertThat(names).contains(security + ".json", bugfix + ".json");
    }

    @Test
    void theJsonApiFiltersAndPages() {
        as(null).get("api/v1/advisories?cve=" + cve).then().statusCode(200)
                .body("advisories.id", org.hamcrest.Matchers.contains(security))
                .body("advisories[0].references.find { it.kind == 'cve' }.fixedIn", org.hamcrest.Matchers.contains("nginx"))
                .body("advisories[0].modules[0].packages.find { it.name == 'nginx' }.evr", equalTo("1:1.24.0-9.module_f45+9+fee" + tag.substring(0, 5)));
        as(null).get("api/v1/advisories?bug=" + bug).then().body("advisories.id", org.hamcrest.Matchers.contains(security));
        as(null).get("api/v1/advisories?module=postgresql:16&type=bugfix").then().body("advisories.id", org.hamcrest.Matchers.hasItem(bugfix))
                .body("advisories.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(security)));
        as(null).get("api/v1/advisories?package=nginx-mod-http-perl&severity=important&limit=1000").then().log().ifValidationFails()
                .body("advisories.id", org.hamcrest.Matchers.hasItem(security));
        as(null).get("api/v1/advisories?since=2999-01-01T00:00:00Z").then().body("advisories.size()", equalTo(0))
                .body("next", org.hamcrest.Matchers.nullValue());
        as(null).get("api/v1/advisories?status=testing&cve=" + cve).then().body("advisories.size()", equalTo(0));
        // paging by cursor: one at a time, never the same twice
        String next = as(null).get("api/v1/advisories?limit=1").then().body("advisories.size()", equalTo(1))
                .extract().path("next");
        String firstId = as(null).get("api/v1/advisories?limit=1").then().extract().path("advisories[0].id");
        as(null).get("api/v1/advisories?limit=1&cursor=" + next).then().body("advisories.size()", equalTo(1))
                .body("advisories[0].id", org.hamcrest.Matchers.not(equalTo(firstId)));
        String etag = as(null).get("api/v1/advisories?cve=" + cve).header("ETag");
        as(null).header("If-None-Match", etag).get("api/v1/advisories?cve=" + cve).then().statusCode(304);
        as(null).get("api/v1/advisories?cve=CVE-26-1&severity=huge&status=gone&limit=0&cursor=nope!").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("cve", "severity", "status", "limit"));
    }

    /**
     * paddock-client against this server: it fetches a release's advisories and says what applies (exit 100), asks
     * again and is answered 304 from its cache, and after a new update reaches stable receives only what changed.
     * A release of its own, so this class's feeds stay as the other tests expect them.
     */
    @Test
    void theClientFetchesOnceThenIsAnswered304AndThenOnlyWhatChanged() throws Exception {
        String alice = ApiTokens.issue("alice");
        String admin = ApiTokens.issue("admin");
        String ci = ApiTokens.issue("ci");
        String own = TestReleases.name("CLI");
        TestReleases.create(own, Map.of("nginx:1.24", "nginx-maintainers", "postgresql:16", "postgresql-maintainers"));
        try {
            Api api = api();
            String ctx = "c1" + tag.substring(0, 6);
            String first = api.submit(alice, Map.of("release", own, "type", "security", "severity", "important",
                    "title", "nginx: the client test's fix", "references", List.of(Map.of("kind", "cve", "id", cve)),
                    "newBuilds", TestBuilds.build("nginx", "1.24").version(4520262301120000L).context(ctx)
                            .rpm("nginx-1:1.24.0-9.module_f45+9+" + ctx + ".x86_64").asNewBuilds().get("newBuilds")));
            pushToStable(ci, admin, first, PUSHED_AT.plus(40, ChronoUnit.DAYS));

            Path work = TestPaths.dir("feeds-client");
            Path host = Files.writeString(work.resolve("host.txt"), """
                    nginx|1|1.24.0|1.module_f45+1+%1$s|x86_64|nginx:1.24:4520262201120000:%1$s
                    postgresql|(none)|16.1|1.module_f45+1+%1$s|x86_64|postgresql:16:4520262201120000:%1$s
                    """.formatted(ctx));
            Path cache = work.resolve("cache");
            String[] modules = {"modules", "--verbose", "--server", base.toString(), "--release", own,
                    "--cache", cache.toString(), "--rpm-list", host.toString()};
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int exit = org.paddock.client.PaddockClient.run(modules, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
            assertThat(exit).as(err.toString()).isEqualTo(org.paddock.client.PaddockClient.APPLY);
            assertThat(out.toString()).contains("nginx:1.24  (1 advisory)").contains(first).contains(cve)
                    .contains("1:1.24.0-1.module_f45+1+" + ctx + " → 1:1.24.0-9.module_f45+9+" + ctx);
            String[] failOnCritical = {"list", "--fail-on", "critical", "--server", base.toString(), "--release", own,
                    "--cache", cache.toString(), "--rpm-list", host.toString()};
            assertThat(org.paddock.client.PaddockClient.run(failOnCritical, new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(new java.io.StringWriter()))).as("only important applies").isZero();

            org.paddock.client.ServerSource source = new org.paddock.client.ServerSource(base.toURI(), own, "stable", cache);
            org.paddock.client.ServerSource.Fetch again = source.fetch();
            assertThat(again.notModified()).as("nothing changed: 304").isEqualTo(1);
            assertThat(again.requests()).isEqualTo(1);
            assertThat(again.advisories()).extracting(org.paddock.client.Advisory::id).containsExactly(first);

            String pctx = "c2" + tag.substring(0, 6);
            String second = api.submit(alice, Map.of("release", own, "type", "bugfix", "severity", "low",
                    "title", "postgresql: the client test's bugfix",
                    "newBuilds", TestBuilds.build("postgresql", "16").version(4520262301120000L).context(pctx)
                            .rpm("postgresql-16.10-1.module_f45+9+" + pctx + ".x86_64").asNewBuilds().get("newBuilds")));
            pushToStable(ci, admin, second, PUSHED_AT.plus(80, ChronoUnit.DAYS));
            org.paddock.client.ServerSource.Fetch changed = source.fetch();
            assertThat(changed.notModified()).isZero();
            assertThat(changed.received()).as("only what changed since the newest held, not the whole release")
                    .isLessThanOrEqualTo(4);
            assertThat(changed.advisories()).extracting(org.paddock.client.Advisory::id).containsExactlyInAnyOrder(first, second);
            assertThat(source.fetch().notModified()).isEqualTo(1);

            String[] unreachable = {"list", "--server", "http://127.0.0.1:9/", "--cache", cache.toString(),
                    "--rpm-list", host.toString()};
            java.io.StringWriter oneLine = new java.io.StringWriter();
            assertThat(org.paddock.client.PaddockClient.run(unreachable, new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(oneLine))).isEqualTo(1);
            assertThat(oneLine.toString().strip()).startsWith("paddock-client: cannot reach http://127.0.0.1:9/")
                    .doesNotContain("\n\tat ");
        } finally {
            TestReleases.delete(own);
        }
    }

    /** A passed CI result, then a push to testing at {@code at} and one to stable 30 days on. */
    private void pushToStable(String ci, String admin, String alias, Instant at) {
        as(ci).body(Map.of("testcase", "ci.tier0", "outcome", "PASSED", "data", Map.of("item", alias, "type", "paddock_update")))
                .post("api/v2.0/results").then().statusCode(201);
        as(admin).post("api/v1/pushes?at=" + at).then().statusCode(200);
        as(admin).post("api/v1/pushes?at=" + at.plus(30, ChronoUnit.DAYS)).then().statusCode(200);
        as(null).get("api/v1/updates/" + alias).then().body("status", equalTo("stable"));
    }
}

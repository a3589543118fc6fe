package org.paddock.launcher;

import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.LocalHttp;
import org.paddock.testsupport.PaddockProcess;
import org.paddock.testsupport.TestDatabase;
import org.paddock.testsupport.TestPaths;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paddock.testsupport.LocalHttp.awaitReadiness;
import static org.paddock.testsupport.LocalHttp.freePort;
import static org.paddock.testsupport.LocalHttp.get;
import static org.paddock.testsupport.LocalHttp.post;

/**
 * README command 1 as a person runs it: {@code java -jar target/paddock-launcher.jar} in its own process,
 * stopped with SIGINT (what Ctrl-C sends). Covers the embedded database surviving a restart, an external
 * database (and readiness following it down and up), and the faults that must end in one clear line.
 */
class LauncherIT {

    private final List<PaddockProcess> started = new ArrayList<>();

    @AfterEach
    void stopWhatWeStarted() {
        started.forEach(PaddockProcess::destroy);
    }

    @Test
    void portInUseIsOneClearLineAndExitThree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            PaddockProcess run = launch(Map.of("PADDOCK_HTTP_PORT", String.valueOf(taken.getLocalPort())),
                    TestPaths.dir("launcher-port-in-use"));
            assertThat(run.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process().exitValue()).isEqualTo(3);
            assertThat(run.errorLines()).containsExactly("ERROR: Port " + taken.getLocalPort()
                    + " is already in use, so Paddock cannot listen on it. Stop the program using it or choose "
                    + "another port with PADDOCK_HTTP_PORT.");
        }
    }

    @Test
    void unreachableExternalDatabaseIsOneLineNamingUrlAndCause() throws Exception {
        int closed = freePort();
        String url = "jdbc:postgresql://localhost:" + closed + "/paddock";
        PaddockProcess run = launch(Map.of("PADDOCK_HTTP_PORT", String.valueOf(freePort()), "PADDOCK_DB_URL", url,
                "PADDOCK_DB_USER", "paddock", "PADDOCK_DB_PASSWORD", "secret"), TestPaths.dir("launcher-no-db"));
        assertThat(run.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.process().exitValue()).isEqualTo(2);
        assertThat(run.errorLines()).hasSize(1);
        assertThat(run.errorLines().get(0))
                .startsWith("ERROR: Paddock cannot reach its database at " + url + " as user 'paddock': ")
                .contains("refused");
    }

    @Test
    void badSettingIsRefusedBeforeAnythingStarts() throws Exception {
        PaddockProcess run = launch(Map.of("PADDOCK_HTTP_PORT", "eighty"), TestPaths.dir("launcher-bad-port"));
        assertThat(run.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.process().exitValue()).isEqualTo(1);
        assertThat(run.errorLines()).containsExactly(
                "ERROR: PADDOCK_HTTP_PORT must be a port number between 1 and 65535, not 'eighty'");
    }

    @Test
    void embeddedDatabaseKeepsItsDataAcrossRestartsAndIsSeededOnce() throws Exception {
        Path dataDir = TestPaths.dir("launcher-embedded");
        int port = freePort();
        Map<String, String> env = Map.of("PADDOCK_HTTP_PORT", String.valueOf(port),
                "PADDOCK_DATA_DIR", dataDir.toString());

        PaddockProcess first = launch(env, TestPaths.dir("launcher-embedded-run1"));
        first.awaitReady();
        String home = get(port, "/").body();
        assertThat(home).contains("1 release, 3 module streams").contains("nginx:1.24").contains("Fedora 45");
        assertThat(first.output()).contains("Seeded demo data").contains("Seeded the demo history")
                .contains("Demo users, password 'paddock-demo'").doesNotContain("The demo history stopped part-way");
        assertThat(get(port, "/api/v1/releases").body()).as("the REST API answers JSON under command 1 too")
                .contains("\"name\":\"F45\"").contains("nginx:1.24");
        assertThat(get(port, "/api/v1/updates?status=bogus").body()).contains("\"field\":\"status\"");
        demoHistoryShowsEverywhere(port);
        clientReadsTheDemoWithTheExampleInventory(port);
        first.interruptAndAwaitExit();
        assertThat(first.output()).contains("Embedded PostgreSQL stopped.").contains("Paddock stopped.");
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

        PaddockProcess second = launch(env, TestPaths.dir("launcher-embedded-run2"));
        second.awaitReady();
        assertThat(get(port, "/").body()).contains("1 release, 3 module streams");
        assertThat(second.output()).doesNotContain("Seeded demo data")
                .contains("Demo data not seeded: the database already holds 1 release(s)");
        second.interruptAndAwaitExit();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void externalDatabaseIsMigratedAndReadinessFollowsIt() throws Exception {
        Path pgData = TestPaths.dir("launcher-external-postgres");
        int pgPort = freePort();
        EmbeddedPostgres external = TestDatabase.start(pgData, pgPort);
        String admin = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create user paddock_ext password 'ext-secret'");
            s.execute("create database paddock_ext owner paddock_ext");
        }
        requirePasswords(pgData, admin);
        String url = "jdbc:postgresql://localhost:" + pgPort + "/paddock_ext";
        int port = freePort();

        PaddockProcess wrongPassword = launch(Map.of("PADDOCK_HTTP_PORT", String.valueOf(port), "PADDOCK_DB_URL", url,
                "PADDOCK_DB_USER", "paddock_ext", "PADDOCK_DB_PASSWORD", "guess"), TestPaths.dir("launcher-wrong-pw"));
        assertThat(wrongPassword.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(wrongPassword.process().exitValue()).isEqualTo(2);
        assertThat(wrongPassword.errorLines()).containsExactly("ERROR: Paddock cannot reach its database at " + url
                + " as user 'paddock_ext': FATAL: password authentication failed for user \"paddock_ext\"");

        PaddockProcess run = launch(Map.of("PADDOCK_HTTP_PORT", String.valueOf(port), "PADDOCK_DB_URL", url,
                "PADDOCK_DB_USER", "paddock_ext", "PADDOCK_DB_PASSWORD", "ext-secret",
                "PADDOCK_DEMO_DATA", "false"), TestPaths.dir("launcher-external-run"));
        run.awaitReady();

        try (Connection c = DriverManager.getConnection(url, "paddock_ext", "ext-secret");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from flyway_schema_history where success")) {
            rs.next();
            assertThat(rs.getInt(1)).as("migrations applied by Flyway in the external database").isPositive();
        }
        assertThat(get(port, "/").body()).contains("No releases yet");
        assertThat(run.output()).contains("Demo data is switched off");

        external.close();
        awaitReadiness(port, 503, Duration.ofSeconds(60));
        assertThat(get(port, "/health/ready").body()).contains("\"status\":\"DOWN\"");

        external = TestDatabase.start(pgData, pgPort);
        try {
            awaitReadiness(port, 200, Duration.ofSeconds(60));
        } finally {
            run.interruptAndAwaitExit();
            external.close();
        }
    }

    /**
     * kill -9 in the middle of a push: the test deployment's fault pauses the push after two of three moves, with
     * its transaction open, and the test kills the process. Afterwards every update is untouched (no move, no
     * history, no event); the push is marked abandoned and the next push moves each update once.
     */
    /**
     * A distribution's first start: no demo data, so nobody could sign in — Paddock says how to make the first admin;
     * started again with PADDOCK_ADMIN_USER and PADDOCK_ADMIN_PASSWORD, that admin exists and signs in on the page.
     */
    @Test
    void aFreshInstallWithoutDemoDataGetsItsFirstAdminFromTheOperator() throws Exception {
        Path dataDir = TestPaths.dir("launcher-first-admin");
        int port = freePort();
        Map<String, String> env = new java.util.HashMap<>(Map.of("PADDOCK_HTTP_PORT", String.valueOf(port),
                "PADDOCK_DATA_DIR", dataDir.toString(), "PADDOCK_DEMO_DATA", "false"));
        PaddockProcess bare = launch(env, TestPaths.dir("launcher-first-admin-run1"));
        bare.awaitReady();
        assertThat(bare.output()).contains("No admin can sign in yet: set PADDOCK_ADMIN_USER and PADDOCK_ADMIN_PASSWORD")
                .doesNotContain("Demo users");
        assertThat(signIn(port, "admin", "paddock-demo")).as("no demo admin").isFalse();
        bare.interruptAndAwaitExit();

        env.put("PADDOCK_ADMIN_USER", "root");
        env.put("PADDOCK_ADMIN_PASSWORD", "first-of-many");
        PaddockProcess withAdmin = launch(env, TestPaths.dir("launcher-first-admin-run2"));
        withAdmin.awaitReady();
        assertThat(withAdmin.output()).contains("First admin 'root' created").doesNotContain("No admin can sign in yet");
        assertThat(signIn(port, "root", "wrong-password")).isFalse();
        assertThat(signIn(port, "root", "first-of-many")).isTrue();
        withAdmin.interruptAndAwaitExit();
    }

    /** Signs in on the sign-in page as a person would (its form, its view state, a session cookie); whether it took. */
    private static boolean signIn(int port, String user, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String page = http.send(LocalHttp.request(port, "/login.xhtml").build(), HttpResponse.BodyHandlers.ofString()).body();
        var viewState = java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(viewState.find()).as("the sign-in page has a view state").isTrue();
        // PrimeFaces' script adds the page's CSP nonce to every form it posts; a form without it never acts
        var nonce = java.util.regex.Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(page);
        assertThat(nonce.find()).as("the sign-in page has a nonce").isTrue();
        String form = String.join("&", List.of("login-form=login-form", "login-form%3Anext=",
                "primefaces.nonce=" + java.net.URLEncoder.encode(nonce.group(1), java.nio.charset.StandardCharsets.UTF_8),
                "login-form%3Ausername=" + user, "login-form%3Apassword=" + password, "login-form%3Asign-in=",
                "jakarta.faces.ViewState=" + java.net.URLEncoder.encode(viewState.group(1), java.nio.charset.StandardCharsets.UTF_8)));
        HttpResponse<String> answer = http.send(LocalHttp.request(port, "/login.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return !answer.body().contains("Wrong user name or password")
                && http.send(LocalHttp.request(port, "/account.xhtml").build(), HttpResponse.BodyHandlers.ofString())
                .body().contains(user);
    }

    @Test
    void killedInTheMiddleOfAPushNothingIsHalfPushed() throws Exception {
        Path pgData = TestPaths.dir("launcher-kill-postgres");
        int pgPort = freePort();
        EmbeddedPostgres db = TestDatabase.start(pgData, pgPort);
        try {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("create database paddock_kill");
            }
            String url = "jdbc:postgresql://localhost:" + pgPort + "/paddock_kill";
            int port = freePort();
            Map<String, String> env = new java.util.HashMap<>(Map.of("PADDOCK_HTTP_PORT", String.valueOf(port),
                    "PADDOCK_DB_URL", url, "PADDOCK_DB_USER", "postgres", "PADDOCK_DB_PASSWORD", "unused",
                    "PADDOCK_PUSH_SCHEDULER", "false"));
            Map<String, String> faulty = new java.util.HashMap<>(env);
            faulty.put("PADDOCK_TEST_SEAM", "true");
            faulty.put("PADDOCK_TEST_SEAM_PUSH_FAULT", "pause@2");
            PaddockProcess run = launch(faulty, TestPaths.dir("launcher-kill-run1"));
            run.awaitReady();
            String alice = ApiTokens.issue(url, "alice");
            String admin = ApiTokens.issue(url, "admin");
            List<String> aliases = new ArrayList<>();
            for (String arch : List.of("x86_64", "aarch64", "ppc64le")) {
                String body = "{\"release\": \"F45\", \"type\": \"bugfix\", \"title\": \"killed " + arch + "\","
                        + " \"newBuilds\": [{\"name\": \"nginx\", \"stream\": \"1.24\", \"version\": 4520261101120000,"
                        + " \"context\": \"dead000" + aliases.size() + "\", \"arch\": \"" + arch + "\","
                        + " \"rpms\": [{\"nevra\": \"nginx-1.24.0-1.module_f45+1+dead000" + aliases.size() + "." + arch + "\"}]}]}";
                HttpResponse<String> made = post(port, "/api/v1/updates", alice, body);
                assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
                aliases.add(made.body().replaceAll("(?s).*\"alias\":\"([^\"]+)\".*", "$1"));
            }
            String mine = "('" + String.join("', '", aliases) + "')";
            // the demo's gating policy asks every update for a passing ci.tier0 before testing
            String ci = ApiTokens.issue(url, "ci");
            for (String alias : aliases) {
                HttpResponse<String> passed = post(port, "/api/v2.0/results", ci, "{\"testcase\": \"ci.tier0\", \"outcome\":"
                        + " \"PASSED\", \"data\": {\"item\": \"" + alias + "\", \"type\": \"paddock_update\"}}");
                assertThat(passed.statusCode()).as(passed.body()).isEqualTo(201);
            }
            // the demo history of the first start has pushes, moves and events of its own: count only these three
            String ids = "(select id from module_update where alias in " + mine + ")";

            var pushing = HttpClient.newHttpClient().sendAsync(LocalHttp.request(port, "/api/v1/pushes")
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (ApiTokens.count(url, "select count(*) from push where result = 'running'") == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(ApiTokens.count(url, "select count(*) from push where result = 'running'")).as("a push is running").isEqualTo(1);
            Thread.sleep(1500); // two moves made, uncommitted, paused before the third
            Process kill = new ProcessBuilder("kill", "-9", String.valueOf(run.process().pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(run.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process().exitValue()).isEqualTo(137);
            assertThat(pushing.handle((r, e) -> e).get(10, TimeUnit.SECONDS)).as("the push request died with it").isNotNull();

            assertThat(ApiTokens.count(url, "select count(*) from module_update where status = 'pending' and alias in " + mine)).isEqualTo(3);
            assertThat(ApiTokens.count(url, "select count(*) from push_item where update_id in " + ids)).isZero();
            assertThat(ApiTokens.count(url, "select count(*) from outbox_event where type = 'update.testing'"
                    + " and subject in " + mine)).isZero();
            assertThat(ApiTokens.count(url, "select count(*) from update_history where field = 'status' and to_value = 'testing'"
                    + " and update_id in " + ids)).isZero();

            env.put("PADDOCK_PUSH_ABANDON_AFTER", "PT1S");
            PaddockProcess again = launch(env, TestPaths.dir("launcher-kill-run2"));
            again.awaitReady();
            // started as in production, the test seam is shut: no push as of another time, no simulated crash
            HttpResponse<String> asOf = post(port, "/api/v1/pushes?at=2026-11-23T10:00:00Z", admin, "");
            assertThat(asOf.statusCode()).as(asOf.body()).isEqualTo(422);
            assertThat(asOf.body()).contains("\"field\":\"at\"").contains("for tests only");
            HttpResponse<String> crash = post(port, "/api/v1/pushes?failAfter=1", admin, "");
            assertThat(crash.statusCode()).as(crash.body()).isEqualTo(422);
            assertThat(get(port, "/api/v1/updates/" + aliases.get(0) + "/eligibility?at=2026-11-23T10:00:00Z").body())
                    .contains("for tests only");
            HttpResponse<String> pushed = post(port, "/api/v1/pushes", admin, "");
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
            assertThat(ApiTokens.count(url, "select count(*) from module_update where status = 'testing' and alias in " + mine)).isEqualTo(3);
            assertThat(ApiTokens.count(url, "select count(distinct update_id) from push_item where update_id in " + ids)).isEqualTo(3);
            assertThat(ApiTokens.count(url, "select count(*) from push_item where update_id in " + ids)).isEqualTo(3);
            assertThat(ApiTokens.count(url, "select count(*) from push where result = 'abandoned'")).isEqualTo(1);
            assertThat(ApiTokens.count(url, "select count(*) from outbox_event where type = 'update.testing'"
                    + " and subject in " + mine)).isEqualTo(3);
            again.interruptAndAwaitExit();
        } finally {
            db.close();
        }
    }

    // --- the demo history ------------------------------------------------------------------------------

    /** Every status, every feed, a policy, a waiver, comments with karma and past pushes: what README's tour walks. */
    private static void demoHistoryShowsEverywhere(int port) throws Exception {
        int total = 0;
        for (String status : List.of("pending", "testing", "stable", "unpushed", "obsolete", "revoked")) {
            JsonPath page = json(port, "/api/v1/updates?status=" + status);
            assertThat(page.getInt("total")).as("updates " + status).isPositive();
            total += page.getInt("total");
        }
        assertThat(total).as("updates in all").isGreaterThanOrEqualTo(30);
        JsonPath held = json(port, "/api/v1/updates?status=pending&q=default%20server%20block");
        assertThat(held.getList("items")).hasSize(1);
        assertThat(get(port, "/api/v1/updates/" + held.getString("items[0].alias") + "/eligibility").body())
                .contains("\"reason\":\"held\"");
        JsonPath failing = json(port, "/api/v1/updates?status=testing&gating=failed");
        assertThat(failing.getList("items")).as("in testing, failing a required test without a waiver").isNotEmpty();

        String updateinfo = get(port, "/feeds/F45/stable/updateinfo.xml").body();
        assertThat(updateinfo.split("<update ", -1).length - 1).isGreaterThanOrEqualTo(15);
        assertThat(updateinfo).contains("type=\"cve\"").contains("id=\"CVE-2026-1245\"").contains("type=\"bugzilla\"")
                .contains("<module name=\"ruby\" stream=\"3.3\"").contains("<severity>Important</severity>");
        assertThat(get(port, "/feeds/F45/testing/updateinfo.xml").body()).contains("<update ");
        assertThat(get(port, "/feeds/atom.xml").body()).contains("<entry>");

        JsonPath advisory = json(port, "/api/v1/advisories?cve=CVE-2026-3388");
        assertThat(advisory.getList("advisories")).hasSize(1);
        String alias = advisory.getString("advisories[0].id");
        assertThat(advisory.getList("advisories[0].modules[0].packages.purl", String.class))
                .contains("pkg:gem/rack@3.0.14", "pkg:maven/org.jruby/jruby-stdlib@9.4.9.0", "pkg:pypi/msgpack@1.0.8");
        String osv = get(port, "/osv/" + alias + ".json").body();
        assertThat(osv).contains("CVE-2026-3388").contains("\"RubyGems\"").contains("\"Maven\"").contains("\"PyPI\"");

        assertThat(get(port, "/api/v1/policies").body()).contains("f45-tier0");
        assertThat(get(port, "/api/v1.0/waivers").body()).contains("ci.tier0").contains("full disk");
        JsonPath voted = json(port, "/api/v1/updates?q=worker%20crash%20on%20reload");
        assertThat(voted.getInt("items[0].karma")).isEqualTo(2);
        assertThat(get(port, "/api/v1/updates/" + voted.getString("items[0].alias") + "/comments").body())
                .contains("\"karma\":1").contains("erin");
        JsonPath pushes = new JsonPath(get(port, "/api/v1/pushes?limit=100").body());
        assertThat(pushes.getList("result", String.class)).hasSizeGreaterThanOrEqualTo(20).containsOnly("completed");
        assertThat(get(port, "/pushes.xhtml").body()).contains("scheduler");
    }

    /** README's tour: the client jar, run as a person runs it, against this server with the example inventory. */
    private static void clientReadsTheDemoWithTheExampleInventory(int port) throws Exception {
        Path work = TestPaths.dir("launcher-embedded-client");
        List<String> server = List.of("--server", "http://localhost:" + port + "/", "--release", "F45",
                "--cache", work.resolve("cache").toString());
        Client modules = client(work, "modules", List.of("--verbose", "--rpm-list", "src/main/examples/host/rpms.txt"), server);
        assertThat(modules.exit()).as(modules.out()).isEqualTo(100);
        assertThat(modules.out()).contains("nginx:1.24  (", "postgresql:16  (", "ruby:3.3  (")
                .contains("CVE-2026-1245", "CVE-2026-2277", "CVE-2026-3388")
                .contains("nginx  1:1.24.0-2.module_f45+21040+6c81f848 → 1:1.24.0-");
        Client sbom = client(work, "list", List.of("--security", "--sbom", "src/main/examples/host/web01.cdx.json"), server);
        assertThat(sbom.exit()).as(sbom.out()).isEqualTo(100);
        assertThat(sbom.out()).contains("rubygem-rack-3.0.14-1.module_f45+").contains("msgpack-1.0.8")
                .contains("org.jruby:jruby-stdlib-9.4.9.0");
        Client image = client(work, "modules", List.of("--verbose", "--sbom", "src/main/examples/host/web01.cdx.json"), server);
        assertThat(image.out()).as("each package with the CVEs it fixes; the rack gem's, under the RPM that brings it")
                .contains("org.jruby:jruby-stdlib (maven)  9.4.8.0 → 9.4.9.0  fixes CVE-2026-3389")
                .containsPattern("rubygem-rack  3\\.0\\.9-1\\.module_f45\\S+ → 3\\.0\\.14-1\\.module_f45\\S+  fixes CVE-2026-3388");
    }

    private record Client(int exit, String out) {
    }

    private static Client client(Path work, String command, List<String> args, List<String> server) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", TestPaths.clientJar().toAbsolutePath().toString(), command));
        cmd.addAll(args);
        cmd.addAll(server);
        Path out = work.resolve(command + ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("client " + command + " finished").isTrue();
        return new Client(p.exitValue(), Files.readString(out));
    }

    private static JsonPath json(int port, String path) throws Exception {
        HttpResponse<String> r = get(port, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return new JsonPath(r.body());
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** The embedded server trusts every local connection; make TCP connections prove their password. */
    private static void requirePasswords(Path pgData, String adminUrl) throws Exception {
        Path hba = pgData.resolve("pg_hba.conf");
        Files.writeString(hba, "local all all trust\n"
                + "host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n"
                + "host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        }
    }

    private PaddockProcess launch(Map<String, String> env, Path workDir) throws IOException {
        PaddockProcess launched = PaddockProcess.start(env, workDir);
        started.add(launched);
        return launched;
    }
}

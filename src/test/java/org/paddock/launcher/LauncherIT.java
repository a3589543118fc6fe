package org.paddock.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.TestDatabase;
import org.paddock.testsupport.TestPaths;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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

/**
 * README command 1 as a person runs it: {@code java -jar target/paddock-launcher.jar} in its own process,
 * stopped with SIGINT (what Ctrl-C sends). Covers the embedded database surviving a restart, an external
 * database (and readiness following it down and up), and the faults that must end in one clear line.
 */
class LauncherIT {

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatWeStarted() {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void portInUseIsOneClearLineAndExitThree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Launched run = launch(Map.of("PADDOCK_HTTP_PORT", String.valueOf(taken.getLocalPort())),
                    TestPaths.dir("launcher-port-in-use"));
            assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process.exitValue()).isEqualTo(3);
            assertThat(run.errorLines()).containsExactly("ERROR: Port " + taken.getLocalPort()
                    + " is already in use, so Paddock cannot listen on it. Stop the program using it or choose "
                    + "another port with PADDOCK_HTTP_PORT.");
        }
    }

    @Test
    void unreachableExternalDatabaseIsOneLineNamingUrlAndCause() throws Exception {
        int closed = freePort();
        String url = "jdbc:postgresql://localhost:" + closed + "/paddock";
        Launched run = launch(Map.of("PADDOCK_HTTP_PORT", String.valueOf(freePort()), "PADDOCK_DB_URL", url,
                "PADDOCK_DB_USER", "paddock", "PADDOCK_DB_PASSWORD", "secret"), TestPaths.dir("launcher-no-db"));
        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.process.exitValue()).isEqualTo(2);
        assertThat(run.errorLines()).hasSize(1);
        assertThat(run.errorLines().get(0))
                .startsWith("ERROR: Paddock cannot reach its database at " + url + " as user 'paddock': ")
                .contains("refused");
    }

    @Test
    void badSettingIsRefusedBeforeAnythingStarts() throws Exception {
        Launched run = launch(Map.of("PADDOCK_HTTP_PORT", "eighty"), TestPaths.dir("launcher-bad-port"));
        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.process.exitValue()).isEqualTo(1);
        assertThat(run.errorLines()).containsExactly(
                "ERROR: PADDOCK_HTTP_PORT must be a port number between 1 and 65535, not 'eighty'");
    }

    @Test
    void embeddedDatabaseKeepsItsDataAcrossRestartsAndIsSeededOnce() throws Exception {
        Path dataDir = TestPaths.dir("launcher-embedded");
        int port = freePort();
        Map<String, String> env = Map.of("PADDOCK_HTTP_PORT", String.valueOf(port),
                "PADDOCK_DATA_DIR", dataDir.toString());

        Launched first = launch(env, TestPaths.dir("launcher-embedded-run1"));
        first.awaitReady();
        String home = get(port, "/").body();
        assertThat(home).contains("1 release, 3 module streams").contains("nginx:1.24").contains("Fedora 45");
        assertThat(first.output()).contains("Seeded demo data").contains("Demo users, password 'paddock-demo'");
        assertThat(get(port, "/api/v1/releases").body()).as("the REST API answers JSON under command 1 too")
                .contains("\"name\":\"F45\"").contains("nginx:1.24");
        assertThat(get(port, "/api/v1/updates?status=bogus").body()).contains("\"field\":\"status\"");
        first.interruptAndAwaitExit();
        assertThat(first.output()).contains("Embedded PostgreSQL stopped.").contains("Paddock stopped.");
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

        Launched second = launch(env, TestPaths.dir("launcher-embedded-run2"));
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

        Launched wrongPassword = launch(Map.of("PADDOCK_HTTP_PORT", String.valueOf(port), "PADDOCK_DB_URL", url,
                "PADDOCK_DB_USER", "paddock_ext", "PADDOCK_DB_PASSWORD", "guess"), TestPaths.dir("launcher-wrong-pw"));
        assertThat(wrongPassword.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(wrongPassword.process.exitValue()).isEqualTo(2);
        assertThat(wrongPassword.errorLines()).containsExactly("ERROR: Paddock cannot reach its database at " + url
                + " as user 'paddock_ext': FATAL: password authentication failed for user \"paddock_ext\"");

        Launched run = launch(Map.of("PADDOCK_HTTP_PORT", String.valueOf(port), "PADDOCK_DB_URL", url,
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
        awaitStatus(port, 503, Duration.ofSeconds(60));
        assertThat(get(port, "/health/ready").body()).contains("\"status\":\"DOWN\"");

        external = TestDatabase.start(pgData, pgPort);
        try {
            awaitStatus(port, 200, Duration.ofSeconds(60));
        } finally {
            run.interruptAndAwaitExit();
            external.close();
        }
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

    private Launched launch(Map<String, String> env, Path workDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", TestPaths.launcherJar().toAbsolutePath().toString())
                .directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.log").toFile())
                .redirectError(workDir.resolve("stderr.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PADDOCK_"));
        pb.environment().putAll(env);
        Process process = pb.start();
        started.add(process);
        return new Launched(process, workDir);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitStatus(int port, int status, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = get(port, "/health/ready").statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("/health/ready answered " + last + ", not " + status + ", for " + within);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private record Launched(Process process, Path dir) {

        String output() throws IOException {
            return Files.readString(dir.resolve("stdout.log")) + Files.readString(dir.resolve("stderr.log"));
        }

        List<String> errorLines() throws IOException {
            return Files.readAllLines(dir.resolve("stderr.log")).stream().filter(l -> !l.isBlank()).toList();
        }

        void awaitReady() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
            while (Instant.now().isBefore(deadline)) {
                if (Files.readString(dir.resolve("stdout.log")).contains("Paddock is ready at http://localhost:")) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the launcher exited with " + process.exitValue() + ":\n" + output());
                }
                Thread.sleep(250);
            }
            throw new AssertionError("the launcher did not print its URL within 180 s:\n" + output());
        }

        /** What Ctrl-C does: SIGINT to the launcher, which stops the server and then the database. */
        void interruptAndAwaitExit() throws Exception {
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("launcher stopped after SIGINT").isTrue();
        }
    }
}

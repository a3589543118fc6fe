package org.paddock.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.LocalHttp;
import org.paddock.testsupport.PaddockProcess;
import org.paddock.testsupport.TestDatabase;
import org.paddock.testsupport.TestPaths;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paddock.testsupport.LocalHttp.freePort;
import static org.paddock.testsupport.LocalHttp.get;
import static org.paddock.testsupport.LocalHttp.post;

/**
 * The database going away under load (issue 11). Paddock runs as a process on a PostgreSQL the test owns; a few
 * threads read the API, a page and a feed and post results as the CI account; PostgreSQL is stopped for
 * {@code paddock.test.outage} (default 30 s) and started again. While it is away every request answers at once, with
 * 503 and {@code Retry-After}, never 500 and never after the bound; {@code /health/ready} is DOWN. Within 10 s of its
 * return everything answers again, the minute pusher resumes by itself, and every result that was answered 2xx is
 * stored exactly once.
 */
class OutageIT {

    private static final Logger LOG = Logger.getLogger(OutageIT.class.getName());

    private static final Duration OUTAGE = Duration.parse(System.getProperty("paddock.test.outage", "PT30S"));
    /** No answer may take longer than this, during the outage or outside it. */
    private static final Duration BOUND = Duration.ofSeconds(15);
    /** After PostgreSQL is back, everything answers again within this. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(10);
    private static final int THREADS = 4;
    private static final String TESTCASE = "outage.load";

    @Test
    void requestsAnswer503WhileTheDatabaseIsAwayAndAllResumesWhenItReturns() throws Exception {
        Path pgData = TestPaths.dir("outage-postgres");
        int pgPort = freePort();
        EmbeddedPostgres db = TestDatabase.start(pgData, pgPort);
        PaddockProcess paddock = null;
        Load load = null;
        try {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres",
                    TestDatabase.USER, ""); Statement s = c.createStatement()) {
                s.execute("create database paddock_outage");
            }
            String url = "jdbc:postgresql://localhost:" + pgPort + "/paddock_outage";
            int port = freePort();
            paddock = PaddockProcess.start(Map.of("PADDOCK_HTTP_PORT", String.valueOf(port), "PADDOCK_DB_URL", url,
                    "PADDOCK_DB_USER", TestDatabase.USER, "PADDOCK_DB_PASSWORD", "unused"), TestPaths.dir("outage-run"));
            paddock.awaitReady();
            String ci = ApiTokens.issue(url, "ci");
            String alice = ApiTokens.issue(url, "alice");
            String admin = ApiTokens.issue(url, "admin");

            load = new Load(port, ci);
            // stop PostgreSQL so that the middle of the outage is a full minute: the pusher's tick falls inside it
            Instant stop = outageStart(Instant.now().plusSeconds(5));
            sleepUntil(stop);
            Instant stopped = Instant.now();
            db.close();
            LocalHttp.awaitReadiness(port, 503, Duration.ofSeconds(5));
            sleepUntil(stopped.plus(OUTAGE));
            db = TestDatabase.start(pgData, pgPort);
            Instant back = Instant.now();
            LocalHttp.awaitReadiness(port, 200, BACK_WITHIN);
            Duration readyAfter = Duration.between(back, Instant.now());
            sleepUntil(back.plus(BACK_WITHIN).plusSeconds(5));
            List<Answer> answers = load.stop();
            load = null;

            report(answers, stopped, back, readyAfter);
            assertThat(answers).as("answers that are neither a success nor 503 with Retry-After")
                    .filteredOn(a -> !a.success() && !(a.status() == 503 && a.retryAfter()))
                    .isEmpty();
            assertThat(answers).as("answers slower than " + BOUND).filteredOn(a -> a.took().compareTo(BOUND) > 0).isEmpty();
            List<Answer> during = answers.stream().filter(a -> a.between(stopped, back)).toList();
            assertThat(during).as("each kind of request answered 503 while the database was away")
                    .filteredOn(a -> a.status() == 503).extracting(Answer::kind).containsAll(Kind.ALL);
            List<Answer> after = answers.stream().filter(a -> a.startedAt().isAfter(back.plus(BACK_WITHIN))).toList();
            assertThat(after).as("every request answers again within " + BACK_WITHIN + " of the database's return")
                    .isNotEmpty().allMatch(Answer::success);
            assertThat(after).extracting(Answer::kind).containsAll(Kind.ALL);

            // every result answered 2xx is stored once; one that was refused is stored at most once
            Map<String, Long> stored = storedNotes(url);
            List<Answer> posts = answers.stream().filter(a -> a.kind().equals(Kind.RESULT)).toList();
            assertThat(posts.stream().filter(a -> a.startedAt().isBefore(stopped)).filter(Answer::success)).isNotEmpty();
            for (Answer post : posts) {
                assertThat(stored.getOrDefault(post.note(), 0L)).as("copies of result " + post.note() + ", answered "
                        + post.status()).isBetween(post.success() ? 1L : 0L, 1L);
            }
            assertThat(stored.keySet()).as("no result stored that was not posted")
                    .isSubsetOf(posts.stream().map(Answer::note).toList());

            // the minute pusher resumed by itself, and an admin push works
            HttpResponse<String> made = post(port, "/api/v1/updates", alice, """
                    {"release": "F45", "type": "bugfix", "title": "after the outage",
                     "newBuilds": [{"name": "nginx", "stream": "1.24", "version": 4520261201120000, "context": "0a7a6e00",
                                    "arch": "x86_64", "rpms": [{"nevra": "nginx-1.24.0-2.module_f45+2+0a7a6e00.x86_64"}]}]}""");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            String alias = made.body().replaceAll("(?s).*\"alias\":\"([^\"]+)\".*", "$1");
            // the demo's gating policy asks every update for a passing ci.tier0 before testing
            HttpResponse<String> passed = post(port, "/api/v2.0/results", ci, "{\"testcase\": \"ci.tier0\", \"outcome\":"
                    + " \"PASSED\", \"data\": {\"item\": \"" + alias + "\", \"type\": \"paddock_update\"}}");
            assertThat(passed.statusCode()).as(passed.body()).isEqualTo(201);
            String pushedByScheduler = "select count(*) from push_item i join push p on p.id = i.push_id"
                    + " join module_update u on u.id = i.update_id where u.alias = '" + alias + "' and p.started_by = 'scheduler'";
            Instant deadline = Instant.now().plusSeconds(75);
            while (ApiTokens.count(url, pushedByScheduler) == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
            }
            assertThat(ApiTokens.count(url, pushedByScheduler)).as("the minute pusher moved the new update").isEqualTo(1);
            HttpResponse<String> pushed = LocalHttp.send(LocalHttp.request(port, "/api/v1/pushes")
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
            assertThat(paddock.output()).as("no schedule was cancelled").doesNotContain("EJB5119");
            paddock.interruptAndAwaitExit();
        } finally {
            if (load != null) {
                load.stop();
            }
            if (paddock != null) {
                paddock.destroy();
            }
            db.close();
        }
    }

    /** The first moment from {@code earliest} that centres the outage on a full minute. */
    private static Instant outageStart(Instant earliest) {
        Instant minute = earliest.plus(OUTAGE.dividedBy(2)).atZone(ZoneOffset.UTC).withSecond(0).withNano(0)
                .plusMinutes(1).toInstant();
        return minute.minus(OUTAGE.dividedBy(2));
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static Map<String, Long> storedNotes(String url) throws Exception {
        Map<String, Long> notes = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.USER, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select note, count(*) from test_result where testcase = '" + TESTCASE
                     + "' group by note")) {
            while (rs.next()) {
                notes.put(rs.getString(1), rs.getLong(2));
            }
        }
        return notes;
    }

    /** The figures, for the test's output: how long requests took in each phase and how fast service came back. */
    private static void report(List<Answer> answers, Instant stopped, Instant back, Duration readyAfter) {
        Instant firstAllGood = answers.stream().filter(a -> a.startedAt().isAfter(back) && !a.success())
                .map(Answer::startedAt).max(Instant::compareTo).orElse(back);
        String phases = String.join("; ", List.of(
                phase("before", answers.stream().filter(a -> a.startedAt().isBefore(stopped)).toList()),
                phase("outage", answers.stream().filter(a -> a.between(stopped, back)).toList()),
                phase("after", answers.stream().filter(a -> !a.startedAt().isBefore(back)).toList())));
        LOG.info("outage " + Duration.between(stopped, back).toMillis() + " ms; " + phases + "; ready again after "
                + readyAfter.toMillis() + " ms; last failed request started "
                + Duration.between(back, firstAllGood).toMillis() + " ms after the return");
    }

    private static String phase(String name, List<Answer> answers) {
        long max = answers.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0);
        long ok = answers.stream().filter(Answer::success).count();
        long unavailable = answers.stream().filter(a -> a.status() == 503).count();
        return name + ": " + answers.size() + " requests, " + ok + " 2xx, " + unavailable + " 503, slowest " + max + " ms";
    }

    /** What the load sends: reads by their path, and result posts. */
    private static final class Kind {
        static final String RESULT = "POST /api/v2.0/results";
        static final List<String> ALL = List.of("/api/v1/updates", "/api/v2.0/results?limit=5", "/updates.xhtml",
                "/feeds/atom.xml", RESULT);
    }

    private record Answer(String kind, Instant startedAt, Duration took, int status, boolean retryAfter, String note) {

        boolean success() {
            return status >= 200 && status < 300;
        }

        boolean between(Instant from, Instant to) {
            return !startedAt.isBefore(from) && startedAt.isBefore(to);
        }
    }

    /** {@link #THREADS} threads, each going round the reads and a result post, one request at a time. */
    private static final class Load {
        private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

        Load(int port, String ciToken) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        String kind = Kind.ALL.get((n + thread) % Kind.ALL.size());
                        String note = kind.equals(Kind.RESULT) ? "t" + thread + "-" + n : null;
                        answers.add(send(port, ciToken, kind, note));
                        Thread.sleep(50);
                    }
                    return null;
                });
            }
        }

        private static Answer send(int port, String ciToken, String kind, String note) {
            Instant start = Instant.now();
            try {
                HttpResponse<String> r = kind.equals(Kind.RESULT)
                        ? post(port, "/api/v2.0/results", ciToken, "{\"testcase\": \"" + TESTCASE + "\", \"outcome\": \"PASSED\","
                                + " \"data\": {\"item\": \"PADDOCK-2026-0123456789\", \"type\": \"paddock_update\"},"
                                + " \"note\": \"" + note + "\"}")
                        : get(port, kind);
                return new Answer(kind, start, Duration.between(start, Instant.now()), r.statusCode(),
                        r.headers().firstValue("Retry-After").isPresent(), note);
            } catch (Exception e) {
                // no answer at all (refused, reset, timed out): never acceptable
                return new Answer(kind, start, Duration.between(start, Instant.now()), -1, false, note);
            }
        }

        List<Answer> stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
            return new ArrayList<>(answers);
        }
    }
}

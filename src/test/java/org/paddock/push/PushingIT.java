package org.paddock.push;

import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.Api;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.DeployedApi;
import org.paddock.testsupport.TestDatabase;
import org.paddock.testsupport.TestBuilds;
import org.paddock.testsupport.TestReleases;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Pushing against the real WAR and PostgreSQL, with the clock given per push ({@code ?at=}; the test deployment
 * allows it and switches the minute scheduler off): an update flows pending → testing → stable on its own, many
 * pushes racing move each update once, a push that dies half-way moves nothing, and webhooks are signed and retried.
 */
class PushingIT extends DeployedApi {

    static String alice;
    static String erin;
    static String ci;
    static String admin;

    @BeforeAll
    static void tokens() {
        alice = ApiTokens.issue("alice");
        erin = ApiTokens.issue("erin");
        ci = ApiTokens.issue("ci");
        admin = ApiTokens.issue("admin");
    }

    private static String rand() {
        return TestBuilds.freshContext();
    }

    /** A postgresql:16 build of {@code arch} with its one RPM, fresh version and context. */
    private static TestBuilds.Build postgresql(String arch) {
        TestBuilds.Build b = TestBuilds.build("postgresql", "16").arch(arch);
        return b.rpm("postgresql-16.9-1.module_f45+1+" + b.context() + "." + arch);
    }

    private String submit(String release, String arch, String type, String severity, String title) {
        Map<String, Object> update = new HashMap<>(postgresql(arch).asNewBuilds());
        update.putAll(Map.of("release", release, "type", type, "severity", severity, "title", title));
        return api().submit(alice, update);
    }

    private String submit(String arch, String type, String severity) {
        return submit("F45", arch, type, severity, "pushed " + arch);
    }

    private Pushed push(String at) {
        return new Pushed(as(admin).post("api/v1/pushes?at=" + at).then().statusCode(200).extract().path("moved"));
    }

    private record Pushed(int moved) {
    }

    private String status(String alias) {
        return api().status(alias);
    }

    private void policy(String id, String testcase) {
        policy(id, testcase, "push_testing, push_stable");
    }

    /** Policy {@code id}: {@code testcase} must pass for postgresql:* updates in F45 at {@code contexts}. */
    private void policy(String id, String testcase, String contexts) {
        policy(id, testcase, contexts, "F45");
    }

    /** Policy {@code id}: {@code testcase} must pass for postgresql:* updates in {@code release} at {@code contexts}. */
    private void policy(String id, String testcase, String contexts, String release) {
        RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + erin).contentType("application/yaml")
                .body(("--- !Policy\nid: " + id + "\nproduct_versions: [" + release + "]\ndecision_contexts: [" + contexts + "]\n"
                        + "subject_type: paddock_update\npackages: [\"postgresql:*\"]\nrules:\n"
                        + "  - !PassingTestCaseRule {test_case_name: " + testcase + "}\n").getBytes(StandardCharsets.UTF_8))
                .post("api/v1/policies?reason=pushing test").then().statusCode(201);
    }

    private void retire(String id) {
        RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + erin)
                .delete("api/v1/policies/" + id + "?reason=test over").then().statusCode(200);
        awaitRecomputes();
    }

    /** Waits until no policy change is still being recomputed (it would hold rows a test is about to delete). */
    private void awaitRecomputes() {
        Instant deadline = Instant.now().plusSeconds(180);
        while (ApiTokens.count("select count(*) from decision_recompute where finished_at is null") > 0
                && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void anUpdateFlowsToTestingAndStableOnItsOwnWhenResultsArriveAndTheWindowOpensAndWebhooksAreTold() throws Exception {
        // a receiver that fails the first delivery and takes the rest
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<String> failFirstAbout = new java.util.concurrent.atomic.AtomicReference<>("-");
        AtomicInteger failed = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("body", body, "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Paddock-Signature")),
                    "contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))));
            boolean fail = body.contains(failFirstAbout.get()) && failed.getAndIncrement() == 0;
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        String secret = "it-secret-" + rand() + rand();
        int hook = 0;
        String policyId = "pg-flow-" + rand();
        try {
            as(alice).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))
                    .post("api/v1/webhooks").then().statusCode(403);
            as(admin).body(Map.of("url", "ftp://nowhere", "events", List.of("update.sideways")))
                    .post("api/v1/webhooks").then().statusCode(422)
                    .body("errors.field", org.hamcrest.Matchers.contains("url", "events[0]"));
            hook = as(admin).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "events", List.of("update.testing", "update.stable"), "secret", secret))
                    .post("api/v1/webhooks").then().statusCode(201).body("secret", equalTo(secret))
                    .extract().path("id");

            // nginx's neighbour postgresql:16 goes stable on Tuesdays 14:00 Prague time, after 3 days for moderate
            as(alice).body(Map.of("mode", "windows", "windows", List.of("0 14 * * TUE Europe/Prague 1h")))
                    .put("api/v1/cadences/F45/postgresql:16").then().statusCode(403);
            as(erin).body(Map.of("mode", "windows", "windows", List.of("0 14 * * TUESDAY Nowhere/City 2h")))
                    .put("api/v1/cadences/F45/postgresql:16").then().statusCode(422)
                    .body("errors[0].field", equalTo("windows[0]"));
            as(erin).body(Map.of("mode", "windows", "windows", List.of("0 14 * * TUE Europe/Prague 1h"),
                            "minDays", Map.of("moderate", 3), "fastTrack", "critical"))
                    .put("api/v1/cadences/F45/postgresql:16").then().statusCode(200)
                    .body("source", equalTo("module stream")).body("minDays.moderate", equalTo(3))
                    .body("nextWindow", notNullValue());

            String tc = "it.flow." + rand();
            policy(policyId, tc);
            String alias = submit("x86_64", "bugfix", "moderate");
            failFirstAbout.set(alias);

            push("2026-11-26T09:00:00Z");
            assertThat(status(alias)).as("no result yet: waiting for tests").isEqualTo("pending");
            as(null).get("api/v1/updates/" + alias + "/eligibility?at=2026-11-26T09:00:00Z").then()
                    .body("to", equalTo("testing")).body("eligible", equalTo(false))
                    .body("reason", equalTo("waiting_for_tests")).body("why", containsString(tc));

            as(ci).body(Map.of("testcase", tc, "outcome", "PASSED", "data", Map.of("item", alias, "type", "paddock_update")))
                    .post("api/v2.0/results").then().statusCode(201);
            push("2026-11-26T09:00:00Z");
            assertThat(status(alias)).isEqualTo("testing");

            as(null).get("api/v1/updates/" + alias + "/eligibility?at=2026-11-27T09:00:00Z").then()
                    .body("to", equalTo("stable")).body("eligible", equalTo(false))
                    .body("reason", equalTo("days_in_testing")).body("why", containsString("moderate: 3 days"))
                    .body("earliest", equalTo("2026-12-01T13:00:00Z"));
            as(null).get("api/v1/updates/" + alias + "/eligibility?at=2026-11-30T13:30:00Z").then()
                    .body("reason", equalTo("waiting_for_window")).body("why", containsString("Tue 14:00 CET"));

            push("2026-11-30T13:30:00Z");
            push("2026-12-01T12:30:00Z");
            assertThat(status(alias)).as("days are over but the window is shut").isEqualTo("testing");
            push("2026-12-01T13:10:00Z");
            assertThat(status(alias)).as("Tuesday 14:10 in Prague").isEqualTo("stable");

            assertThat(ApiTokens.count(items(alias, "testing"))).isEqualTo(1);
            assertThat(ApiTokens.count(items(alias, "stable"))).isEqualTo(1);
            long pushId = ApiTokens.count("select i.push_id from push_item i join module_update u on u.id = i.update_id"
                    + " where u.alias = '" + alias + "' and i.to_status = 'stable'");
            as(null).get("api/v1/pushes/" + pushId).then().statusCode(200)
                    .body("push.result", equalTo("completed")).body("push.stream", equalTo("postgresql:16"))
                    .body("push.snapshot", notNullValue())
                    .body("updates.find { it.alias == '" + alias + "' }.from", equalTo("testing"))
                    .body("updates.find { it.alias == '" + alias + "' }.to", equalTo("stable"));
            as(null).get("api/v1/pushes?release=F45").then().body("id", hasItem((int) pushId));
            for (String type : List.of("update.created", "update.testing", "update.stable")) {
                assertThat(ApiTokens.count("select count(*) from outbox_event where type = '" + type + "' and subject = '"
                        + alias + "'")).as(type).isEqualTo(1);
            }

            // the webhook: update.testing failed once and was retried, update.stable came once; each signed
            Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
            while (Instant.now().isBefore(deadline) && received.stream().filter(r -> r.get("body").contains(alias)).count() < 3) {
                Thread.sleep(500);
            }
            List<Map<String, String>> mine = received.stream().filter(r -> r.get("body").contains(alias)).toList();
            assertThat(mine).extracting(r -> io.restassured.path.json.JsonPath.from(r.get("body")).getString("type"))
                    .as("a retry may come after the next event: deliveries carry their time; deliveries: "
                            + ApiTokens.rows("select d.id || ' ' || e.type || ' ' || d.state || ' ' || d.attempts || ' '"
                            + " || coalesce(d.last_error, '') || ' next ' || d.next_attempt_at || ' now ' || now()"
                            + " from webhook_delivery d join outbox_event e on e.id = d.event_id where d.webhook_id = " + hook))
                    .containsExactlyInAnyOrder("update.testing", "update.testing", "update.stable");
            for (Map<String, String> r : mine) {
                var ce = io.restassured.path.json.JsonPath.from(r.get("body"));
                assertThat(ce.getString("specversion")).isEqualTo("1.0");
                assertThat(ce.getString("subject")).isEqualTo(alias);
                assertThat(ce.getString("data.update")).isEqualTo(alias);
                assertThat(r.get("contentType")).startsWith("application/cloudevents+json");
                assertThat(r.get("signature")).isEqualTo("sha256=" + hmac(secret, r.get("body")));
            }
            assertThat(mine.stream().map(r -> io.restassured.path.json.JsonPath.from(r.get("body")))
                    .filter(ce -> ce.getString("type").equals("update.testing")).map(ce -> ce.getString("id")).distinct())
                    .as("a retry is the same event").hasSize(1);
            as(admin).get("api/v1/webhooks/" + hook + "/deliveries").then().statusCode(200)
                    .body("find { it.subject == '" + alias + "' && it.type == 'update.testing' }.attempts", equalTo(2))
                    .body("find { it.subject == '" + alias + "' && it.type == 'update.testing' }.state", equalTo("delivered"))
                    .body("find { it.subject == '" + alias + "' && it.type == 'update.testing' }.statusCode", equalTo(204));
        } finally {
            if (hook != 0) {
                as(admin).body(Map.of("active", false)).post("api/v1/webhooks/" + hook + "/active").then().statusCode(204);
            }
            receiver.stop(0);
            retire(policyId);
            as(erin).delete("api/v1/cadences/F45/postgresql:16").then().statusCode(200).body("source", equalTo("default"));
        }
    }

    /** While a receiver takes its time, its delivery is locked by no transaction: it cannot time one out nor block others. */
    @Test
    void aSlowReceiverHoldsNoTransactionOpen() throws Exception {
        java.util.concurrent.CountDownLatch called = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/slow", exchange -> {
            exchange.getRequestBody().readAllBytes();
            called.countDown();
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        int hook = 0;
        try {
            hook = as(admin).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/slow",
                            "events", List.of("update.created")))
                    .post("api/v1/webhooks").then().statusCode(201).extract().path("id");
            submit("x86_64", "bugfix", "low");
            assertThat(called.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the receiver was called").isTrue();
            try (java.sql.Connection c = org.paddock.testsupport.TestDatabase.connect()) {
                c.setAutoCommit(false);
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("set local lock_timeout = '2s'");
                    try (java.sql.ResultSet rs = st.executeQuery("select id from webhook_delivery where webhook_id = " + hook
                            + " for update nowait")) {
                        assertThat(rs.next()).as("the delivery being sent is there, and not locked").isTrue();
                    }
                }
                c.rollback();
            }
            release.countDown();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline) && ApiTokens.count("select count(*) from webhook_delivery where webhook_id = "
                    + hook + " and state = 'delivered'") < 1) {
                Thread.sleep(300);
            }
            as(admin).get("api/v1/webhooks/" + hook + "/deliveries").then().statusCode(200)
                    .body("[0].state", equalTo("delivered")).body("[0].attempts", equalTo(1));
        } finally {
            release.countDown();
            if (hook != 0) {
                as(admin).body(Map.of("active", false)).post("api/v1/webhooks/" + hook + "/active").then().statusCode(204);
            }
            receiver.stop(0);
        }
    }

    private static String items(String alias, String to) {
        return "select count(*) from push_item i join module_update u on u.id = i.update_id where u.alias = '" + alias
                + "' and i.to_status = '" + to + "'";
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPushThatDiesHalfWayMovesNothingAndTheNextOneMovesEachOnce() {
        String a = submit("aarch64", "bugfix", "low");
        String b = submit("ppc64le", "bugfix", "low");

        var run = as(admin).post("api/v1/pushes?at=2026-11-23T10:00:00Z&failAfter=1").then().statusCode(200);
        run.body("errors[0]", containsString("simulated crash"));
        assertThat(List.of(status(a), status(b))).containsOnly("pending");
        assertThat(ApiTokens.count("select count(*) from push_item i join module_update u on u.id = i.update_id"
                + " where u.alias in ('" + a + "', '" + b + "')")).isZero();
        assertThat(ApiTokens.count("select count(*) from outbox_event where type = 'update.testing' and subject in ('"
                + a + "', '" + b + "')")).isZero();
        assertThat(ApiTokens.count("select count(*) from update_history h join module_update u on u.id = h.update_id"
                + " where u.alias in ('" + a + "', '" + b + "') and h.field = 'status' and h.to_value = 'testing'")).isZero();
        assertThat(ApiTokens.count("select count(*) from push where result = 'failed' and message like 'simulated crash%'"))
                .isPositive();

        push("2026-11-23T10:01:00Z");
        assertThat(List.of(status(a), status(b))).containsOnly("testing");
        assertThat(ApiTokens.count("select count(*) from push_item i join module_update u on u.id = i.update_id"
                + " where u.alias in ('" + a + "', '" + b + "')")).isEqualTo(2);
        as(alice).post("api/v1/pushes").then().statusCode(403);
        as(admin).post("api/v1/pushes?at=yesterday").then().statusCode(422).body("errors[0].field", equalTo("at"));
    }

    /** A freeze keeps updates in testing until a policy editor ends it; bad freezes are refused with their field. */
    @Test
    void aFreezeHoldsStableUntilItEnds() throws Exception {
        String release = TestReleases.name("FRZ");
        TestReleases.create(release, Map.of("postgresql:16", "postgresql-maintainers"));
        try {
            java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            String path = "api/v1/cadences/" + release + "/freezes";
            as(erin).body(Map.of("start", now.toString(), "end", now.minusSeconds(60).toString(), "reason", " "))
                    .post(path).then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItems("end", "reason"));
            as(alice).body(Map.of("start", now.minusSeconds(3600).toString(), "end", now.plusSeconds(864000).toString(),
                    "reason", "final freeze")).post(path).then().statusCode(403);
            as(null).get(path).then().statusCode(200).body("size()", equalTo(0));
            int freeze = as(erin).body(Map.of("start", now.minusSeconds(3600).toString(),
                            "end", now.plusSeconds(864000).toString(), "reason", release + " final freeze"))
                    .post(path).then().statusCode(201).body("by", equalTo("erin")).extract().path("id");

            String alias = submit(release, "x86_64", "bugfix", "critical", "frozen fix");
            push(now.toString());
            assertThat(status(alias)).as("a freeze does not stop testing").isEqualTo("testing");
            String later = now.plusSeconds(600).toString();
            as(null).get("api/v1/updates/" + alias + "/eligibility?at=" + later).then().statusCode(200)
                    .body("reason", equalTo("frozen")).body("why", containsString("final freeze"));
            push(later);
            assertThat(status(alias)).isEqualTo("testing");

            as(alice).delete(path + "/" + freeze).then().statusCode(403);
            as(erin).delete(path + "/999999999").then().statusCode(404);
            as(erin).delete(path + "/" + freeze).then().statusCode(204);
            as(erin).delete(path + "/" + freeze).then().statusCode(409);
            as(null).get(path).then().body("[0].reason", equalTo(release + " final freeze"));
            push(later);
            assertThat(status(alias)).isEqualTo("stable");
        } finally {
            TestReleases.delete(release);
        }
    }

    /** Four pushes at once over 500 due updates in ten module streams: each update moves exactly once. */
    @Test
    void pushesRacingOverFiveHundredUpdatesMoveEachExactlyOnce() throws Exception {
        String release = "RACE" + rand().substring(0, 4).toUpperCase();
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into release (name, long_name, state) values ('" + release + "', 'race', 'current')");
                s.execute("insert into module_stream (release_id, name, stream) select r.id, 'race' || g, '1'"
                        + " from release r, generate_series(0, 9) g where r.name = '" + release + "'");
                s.execute("insert into module_build (module_stream_id, name, stream, version, context, arch, created_at)"
                        + " select s.id, s.name, s.stream, g, 'c' || lpad(g::text, 7, '0'), 'x86_64', now()"
                        + " from module_stream s join release r on r.id = s.release_id, generate_series(1, 50) g"
                        + " where r.name = '" + release + "'");
                s.execute("insert into module_update (alias, release_id, type, severity, title, submitter_id, status, request,"
                        + " karma_reset_at, submitted_at, modified_at, cadence_stream_id)"
                        + " select 'PADDOCK-2026-" + release.toLowerCase() + "' || b.id, r.id, 'bugfix', 'none', 'race ' || b.id,"
                        + " (select id from paddock_user where username = 'admin'), 'pending', 'testing', now(), now(), now(), s.id"
                        + " from module_build b join module_stream s on s.id = b.module_stream_id"
                        + " join release r on r.id = s.release_id where r.name = '" + release + "'");
                s.execute("insert into update_build (update_id, module_build_id) select u.id, b.id from module_update u"
                        + " join module_build b on u.alias = 'PADDOCK-2026-" + release.toLowerCase() + "' || b.id");
            }
            c.commit();
        }
        try {
            assertThat(ApiTokens.count("select count(*) from module_update u join release r on r.id = u.release_id"
                    + " where r.name = '" + release + "' and u.status = 'pending'")).isEqualTo(500);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> as(admin).post("api/v1/pushes?at=2026-11-23T11:00:00Z").then().statusCode(200)
                        .extract().<Integer>path("moved")));
            }
            int moved = 0;
            for (Future<Integer> f : runs) {
                moved += f.get();
            }
            pool.shutdown();
            assertThat(moved).as("moved, over all four runs").isGreaterThanOrEqualTo(500);
            assertEachMovedOnce(release, "testing", 500);
            assertThat(ApiTokens.count("select count(*) from push p join release r on r.id = p.release_id where r.name = '"
                    + release + "' and p.result = 'completed'")).as("one push per module stream").isEqualTo(10);
        } finally {
            TestReleases.delete(release);
        }
    }

    /** A release of its own with {@code streams} module streams and {@code n} updates over them, as a bulk import would leave them. */
    private static void bulk(String release, int streams, int n, String status, String request) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into release (name, long_name, state) values ('" + release + "', 'bulk', 'current')");
                s.execute("insert into module_stream (release_id, name, stream) select r.id, 'bulk-"
                        + release.toLowerCase() + "-' || g, '1'"
                        + " from release r, generate_series(1, " + streams + ") g where r.name = '" + release + "'");
                s.execute("insert into module_build (module_stream_id, name, stream, version, context, arch, created_at)"
                        + " select s.id, s.name, s.stream, g, 'c' || lpad(g::text, 7, '0'), 'x86_64', now()"
                        + " from generate_series(1, " + n + ") g join (select s.id, s.name, s.stream,"
                        + " row_number() over (order by s.id) - 1 as k from module_stream s join release r on r.id = s.release_id"
                        + " where r.name = '" + release + "') s on s.k = (g - 1) % " + streams);
                s.execute("insert into module_update (alias, release_id, type, severity, title, submitter_id, status, request,"
                        + " karma_reset_at, submitted_at, modified_at, testing_at, cadence_stream_id, gating)"
                        + " select 'PADDOCK-2026-" + release.toLowerCase() + "-' || b.id, r.id, 'bugfix', 'none', 'bulk ' || b.id,"
                        + " (select id from paddock_user where username = 'admin'), '" + status + "', '" + request + "',"
                        + " now(), now(), now(), " + ("testing".equals(status) ? "timestamptz '2026-10-01 00:00Z'" : "null")
                        + ", s.id, 'ignored'"
                        + " from module_build b join module_stream s on s.id = b.module_stream_id"
                        + " join release r on r.id = s.release_id where r.name = '" + release + "'");
                s.execute("insert into update_build (update_id, module_build_id) select u.id, b.id from module_update u"
                        + " join module_build b on u.alias = 'PADDOCK-2026-" + release.toLowerCase() + "-' || b.id");
                // the decisions a submit would have stored: no policy applies to the bulk streams
                s.execute("insert into update_decision (update_id, context, status, satisfied, summary, fingerprint,"
                        + " policy_versions, requirements, changed_at, checked_at)"
                        + " select u.id, x, 'ignored', false, 'no policy applies', 'bulk', '', '[]', now(), now()"
                        + " from module_update u join release r on r.id = u.release_id,"
                        + " unnest(array['push_testing', 'push_stable']) x where r.name = '" + release + "'");
                s.execute("insert into cadence (module_stream_id, mode, days_critical, days_important, days_moderate,"
                        + " days_low, days_none, updated_at) select s.id, 'immediate', 0, 0, 0, 0, 0, now()"
                        + " from module_stream s join release r on r.id = s.release_id where r.name = '" + release + "'");
            }
            c.commit();
        }
    }

    /** All {@code n} updates of {@code release} moved to {@code to} exactly once: one push item, history row and event each. */
    private static void assertEachMovedOnce(String release, String to, int n) {
        String mine = " join module_update u on u.id = x.update_id join release r on r.id = u.release_id where r.name = '"
                + release + "'";
        assertThat(count(release, "u.status = '" + to + "'")).isEqualTo(n);
        assertThat(ApiTokens.count("select count(*) from push_item x" + mine)).isEqualTo(n);
        assertThat(ApiTokens.count("select count(distinct x.update_id) from push_item x" + mine)).isEqualTo(n);
        assertThat(ApiTokens.count("select count(*) from update_history x" + mine
                + " and x.field = 'status' and x.to_value = '" + to + "'")).isEqualTo(n);
        assertThat(ApiTokens.count("select count(*) from outbox_event e join module_update u on u.alias = e.subject"
                + " join release r on r.id = u.release_id where r.name = '" + release + "' and e.type = 'update." + to + "'"))
                .isEqualTo(n);
    }

    private static long count(String release, String where) {
        return ApiTokens.count("select count(*) from module_update u join release r on r.id = u.release_id where r.name = '"
                + release + "' and " + where);
    }

    /**
     * Two thousand due updates of one module stream move in one run, in pushes of at most 500 (each its own
     * transaction, each a whole push), and each moves once.
     */
    @Test
    void twoThousandDueUpdatesOfOneStreamMoveInOneRunInBoundedPushes() throws Exception {
        String release = "BULK" + rand().substring(0, 4).toUpperCase();
        bulk(release, 1, 2000, "testing", "none");
        try {
            as(admin).post("api/v1/pushes?at=2026-11-23T11:00:00Z").then().statusCode(200)
                    .body("moved", greaterThanOrEqualTo(2000)).body("errors", hasSize(0));
            assertEachMovedOnce(release, "stable", 2000);
            assertThat(ApiTokens.count("select count(*) from push p join release r on r.id = p.release_id where r.name = '"
                    + release + "' and p.result = 'completed' and p.moved = 500")).as("four whole pushes of 500").isEqualTo(4);
            assertThat(ApiTokens.count("select count(*) from push p join release r on r.id = p.release_id where r.name = '"
                    + release + "' and p.result <> 'completed'")).isZero();
        } finally {
            TestReleases.delete(release);
        }
    }

    /**
     * A policy saved over 2 000 active updates answers at once with the recompute it started; the rest of the
     * updates are decided again in batches, each update whole, until every one carries the new policy's decision.
     */
    @Test
    void aPolicySavedOverTwoThousandActiveUpdatesAnswersAtOnceAndRecomputesInBatches() throws Exception {
        String release = "GATE" + rand().substring(0, 4).toUpperCase();
        bulk(release, 50, 2000, "pending", "testing");
        String id = "bulk-gate-" + rand();
        try {
            var saved = RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + erin)
                    .contentType("application/yaml")
                    .body(("--- !Policy\nid: " + id + "\nproduct_versions: [" + release + "]\n"
                            + "decision_contexts: [push_testing, push_stable]\nsubject_type: paddock_update\n"
                            + "packages: [\"bulk-" + release.toLowerCase() + "-*\"]\nrules:\n  - !PassingTestCaseRule {test_case_name: bulk.tier0}\n")
                            .getBytes(StandardCharsets.UTF_8))
                    .post("api/v1/policies?reason=bulk gate").then().statusCode(201)
                    .body("policies[0].version", equalTo(1)).body("recompute.total", greaterThanOrEqualTo(2000))
                    .body("recompute.state", equalTo("running")).extract();
            int recompute = saved.path("recompute.id");
            assertThat(saved.<Integer>path("recompute.done")).as("the first batch, in the save").isBetween(1, 1999);
            Instant deadline = Instant.now().plusSeconds(180);
            while (!"finished".equals(as(null).get("api/v1/policies/recompute/" + recompute).then().statusCode(200)
                    .extract().path("state")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            as(null).get("api/v1/policies/recompute/" + recompute).then().body("state", equalTo("finished"))
                    .body("done", greaterThanOrEqualTo(2000));
            as(null).get("api/v1/policies/recompute").then().body("id", equalTo(recompute));
            String decided = " and exists (select 1 from update_decision d where d.update_id = u.id and d.status = 'waiting'"
                    + " and d.policy_versions = '" + id + "@1' and d.context = ";
            assertThat(count(release, "u.gating = 'waiting'" + decided + "'push_testing')" + decided + "'push_stable')"))
                    .as("every update, both gates, under the new policy").isEqualTo(2000);
            assertThat(ApiTokens.count("select count(*) from outbox_event e join module_update u on u.alias = e.subject"
                    + " join release r on r.id = u.release_id where r.name = '" + release + "' and e.type = 'decision.changed'"))
                    .as("told once per gate that changed").isEqualTo(4000);
            push("2026-11-23T11:00:00Z");
            assertThat(count(release, "u.status = 'pending'")).as("waiting for bulk.tier0").isEqualTo(2000);
        } finally {
            retire(id);
            TestReleases.delete(release);
        }
    }

    /**
     * An update with builds in two module streams: every stream's policies apply (a policy about its second stream
     * by name holds it), and it follows the cadence of its first build's stream, which eligibility names.
     */
    @Test
    void anUpdateInTwoStreamsFollowsEveryStreamsPoliciesAndItsFirstBuildsCadence() throws Exception {
        // a release of its own: no other test's policy about nginx or postgresql applies here
        String release = TestReleases.name("TWO");
        TestReleases.create(release, Map.of("postgresql:16", "postgresql-maintainers", "nginx:1.24", "nginx-maintainers"));
        String tc = "two.streams." + rand();
        String policyId = "two-streams-" + rand();
        policy(policyId, tc, "push_testing", release);
        try {
            TestBuilds.Build nginx = TestBuilds.build("nginx", "1.24");
            nginx.rpm("nginx-1.24.0-1.module_f45+2+" + nginx.context() + ".x86_64");
            // submitted first: its stream's cadence is the one the update follows
            String alias = api().submit(alice, Map.of("release", release, "type", "bugfix", "title", "two streams",
                    "newBuilds", List.of(postgresql("x86_64").toMap(), nginx.toMap())));
            // a result for another test decides it again from its stored builds, where nginx:1.24 comes first by name;
            // the policy is about postgresql:16 and holds the update all the same
            as(ci).body(Map.of("testcase", "unrelated." + rand(), "outcome", "PASSED",
                    "data", Map.of("item", alias, "type", "paddock_update"))).post("api/v2.0/results").then().statusCode(201);
            as(null).get("api/v1/updates/" + alias).then().body("gating", equalTo("waiting"));
            as(null).get("api/v1/updates/" + alias + "/eligibility?at=2026-11-26T09:00:00Z").then()
                    .body("reason", equalTo("waiting_for_tests")).body("why", containsString(tc))
                    .body("gate", equalTo("push_testing")).body("stream", equalTo("postgresql:16"));
            push("2026-11-26T09:00:00Z");
            assertThat(status(alias)).isEqualTo("pending");

            as(ci).body(Map.of("testcase", tc, "outcome", "PASSED", "data", Map.of("item", alias, "type", "paddock_update")))
                    .post("api/v2.0/results").then().statusCode(201);
            push("2026-11-26T09:01:00Z");
            assertThat(status(alias)).isEqualTo("testing");
            assertThat(ApiTokens.count("select count(*) from push p join module_stream s on s.id = p.module_stream_id"
                    + " join push_item i on i.push_id = p.id join module_update u on u.id = i.update_id"
                    + " where u.alias = '" + alias + "' and s.name = 'postgresql'")).as("pushed with postgresql:16").isEqualTo(1);
        } finally {
            retire(policyId);
            TestReleases.delete(release);
        }
    }

    /**
     * An unpushed update asking to go back to testing stands before push_testing: the badge and the API's gating say
     * what the pusher acts on (before, they showed push_stable while the pusher judged push_testing).
     */
    @Test
    void anUnpushedUpdateIsJudgedAtPushTestingEverywhere() {
        String tc = "back.to.testing." + rand();
        String policyId = "back-to-testing-" + rand();
        policy(policyId, tc, "push_testing");
        try {
            String alias = submit("s390x", "bugfix", "low");
            as(ci).body(Map.of("testcase", tc, "outcome", "PASSED", "data", Map.of("item", alias, "type", "paddock_update")))
                    .post("api/v2.0/results").then().statusCode(201);
            push("2026-11-26T10:00:00Z");
            assertThat(status(alias)).isEqualTo("testing");
            as(alice).body(Map.of("request", "unpush")).post("api/v1/updates/" + alias + "/request").then().statusCode(200);
            push("2026-11-26T10:01:00Z");
            assertThat(status(alias)).isEqualTo("unpushed");
            as(ci).body(Map.of("testcase", tc, "outcome", "FAILED", "data", Map.of("item", alias, "type", "paddock_update")))
                    .post("api/v2.0/results").then().statusCode(201);
            as(alice).body(Map.of("request", "testing")).post("api/v1/updates/" + alias + "/request").then().statusCode(200);

            as(null).get("api/v1/updates/" + alias).then().body("gating", equalTo("failed"));
            as(null).get("api/v1/updates/" + alias + "/eligibility?at=2026-11-26T10:02:00Z").then()
                    .body("to", equalTo("testing")).body("reason", equalTo("blocked")).body("gate", equalTo("push_testing"));
            push("2026-11-26T10:02:00Z");
            assertThat(status(alias)).isEqualTo("unpushed");
        } finally {
            retire(policyId);
        }
    }

    /**
     * The one rule for "active" says the same in Java and in SQL, for every status and request (its JPQL twin picks
     * the 2 000 pending updates of the policy-save test).
     */
    @Test
    void activeMeansTheSameInJavaAndSql() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            for (String status : List.of("pending", "testing", "stable", "unpushed", "obsolete", "revoked")) {
                for (String request : List.of("none", "testing", "stable", "unpush", "revoke")) {
                    var rs = s.executeQuery("select " + org.paddock.update.ModuleUpdate.ACTIVE_SQL
                            .replace("u.status", "'" + status + "'").replace("u.request", "'" + request + "'"));
                    rs.next();
                    boolean sql = rs.getBoolean(1);
                    boolean java = org.paddock.update.ModuleUpdate.isActive(org.paddock.update.UpdateStatus.fromWord(status),
                            org.paddock.update.UpdateRequest.fromWord(request));
                    assertThat(sql).as(status + "/" + request).isEqualTo(java);
                }
            }
        }
    }

    /**
     * Builds replaced while in testing go to testing at the next push, and the days in testing count again from
     * then: before, the update went stable on its old days with builds that had never been in testing.
     */
    @Test
    void anUpdateWhoseBuildsAreReplacedInTestingGoesToTestingAgainBeforeStable() {
        String alias = submit("riscv64", "bugfix", "moderate");
        push("2026-11-24T10:00:00Z");
        assertThat(status(alias)).isEqualTo("testing");
        as(alice).body(Map.of("newBuilds", List.of(postgresql("riscv64").toMap())))
                .patch("api/v1/updates/" + alias).then().statusCode(200).body("request", equalTo("testing"));

        String later = "2027-02-01T10:00:00Z"; // long past any days in testing
        as(null).get("api/v1/updates/" + alias + "/eligibility?at=" + later).then()
                .body("to", equalTo("testing")).body("eligible", equalTo(true)).body("gate", equalTo("push_testing"));
        push(later);
        as(null).get("api/v1/updates/" + alias).then().body("status", equalTo("testing")).body("request", equalTo("none"))
                .body("testing", equalTo("2027-02-01T10:00:00Z"));
        as(null).get("api/v1/updates/" + alias + "/eligibility?at=2027-02-01T10:01:00Z").then()
                .body("to", equalTo("stable")).body("eligible", equalTo(false)).body("reason", equalTo("days_in_testing"));
    }
}

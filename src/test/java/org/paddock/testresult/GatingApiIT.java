package org.paddock.testresult;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.Api;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.DeployedApi;
import org.paddock.testsupport.TestBuilds;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Gating over REST against the real WAR and PostgreSQL: ResultsDB-shaped results in and out, and
 * WaiverDB-shaped waivers.
 */
class GatingApiIT extends DeployedApi {

    String ci;
    String alice;
    String erin;

    @BeforeEach
    void tokens() {
        ci = ApiTokens.issue("ci");
        alice = ApiTokens.issue("alice");
        erin = ApiTokens.issue("erin");
    }

    /** A testcase name of this test run, so results of other runs or classes never match. */
    private static String testcase(String name) {
        return "it." + UUID.randomUUID().toString().substring(0, 8) + "." + name;
    }

    private static Map<String, Object> result(String testcase, String outcome, String item, Object scenario) {
        return Map.of("testcase", Map.of("name", testcase, "ref_url", "https://ci.example/" + testcase),
                "outcome", outcome, "ref_url", "https://ci.example/logs/1", "note", "from the IT",
                "data", Map.of("item", item, "type", "paddock_update", "scenario", scenario, "arch", List.of("x86_64")));
    }

    @Test
    void aCiAccountPostsAResultsDbBodyAndGetsResultsDbBack() {
        String tc = testcase("tier0");
        as(ci).body(result(tc, "passed", "PADDOCK-2026-0123456789", "fedora.cloud")).post("api/v2.0/results").then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("testcase.name", equalTo(tc))
                .body("testcase.ref_url", equalTo("https://ci.example/" + tc))
                .body("outcome", equalTo("PASSED"))
                .body("note", equalTo("from the IT"))
                .body("ref_url", equalTo("https://ci.example/logs/1"))
                .body("data.item", contains("PADDOCK-2026-0123456789"))
                .body("data.type", contains("paddock_update"))
                .body("data.scenario", contains("fedora.cloud"))
                .body("data.arch", contains("x86_64"))
                .body("submit_time", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"))
                .body("href", containsString("/api/v2.0/results/"));
        as(null).get("api/v2.0/results?testcases=" + tc).then().statusCode(200)
                .body("data.size()", equalTo(1)).body("data[0].outcome", equalTo("PASSED"));
    }

    @Test
    void onlyCiAccountsAndAdminsMayPost() {
        long before = ApiTokens.count("select count(*) from test_result");
        as(null).body(result(testcase("x"), "PASSED", "PADDOCK-2026-0123456789", "s")).post("api/v2.0/results")
                .then().statusCode(401);
        as(alice).body(result(testcase("x"), "PASSED", "PADDOCK-2026-0123456789", "s")).post("api/v2.0/results")
                .then().statusCode(403).body("detail", containsString("only CI accounts and admins"));
        assertThat(ApiTokens.count("select count(*) from test_result")).isEqualTo(before);
    }

    @Test
    void kojiBuildIsAnotherNameForRpmBuildAndModuleBuildsAreSubjectsToo() {
        String tc = testcase("rpmdeplint");
        as(ci).body(Map.of("testcase", tc, "outcome", "FAILED", "data",
                        Map.of("item", "nginx-1.24.0-4.fc45", "type", "koji_build")))
                .post("api/v2.0/results").then().statusCode(201).body("data.type", contains("rpm_build"));
        as(ci).body(Map.of("testcase", tc, "outcome", "RUNNING", "data",
                        Map.of("item", "nginx:1.24:4520261101120000:9edba152:x86_64", "type", "module_build")))
                .post("api/v2.0/results").then().statusCode(201);
        as(null).get("api/v2.0/results?testcases=" + tc + "&type=koji_build").then()
                .body("data.data.item.flatten()", contains("nginx-1.24.0-4.fc45"));
        as(null).get("api/v2.0/results?testcases=" + tc + "&type=module_build,rpm_build").then()
                .body("data.size()", equalTo(2));
    }

    @Test
    void badResultsAreRefusedWithTheFieldAndNothingOfABatchIsStored() {
        long before = ApiTokens.count("select count(*) from test_result");
        as(ci).body(Map.of("testcase", "ci.tier0", "outcome", "GREEN",
                        "data", Map.of("item", "PADDOCK-2026-0123456789", "type", "paddock_update")))
                .post("api/v2.0/results").then().statusCode(422)
                .body("errors[0].field", equalTo("outcome"))
                .body("errors[0].reason", equalTo("outcome must be one of PASSED, INFO, FAILED, NEEDS_INSPECTION, "
                        + "QUEUED, RUNNING, ERROR, not 'GREEN'"));
        as(ci).body(Map.of("outcome", "PASSED", "data", Map.of("item", "x", "type", "container_image")))
                .post("api/v2.0/results").then().statusCode(422)
                .body("errors.field", contains("testcase", "data.type"));
        as(ci).body(Map.of("testcase", "ci.tier0", "outcome", "PASSED",
                        "data", Map.of("item", "not an alias", "type", "paddock_update")))
                .post("api/v2.0/results").then().statusCode(422)
                .body("errors[0].field", equalTo("data.item"));
        as(ci).body(List.of(result(testcase("ok"), "PASSED", "PADDOCK-2026-0123456789", "s"),
                        Map.of("testcase", "ci.tier0", "outcome", "MAYBE",
                                "data", Map.of("item", "PADDOCK-2026-0123456789", "type", "paddock_update"))))
                .post("api/v2.0/results").then().statusCode(422).body("errors[0].field", equalTo("[1].outcome"));
        as(ci).body("{\"testcase\": ").post("api/v2.0/results").then().statusCode(400);
        assertThat(ApiTokens.count("select count(*) from test_result")).isEqualTo(before);
    }

    @Test
    void aBatchIsStoredWhole() {
        String tc = testcase("batch");
        as(ci).body(List.of(result(tc, "PASSED", "PADDOCK-2026-0123456789", "a"),
                        result(tc, "ERROR", "PADDOCK-2026-0123456789", "b")))
                .post("api/v2.0/results").then().statusCode(201).body("data.outcome", contains("PASSED", "ERROR"));
    }

    @Test
    void resultsDbFiltersSortingAndPaging() {
        String tc = testcase("filters");
        String other = testcase("other");
        for (String[] r : new String[][] {{tc, "PASSED", "x86_64", "2026-11-01T10:00:00Z"},
                {tc, "FAILED", "aarch64", "2026-11-02T10:00:00Z"}, {tc, "NEEDS_INSPECTION", "s390x", "2026-11-03T10:00:00Z"},
                {other, "PASSED", "x86_64", "2026-11-04T10:00:00Z"}}) {
            as(ci).body(Map.of("testcase", r[0], "outcome", r[1], "submit_time", r[3],
                    "data", Map.of("item", "PADDOCK-2026-abcdefabcd", "type", "paddock_update", "arch", r[2])))
                    .post("api/v2.0/results").then().statusCode(201);
        }
        as(null).get("api/v2.0/results?testcases=" + tc + "," + other).then().body("data.size()", equalTo(4))
                .body("data.outcome", contains("PASSED", "NEEDS_INSPECTION", "FAILED", "PASSED"));
        as(null).get("api/v2.0/results?testcases=" + tc + "&outcome=passed,FAILED").then()
                .body("data.outcome", containsInAnyOrder("PASSED", "FAILED"));
        as(null).get("api/v2.0/results?testcases=" + tc + "&arch=aarch64,s390x").then()
                .body("data.outcome", containsInAnyOrder("FAILED", "NEEDS_INSPECTION"));
        as(null).get("api/v2.0/results?testcases=" + tc + "&since=2026-11-02T00:00:00,2026-11-02T23:59:59").then()
                .body("data.outcome", contains("FAILED"));
        as(null).get("api/v2.0/results?testcases=" + tc + "&_sort=asc:submit_time").then()
                .body("data.outcome", contains("PASSED", "FAILED", "NEEDS_INSPECTION"));
        as(null).get("api/v2.0/results?testcases=" + tc + "&limit=2").then()
                .body("data.size()", equalTo(2)).body("prev", nullValue()).body("next", containsString("page=1"));
        as(null).get("api/v2.0/results?testcases=" + tc + "&limit=2&page=1").then()
                .body("data.outcome", contains("PASSED")).body("next", nullValue());
        as(null).get("api/v2.0/results?outcome=GREEN").then().statusCode(422).body("errors[0].field", equalTo("outcome"));
        as(null).get("api/v2.0/results?since=yesterday").then().statusCode(422).body("errors[0].field", equalTo("since"));
    }

    @Test
    void latestIsTheNewestPerTestcaseAndPerScenarioWhenAsked() {
        String tc = testcase("latest");
        String item = "PADDOCK-2026-fedcbafedc";
        as(ci).body(result(tc, "FAILED", item, "a")).post("api/v2.0/results").then().statusCode(201);
        as(ci).body(result(tc, "PASSED", item, "b")).post("api/v2.0/results").then().statusCode(201);
        as(ci).body(result(tc, "PASSED", item, "a")).post("api/v2.0/results").then().statusCode(201);
        as(null).get("api/v2.0/results/latest?testcases=" + tc + "&item=" + item).then().statusCode(200)
                .body("data.size()", equalTo(1)).body("data[0].data.scenario", contains("a"));
        as(null).get("api/v2.0/results/latest?testcases=" + tc + "&item=" + item + "&_distinct_on=scenario").then()
                .body("data.size()", equalTo(2)).body("data.outcome", contains("PASSED", "PASSED"));
    }

    @Test
    void policyEditorsWaiveWithAReasonAndANewerWaiverRevokes() {
        String tc = testcase("waived");
        Map<String, Object> waiver = new java.util.HashMap<>(Map.of("subject_type", "paddock_update",
                "subject_identifier", "PADDOCK-2026-0000000042", "testcase", tc, "product_version", "F45",
                "waived", true, "comment", "Known flaky on aarch64, tracked in bug 2300002"));
        as(alice).body(waiver).post("api/v1.0/waivers").then().statusCode(403)
                .body("detail", containsString("only policy editors and admins"));
        as(null).body(waiver).post("api/v1.0/waivers").then().statusCode(401);
        int id = as(erin).body(waiver).post("api/v1.0/waivers").then().statusCode(201)
                .body("username", equalTo("erin")).body("waived", equalTo(true)).body("scenario", nullValue())
                .extract().path("id");
        waiver.put("waived", false);
        waiver.put("comment", "Fixed, no longer excused");
        as(erin).body(waiver).post("api/v1.0/waivers").then().statusCode(201).body("waived", equalTo(false));
        as(null).get("api/v1.0/waivers?subject_type=paddock_update&subject_identifier=PADDOCK-2026-0000000042&testcase=" + tc)
                .then().statusCode(200).body("data.waived", contains(false, true))
                .body("data[1].id", equalTo(id));
        as(null).get("api/v1.0/waivers/" + id).then().statusCode(200).body("comment", containsString("flaky"));
    }

    @Test
    void aWaiverNeedsAReasonAKnownSubjectAndARelease() {
        long before = ApiTokens.count("select count(*) from waiver");
        as(erin).body(Map.of("subject_type", "container_image", "subject_identifier", "x", "testcase", "ci.tier0",
                        "product_version", "F99", "comment", " "))
                .post("api/v1.0/waivers").then().statusCode(422)
                .body("errors.field", contains("subject_type", "product_version", "comment"));
        as(erin).body(Map.of("subject_type", "koji_build", "subject_identifier", "nginx", "testcase", "ci.tier0",
                        "product_version", "F45", "comment", "ok"))
                .post("api/v1.0/waivers").then().statusCode(422).body("errors[0].field", equalTo("subject_identifier"));
        assertThat(ApiTokens.count("select count(*) from waiver")).isEqualTo(before);
    }

    @Test
    void policiesImportFromGreenwaveYamlAndDecisionsSayWhy() throws Exception {
        String policy = """
                --- !Policy
                id: nginx-tier0-it
                product_versions: [F45]
                decision_context: push_stable
                subject_type: paddock_update
                packages: ["nginx:*"]
                rules:
                  - !PassingTestCaseRule {test_case_name: ci.tier0}
                """;
        RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + alice)
                .contentType("application/yaml").body(policy.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("api/v1/policies?reason=try").then().statusCode(403);
        RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + erin)
                .contentType("application/yaml").body("--- !Policy\nid: broken\nrules:\n  - !FooRule {}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("api/v1/policies?reason=try").then().statusCode(422)
                .body("errors[0].field", equalTo("yaml")).body("errors[0].reason", containsString("line"));
        RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + erin)
                .contentType("application/yaml").body(policy.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("api/v1/policies").then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + erin)
                .contentType("application/yaml").body(policy.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("api/v1/policies?reason=gate nginx on tier0")
                .then().statusCode(201).body("policies[0].id", equalTo("nginx-tier0-it")).body("policies[0].version", equalTo(1))
                .body("recompute.state", equalTo("finished"));
        RestAssured.given().baseUri(base.toString()).get("api/v1/policies/export").then().statusCode(200)
                .body(containsString("id: nginx-tier0-it")).body(containsString("ci.tier0"));
        as(null).get("api/v1/policies").then().body("find { it.id == 'nginx-tier0-it' }.versions[0].author", equalTo("erin"));

        String alias = api().submit(alice, Map.of("release", "F45", "type", "bugfix", "title", "gated",
                "modulemd", TestBuilds.nginxModulemd()));
        Map<String, Object> ask = Map.of("decision_context", "push_stable", "product_version", "F45",
                "subject_type", "paddock_update", "subject_identifier", alias, "verbose", true);

        as(null).body(ask).post("api/v1.0/decision").then().statusCode(200)
                .body("policies_satisfied", equalTo(false)).body("status", equalTo("waiting"))
                .body("applicable_policies", org.hamcrest.Matchers.hasItem("nginx-tier0-it"))
                .body("unsatisfied_requirements[0].type", equalTo("test-result-missing"))
                .body("unsatisfied_requirements[0].testcase", equalTo("ci.tier0"));

        as(ci).body(Map.of("testcase", "ci.tier0", "outcome", "RUNNING", "data", Map.of("item", alias, "type", "paddock_update")))
                .post("api/v2.0/results").then().statusCode(201);
        as(null).body(ask).post("api/v1.0/decision").then().body("status", equalTo("waiting"))
                .body("unsatisfied_requirements[0].type", equalTo("test-result-missing"))
                .body("unsatisfied_requirements[0].result_id", notNullValue());

        int failed = as(ci).body(Map.of("testcase", "ci.tier0", "outcome", "FAILED", "ref_url", "https://ci.example/log/7",
                        "data", Map.of("item", alias, "type", "paddock_update")))
                .post("api/v2.0/results").then().statusCode(201).extract().path("id");
        as(null).body(ask).post("api/v1.0/decision").then().body("status", equalTo("failed"))
                .body("policies_satisfied", equalTo(false))
                .body("summary", containsString("failed"))
                .body("unsatisfied_requirements[0].type", equalTo("test-result-failed"))
                .body("unsatisfied_requirements[0].result_id", equalTo(failed))
                .body("unsatisfied_requirements[0].summary", containsString("ci.tier0 failed"))
                .body("results.size()", equalTo(2));
        String waivedAt = as(erin).body(Map.of("subject_type", "paddock_update", "subject_identifier", alias, "testcase", "ci.tier0",
                        "product_version", "F45", "waived", true, "comment", "infrastructure outage, not nginx"))
                .post("api/v1.0/waivers").then().statusCode(201).extract().path("timestamp");
        // as of just before the waiver, by the server's own clock: the failure stands
        String beforeWaiver = java.time.Instant.parse(waivedAt).minusMillis(1).toString();
        as(null).body(ask).post("api/v1.0/decision").then().body("status", equalTo("passed"))
                .body("policies_satisfied", equalTo(true))
                .body("satisfied_requirements[0].type", equalTo("test-result-failed-waived"))
                .body("waivers.size()", equalTo(1));

        Map<String, Object> past = new java.util.HashMap<>(ask);
        past.put("when", beforeWaiver);
        as(null).body(past).post("api/v1.0/decision").then().body("status", equalTo("failed"));

        Map<String, Object> elsewhere = new java.util.HashMap<>(ask);
        elsewhere.put("product_version", "F99");
        as(null).body(elsewhere).post("api/v1.0/decision").then().statusCode(404)
                .body("detail", containsString("Found no applicable policies"));
        as(null).body(Map.of("product_version", "F45")).post("api/v1.0/decision").then().statusCode(422)
                .body("errors.field", contains("decision_context", "subject"));
    }

    /**
     * The stored decision follows every real change and only real changes: a re-run that fails again, a second
     * RUNNING or a comment without karma tells nobody anything.
     */
    @Test
    void anUpdatesDecisionIsStoredAndToldOncePerRealChange() {
        String tc = testcase("once");
        String policy = "--- !Policy\nid: pg-" + tc.replace('.', '-') + "\nproduct_versions: [F45]\n"
                + "decision_contexts: [push_testing, push_stable]\nsubject_type: paddock_update\n"
                + "packages: [\"postgresql:*\"]\nrules:\n"
                + "  - !PassingTestCaseRule {test_case_name: " + tc + "}\n";
        String alias = as(alice).body(Map.of("release", "F45", "type", "bugfix", "title", "told once",
                        "newBuilds", List.of(Map.of("name", "postgresql", "stream", "16", "version", 4520261901120000L,
                                "context", "0dec1510", "arch", "x86_64",
                                "rpms", List.of(Map.of("nevra", "postgresql-16.9-1.module_f45+1+0dec1510.x86_64"))))))
                .post("api/v1/updates").then().statusCode(201)
                .body("gating", equalTo("ignored")).extract().path("alias");
        String told = "select count(*) from outbox_event where type = 'decision.changed' and subject = '" + alias
                + "' and payload ->> 'decision_context' = 'push_stable'";
        assertThat(ApiTokens.count(told)).as("the first decision is a change").isEqualTo(1);

        RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + erin)
                .contentType("application/yaml").body(policy.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("api/v1/policies?reason=decided once").then().statusCode(201);
        assertThat(ApiTokens.count(told)).as("the policy made it wait").isEqualTo(2);
        assertThat(stored(alias)).isEqualTo("waiting");

        Map<String, Object> running = Map.of("testcase", tc, "outcome", "RUNNING",
                "data", Map.of("item", alias, "type", "paddock_update"));
        as(ci).body(running).post("api/v2.0/results").then().statusCode(201);
        as(ci).body(running).post("api/v2.0/results").then().statusCode(201);
        assertThat(ApiTokens.count(told)).as("still waiting: no change").isEqualTo(2);

        Map<String, Object> failed = Map.of("testcase", tc, "outcome", "FAILED", "ref_url", "https://ci.example/1",
                "data", Map.of("item", alias, "type", "paddock_update"));
        as(ci).body(failed).post("api/v2.0/results").then().statusCode(201);
        as(ci).body(failed).post("api/v2.0/results").then().statusCode(201);
        assertThat(ApiTokens.count(told)).as("failed once, then failed again: one change").isEqualTo(3);
        assertThat(stored(alias)).isEqualTo("failed");
        as(null).get("api/v1/updates?gating=failed&q=" + alias).then().statusCode(200)
                .body("items.alias", contains(alias)).body("items[0].gating", equalTo("failed"));
        as(null).get("api/v1/updates?gating=passed&q=" + alias).then().body("total", equalTo(0));
        as(null).get("api/v1/updates?gating=red").then().statusCode(422).body("errors[0].field", equalTo("gating"));

        as(alice).body(Map.of("text", "looks fine to me", "karma", 0)).post("api/v1/updates/" + alias + "/comments")
                .then().statusCode(201);
        assertThat(ApiTokens.count(told)).as("a comment changes nothing").isEqualTo(3);

        as(erin).body(Map.of("subject_type", "paddock_update", "subject_identifier", alias, "testcase", tc,
                        "product_version", "F45", "waived", true, "comment", "known flake"))
                .post("api/v1.0/waivers").then().statusCode(201);
        assertThat(ApiTokens.count(told)).as("waived: passed").isEqualTo(4);
        assertThat(stored(alias)).isEqualTo("passed");
        as(ci).body(Map.of("testcase", tc, "outcome", "PASSED", "data", Map.of("item", alias, "type", "paddock_update")))
                .post("api/v2.0/results").then().statusCode(201);
        assertThat(ApiTokens.count(told)).as("passed for real: the requirement changed").isEqualTo(5);
        as(ci).body(Map.of("testcase", tc, "outcome", "PASSED", "data", Map.of("item", alias, "type", "paddock_update")))
                .post("api/v2.0/results").then().statusCode(201);
        assertThat(ApiTokens.count(told)).as("passed again: no change").isEqualTo(5);
        assertThat(ApiTokens.count("select count(*) from update_decision d join module_update u on u.id = d.update_id"
                + " where u.alias = '" + alias + "' and d.context = 'push_stable' and d.satisfied"
                + " and d.policy_versions like '%pg-" + tc.replace('.', '-') + "@1%'"))
                .as("the stored decision names the policy version it used").isEqualTo(1);

        // retired, the policy stops applying (and other tests' postgresql updates are not gated by it)
        String id = "pg-" + tc.replace('.', '-');
        RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + alice)
                .delete("api/v1/policies/" + id + "?reason=done").then().statusCode(403);
        RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + erin)
                .delete("api/v1/policies/" + id).then().statusCode(422).body("errors[0].field", equalTo("reason"));
        RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + erin)
                .delete("api/v1/policies/" + id + "?reason=test over").then().statusCode(200)
                .body("version", equalTo(2));
        as(null).get("api/v1/policies").then()
                .body("find { it.id == '" + id + "' }.retired", equalTo(true))
                .body("find { it.id == '" + id + "' }.versions[1].reason", equalTo("retired: test over"));
        assertThat(stored(alias)).isEqualTo("ignored");
    }

    /**
     * CI systems that test builds post results about the update's module build and RPM builds; policies about
     * those subjects gate the update too, and a waiver about a build counts for it.
     */
    @Test
    void policiesAboutModuleAndRpmBuildsGateTheUpdateThatHoldsThem() throws Exception {
        String release = org.paddock.testsupport.TestReleases.name("GATE");
        org.paddock.testsupport.TestReleases.create(release, Map.of("postgresql:16", "postgresql-maintainers"));
        String module = testcase("module");
        String rpm = testcase("rpm");
        String ids = tcId(module);
        try {
            String ctx = "b" + Long.toHexString(System.nanoTime()).substring(0, 7);
            String nsvca = "postgresql:16:4520262201120001:" + ctx + ":x86_64";
            String nvr = "postgresql-16.9-1.module_f45+1+" + ctx;
            String alias = as(alice).body(Map.of("release", release, "type", "bugfix", "title", "gated by its builds",
                            "newBuilds", List.of(Map.of("name", "postgresql", "stream", "16", "version", 4520262201120001L,
                                    "context", ctx, "arch", "x86_64",
                                    "rpms", List.of(Map.of("nevra", nvr + ".x86_64"))))))
                    .post("api/v1/updates").then().statusCode(201).extract().path("alias");
            String yaml = "--- !Policy\nid: mb-" + ids + "\nproduct_versions: [" + release + "]\n"
                    + "decision_contexts: [push_testing, push_stable]\nsubject_type: module_build\n"
                    + "packages: [\"postgresql:*\"]\nrules:\n  - !PassingTestCaseRule {test_case_name: " + module + "}\n"
                    + "--- !Policy\nid: kb-" + ids + "\nproduct_versions: [" + release + "]\n"
                    + "decision_contexts: [push_testing, push_stable]\nsubject_type: koji_build\n"
                    + "packages: [postgresql]\nrules:\n  - !PassingTestCaseRule {test_case_name: " + rpm + "}\n";
            RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + erin)
                    .contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("api/v1/policies?reason=gate by builds").then().statusCode(201);
            try {
                assertThat(stored(alias)).as("both builds' tests missing").isEqualTo("waiting");
                as(ci).body(Map.of("testcase", module, "outcome", "PASSED", "data", Map.of("item", nsvca, "type", "module_build")))
                        .post("api/v2.0/results").then().statusCode(201);
                assertThat(stored(alias)).as("the RPM build's test is still missing").isEqualTo("waiting");
                as(ci).body(Map.of("testcase", rpm, "outcome", "FAILED", "ref_url", "https://ci.example/rpm",
                                "data", Map.of("item", nvr, "type", "koji_build")))
                        .post("api/v2.0/results").then().statusCode(201);
                assertThat(stored(alias)).isEqualTo("failed");
                assertThat(ApiTokens.count("select count(*) from update_decision d join module_update u on u.id = d.update_id"
                        + " where u.alias = '" + alias + "' and d.context = 'push_stable' and d.summary like '%failed%'"
                        + " and cast(d.requirements as text) like '%" + nvr + "%'")).as("the requirement names the RPM build")
                        .isEqualTo(1);
                as(erin).body(Map.of("subject_type", "koji_build", "subject_identifier", nvr, "testcase", rpm,
                                "product_version", release, "waived", true, "comment", "known flake in the rpm test"))
                        .post("api/v1.0/waivers").then().statusCode(201);
                assertThat(stored(alias)).as("the waiver about the build counts for the update").isEqualTo("passed");
            } finally {
                for (String id : List.of("mb-" + ids, "kb-" + ids)) {
                    RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + erin)
                            .delete("api/v1/policies/" + id + "?reason=test over").then().statusCode(200);
                }
            }
        } finally {
            org.paddock.testsupport.TestReleases.delete(release);
        }
    }

    private static String tcId(String testcase) {
        return testcase.replace('.', '-');
    }

    private static String stored(String alias) {
        long n = ApiTokens.count("select count(*) from module_update where alias = '" + alias + "' and gating = 'waiting'");
        for (String s : List.of("passed", "failed", "waiting", "ignored")) {
            if (ApiTokens.count("select count(*) from update_decision d join module_update u on u.id = d.update_id"
                    + " where u.alias = '" + alias + "' and d.context = 'push_stable' and d.status = '" + s + "'") == 1) {
                return s;
            }
        }
        return "none (" + n + ")";
    }
}

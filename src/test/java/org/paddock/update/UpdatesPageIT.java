package org.paddock.update;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.PageTest;
import org.paddock.testsupport.TestReleases;
import org.paddock.testsupport.pages.CadenceSection;
import org.paddock.testsupport.pages.PolicyEditorPage;
import org.paddock.testsupport.pages.ReleasePage;
import org.paddock.testsupport.pages.UpdateFormPage;
import org.paddock.testsupport.pages.UpdatePage;
import org.paddock.testsupport.pages.UpdatesListPage;
import org.paddock.testsupport.pages.WebhooksPage;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The journeys maintainers, policy editors and admins take in the browser, one test each, spoken through the page
 * objects of {@code testsupport.pages}. Each test makes its own update (an nginx:1.24 build of its own version), so
 * they run in any order. A newer build obsoletes the older active updates of its stream and takes over their security
 * severity, so the security update submitted in the form has the highest version of all: it obsoletes nothing a
 * later test still looks at.
 */
class UpdatesPageIT extends PageTest {

    /**
     * A maintainer submits an update from modulemd YAML with a CVE fixed by one contained RPM, finds it in the list
     * by that CVE, and sees the CVE on the package that fixes it; script in the notes stays inert.
     */
    @Test
    void aMaintainerSubmitsAnUpdateFindsItByItsCveAndSeesTheCveOnThePackageThatFixesIt() throws Exception {
        signIn("alice");
        assertThat(homePage().accountName()).isEqualTo("Alice Maintainer");

        UpdateFormPage form = updatesList().open().newUpdate()
                .modulemd(nginx("4520262901120000", "b0a5e1f2"))
                .updateType("security").severity("important").suggestion("restart")
                .title("nginx: fix use-after-free in the perl module")
                .notes("Fixes **CVE-2026-31337**. <script>alert('x')</script>")
                .previewNotesShowing("CVE-2026-31337")
                .references("CVE-2026-31337 nginx-mod-http-perl");
        form.screenshot("update-new");
        UpdatePage update = form.submit();
        String alias = update.alias();
        assertThat(alias).matches("PADDOCK-2026-[0-9a-f]{10}");
        assertThat(update.status()).isEqualTo("pending");
        assertThat(update.request()).isEqualTo("→ testing");
        assertThat(update.updateType()).isEqualTo("security");
        assertThat(update.severity()).isEqualTo("important");
        assertThat(update.anyScriptContains("alert('x')")).as("script in notes is inert").isFalse();

        UpdatesListPage list = updatesList().open().filterByCve("CVE-2026-31337");
        assertThat(list.resultCount()).isEqualTo("1 update");
        list.screenshot("updates-by-cve");
        update = list.openUpdate(alias);

        update.tab("Builds & packages");
        assertThat(update.fixesOf("nginx-mod-http-perl")).isEqualTo("CVE-2026-31337");
        assertThat(update.fixesOf("nginx-core")).isEmpty();
        update.screenshot("update-packages");
        update.signOut();
    }

    @Test
    void aMaintainerCommentsWithKarmaAndHerOwnVoteCountsZero() throws Exception {
        String alias = submitNginx("4520262001120000", "c0ffee01", Map.of("release", "F45", "type", "bugfix",
                "title", "commented on in the browser"));
        signIn("alice");
        UpdatePage update = updatePage(alias).tab("Comments (0)").comment("Tested on three web servers.", "+1 works");
        update.tab("Comments (1)");
        assertThat(update.comments()).first().asString().contains("alice").contains("karma +1");
        assertThat(update.karma()).as("the submitter's own vote counts 0").isEqualTo("0");
        update.signOut();
    }

    @Test
    void stableIsRefusedWhilePendingWithTheReasonShown() throws Exception {
        String alias = submitNginx("4520262101120000", "c0ffee02", Map.of("release", "F45", "type", "bugfix",
                "title", "asks for stable too soon"));
        signIn("alice");
        UpdatePage update = updatePage(alias);
        assertThat(update.requestStableRefused())
                .isEqualTo(alias + " is pending: it must be in testing before it can go to stable");
        assertThat(update.status()).isEqualTo("pending");
        update.screenshot("update-refused-stable");
        update.signOut();
    }

    @Test
    void anotherMaintainerSeesNoActionsAndMayNotEdit() throws Exception {
        String alias = submitNginx("4520262201120000", "c0ffee03", Map.of("release", "F45", "type", "bugfix",
                "title", "nginx: alice's update"));
        signIn("bob");
        assertThat(updatePage(alias).offersActions()).isFalse();
        UpdateFormPage form = updateForm().openToEdit(alias).title(" (bob was here)").saveRefused("may not edit");
        assertThat(form.source()).contains("bob may not edit " + alias);
        UpdatePage update = updatePage(alias);
        assertThat(update.updateTitle()).isEqualTo("nginx: alice's update");
        update.signOut();
    }

    @Test
    void aForgedFormPostWithoutItsViewStateChangesNothing() throws Exception {
        String alias = submitNginx("4520261401120000", "f0f0f0f0", Map.of("release", "F45", "type", "bugfix",
                "title", "csrf target"));
        signIn("alice");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();

        // what another site could make alice's browser send: her cookie, the form's fields, no real view state
        HttpResponse<String> forged = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.toURI().resolve("update.xhtml?alias=" + alias))
                        .header("Cookie", "JSESSIONID=" + session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("actions-form=actions-form&alias=" + alias
                                + "&actions-form%3Arevoke=&jakarta.faces.ViewState=stolen%3A1"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/expired.xhtml?next=%2Fupdate.xhtml%3Falias%3D" + alias));
        RestAssured.given().baseUri(base.toString()).get("api/v1/updates/" + alias).then()
                .body("status", equalTo("pending"))
                .body("request", equalTo("testing"));
        updatePage(alias).signOut();
    }

    /**
     * The gating journey as a policy editor, a CI system and a maintainer live it: a draft policy is previewed
     * against the current updates and saved; a failed result blocks the update, which says which test and links
     * the log; a waiver with a reason opens the gate again.
     */
    @Test
    void anEditorGatesNginxOnTier0AndTheMaintainerSeesWhyUntilItIsWaived() throws Exception {
        String alias = submitNginx("4520261601120000", "7e57ab1e", Map.of("release", "F45", "type", "bugfix",
                "title", "gated in the browser"));

        // the policy editor writes the policy, sees what it would block, saves it
        signIn("erin");
        PolicyEditorPage policies = policies().open()
                .write("--- !Policy\nid: broken\nrules:\n  - !FooRule {}\n").previewRefused("FooRule");
        assertThat(policies.source()).contains("line");
        policies.write("--- !Policy\nid: nginx-tier0\nproduct_versions: [F45]\ndecision_context: push_testing\n"
                + "subject_type: paddock_update\npackages: [\"nginx:*\"]\nrules:\n  - !PassingTestCaseRule {test_case_name: ci.tier0}\n")
                .preview();
        assertThat(policies.change(alias)).contains("push_testing").contains("ignored").contains("waiting").contains("ci.tier0");
        policies.screenshot("policy-preview");
        assertThat(policies.reason("tier0 must pass before nginx reaches testing").save())
                .isEqualTo("Saved: nginx-tier0 → version 1");
        assertThat(policies.policy("nginx-tier0")).contains("1 of 1").contains("by erin").contains("tier0 must pass");
        policies.screenshot("policies");

        // CI reports a failure
        postResult(alias, "FAILED", "https://ci.example/logs/tier0/1");

        // the maintainer sees which test blocks, and its log, on the update and in the list
        signIn("alice");
        UpdatePage update = updatePage(alias);
        assertThat(update.gating()).isEqualTo("failed: ci.tier0");
        assertThat(update.gatingLog()).isEqualTo("https://ci.example/logs/tier0/1");
        update.tab("Tests");
        assertThat(update.gate("push_testing")).isEqualTo("failed");
        UpdatePage.Requirement tier0 = update.requirement("push_testing", "ci.tier0");
        assertThat(tier0.text()).contains("FAILED").contains("ci.tier0 failed");
        assertThat(tier0.log()).isEqualTo("https://ci.example/logs/tier0/1");
        assertThat(tier0.offersWaive()).as("a maintainer may not waive").isFalse();
        update.screenshot("update-tests-failed");
        UpdatesListPage list = updatesList().open("gating=failed&q=" + alias);
        assertThat(list.rowsText()).contains(alias).contains("failed");
        list.screenshot("updates-gating-failed");

        // the editor waives it with a reason; the gate opens, and says so
        signIn("erin");
        update = updatePage(alias).tab("Tests");
        update.requirement("push_testing", "ci.tier0").waive("CI outage, nginx is fine");
        assertThat(update.gating()).isEqualTo("passed (waived)");
        update.tab("Tests");
        assertThat(update.gate("push_testing")).isEqualTo("passed");
        assertThat(update.requirement("push_testing", "ci.tier0").type()).isEqualTo("test-result-failed-waived");
        update.screenshot("update-tests-waived");
        update.signOut();
    }

    /** A policy editor may hold any update (the service always let her): the page shows her Hold, and it holds. */
    @Test
    void anEditorHoldsAnUpdateSheDoesNotMaintainAndLiftsTheHold() throws Exception {
        String alias = submitNginx("4520261901120000", "401d0e01", Map.of("release", "F45", "type", "bugfix",
                "title", "held by an editor"));
        signIn("erin");
        UpdatePage update = updatePage(alias);
        assertThat(update.offersActions()).as("erin maintains nothing").isFalse();
        assertThat(update.offersHold()).as("a policy editor may hold").isTrue();
        assertThat(update.hold("mirror outage").held()).isEqualTo("held: mirror outage");
        assertThat(update.liftHold().isHeld()).isFalse();
        assertThat(update.offersHold()).isTrue();
        update.signOut();
    }

    @Test
    void aPolicyChangeIsANewVersionAndTheOldOneStaysReadable() {
        asUser("erin").contentType("application/yaml").body(("--- !Policy\nid: ruby-lint\nproduct_versions: [F45]\n"
                        + "decision_context: push_stable\nsubject_type: paddock_update\npackages: [\"ruby:*\"]\nrules:\n"
                        + "  - !PassingTestCaseRule {test_case_name: ci.lint}\n").getBytes(StandardCharsets.UTF_8))
                .post("api/v1/policies?reason=lint ruby").then().statusCode(201);
        signIn("erin");
        PolicyEditorPage policies = policies().openToEdit("ruby-lint");
        assertThat(policies.yaml()).contains("id: ruby-lint");
        assertThat(policies.append("\n  - !PassingTestCaseRule {test_case_name: ci.tier1}\n").reason("tier1 too").save())
                .isEqualTo("Saved: ruby-lint → version 2");
        assertThat(policies.openHistory("ruby-lint").versions())
                .satisfiesExactly(v2 -> assertThat(v2).contains("version 2").contains("tier1 too").contains("ci.tier1"),
                        v1 -> assertThat(v1).contains("version 1").doesNotContain("ci.tier1"));
        policies.signOut();
    }

    /**
     * Cadence in the browser: a policy editor gives nginx:1.24 a Tuesday window and 3 days for moderate updates;
     * an update in testing says when it will go stable and why; after the push the Pushes page shows it.
     */
    @Test
    void anEditorSetsACadenceTheUpdateSaysWhenItGoesStableAndThePushShows() throws Exception {
        String alias = submitNginx("4520261801120000", "cade0ce1", Map.of("release", "F45", "type", "bugfix",
                "severity", "moderate", "title", "waits for its window"));
        postResult(alias, "PASSED", null);
        try {
            signIn("erin");
            CadenceSection cadence = modulePage("F45", "nginx:1.24").cadence()
                    .inWindows().windows("0 14 * * TUESDAY Europe/Prague 1h").saveRefused("line 1");
            assertThat(cadence.cardText()).contains("line 1").contains("TUESDAY");
            cadence.windows("0 14 * * TUE Europe/Prague 1h").days("moderate", 3).save();
            assertThat(cadence.summary()).contains("Tue 14:00 Europe/Prague").contains("set for this module stream");
            assertThat(cadence.nextWindow()).startsWith("Next window: Tue");
            assertThat(cadence.daysFor("moderate")).isEqualTo("3");
            cadence.screenshot("module-cadence");

            // the push moves it to testing; its page says when it goes stable, and why not sooner
            asUser("admin").post("api/v1/pushes").then().statusCode(200);
            signIn("alice");
            UpdatePage update = updatePage(alias);
            assertThat(update.status()).isEqualTo("testing");
            // the days it takes depend on today: 3 in testing, then the next Tuesday window
            assertThat(update.nextMove()).startsWith("to stable: eligible in ").contains("(moderate: 3 days in testing; then window Tue ");
            assertThat(update.nextMoveEarliest()).startsWith("(at the earliest ");
            update.screenshot("update-next-move");

            String earliest = RestAssured.given().baseUri(base.toString())
                    .get("api/v1/updates/" + alias + "/eligibility").then().statusCode(200)
                    .body("reason", equalTo("days_in_testing")).extract().path("earliest");
            asUser("admin").post("api/v1/pushes?at=" + Instant.parse(earliest).plusSeconds(300)).then().statusCode(200);
            assertThat(updatePage(alias).status()).isEqualTo("stable");

            update.follow("nav-pushes", "Pushes");
            assertThat(pushesPage().moveOf(alias)).contains("testing → stable").contains("window");
            assertThat(pushesPage().newestPush()).contains("nginx:1.24").contains("completed");
            update.screenshot("pushes");
            update.signOut();
        } finally {
            asUser("erin").delete("api/v1/cadences/F45/nginx:1.24").then().statusCode(200);
        }
    }

    /**
     * A maintainer in two groups whose build starts a new module stream is asked on the form which group owns it,
     * next to the choice, and the stream goes to the group she picks.
     */
    @Test
    void aMaintainerInTwoGroupsSaysWhichOwnsTheNewModuleStreamHerBuildMakes() throws Exception {
        String release = TestReleases.name("NEW");
        TestReleases.create(release, Map.of());
        try {
            signIn("alice");
            UpdateFormPage form = updatesList().open().newUpdate();
            assertThat(form.asksOwnerGroup()).as("alice is in two groups").isTrue();
            form.release(release).modulemd(nginx("4520263001120000", "c0ffee01").replace("name: nginx", "name: caddy"))
                    .updateType("bugfix").title("caddy: the first build in " + release)
                    .saveRefused("say which of your groups owns it");
            assertThat(form.ownerGroupMessage()).contains("caddy:1.24 is new in " + release);
            form.screenshot("update-new-owner-group");
            UpdatePage update = form.ownerGroup("nginx-maintainers").submit();
            assertThat(update.status()).isEqualTo("pending");
            assertThat(modulePage(release, "caddy:1.24").owner()).isEqualTo("nginx-maintainers");
            signIn("bob");
            assertThat(updatesList().open().newUpdate().asksOwnerGroup()).as("bob is in one group").isFalse();
        } finally {
            TestReleases.delete(release);
        }
    }

    /** A policy editor sets a release's default cadence and freezes it from the release page, then ends the freeze. */
    @Test
    void anEditorSetsTheReleaseCadenceAndFreezesItFromTheReleasePage() throws Exception {
        String release = TestReleases.name("REL");
        TestReleases.create(release, Map.of("nginx:1.24", "nginx-maintainers"));
        try {
            signIn("erin");
            ReleasePage page = releasePage(release);
            assertThat(page.cadence().summary()).contains("as soon as they are eligible").contains("Paddock's default");
            CadenceSection cadence = page.cadence().days("moderate", 4).save();
            assertThat(cadence.summary()).contains("set for " + release);
            assertThat(cadence.daysFor("moderate")).isEqualTo("4");
            // its module streams follow it
            cadence = modulePage(release, "nginx:1.24").cadence();
            assertThat(cadence.summary()).contains("following " + release + "'s cadence");
            assertThat(cadence.daysFor("moderate")).isEqualTo("4");

            page = releasePage(release);
            assertThat(page.freezes()).contains("No freezes");
            page.freeze("tomorrow", "2099-01-01 00:00", null).waitForText("write it as");
            assertThat(page.freezeFormText()).contains("write it as 2026-12-01 00:00 (UTC)").contains("is required");
            DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
            page.freeze(minute.format(Instant.now().minusSeconds(3600)), null, release + " final freeze")
                    .waitForFreezeSaved("");
            assertThat(page.firstFreeze().getAttribute("data-state")).isEqualTo("active");
            assertThat(page.firstFreeze().getText()).contains(release + " final freeze").contains("erin")
                    .contains("2099-01-01 00:00 UTC");
            page.screenshot("release-freezes");
            assertThat(page.endFirstFreeze().firstFreeze().getAttribute("data-state")).isEqualTo("over");
            page.signOut();

            signIn("alice");
            page = releasePage(release);
            assertThat(page.mayFreeze()).as("only editors may freeze").isFalse();
            assertThat(page.cadence().editable()).isFalse();
            assertThat(page.offersEndFreeze()).isFalse();
            page.signOut();
        } finally {
            TestReleases.delete(release);
        }
    }

    /** An admin subscribes a webhook on the Webhooks page; a maintainer may not see the page. */
    @Test
    void anAdminAddsAWebhookOnThePageAndSeesItsSecretOnce() {
        String id = null;
        try {
            signIn("alice");
            WebhooksPage webhooks = webhooksPage().open();
            assertThat(webhooks.heading()).isEqualTo("Not allowed");
            assertThat(webhooks.offersLink("webhooks-link")).isFalse();

            signIn("admin");
            webhooks.follow("webhooks-link", "Webhooks");
            webhooks.fill("ftp://ci.example.org/events", "short").add("must be an http or https URL");
            assertThat(webhooks.formText()).contains("must be an http or https URL").contains("must be 16 to 200 characters");
            webhooks.fill("http://127.0.0.1:9/paddock-page-test", "", "update.stable").addAccepted();
            assertThat(webhooks.secretNote()).contains("shown this once");
            var row = webhooks.webhook("http://127.0.0.1:9/paddock-page-test");
            id = row.getAttribute("data-id");
            assertThat(row.getText()).contains("update.stable").doesNotContain("update.testing").contains("by admin");
            assertThat(webhooks.deliveries()).contains("http://127.0.0.1:9/paddock-page-test");
            webhooks.screenshot("webhooks");
            assertThat(webhooks.reload().showsSecret()).as("the secret is shown once").isFalse();
            webhooks.signOut();
        } finally {
            if (id != null) {
                asUser("admin").contentType("application/json").body(Map.of("active", false))
                        .post("api/v1/webhooks/" + id + "/active").then().statusCode(204);
            }
        }
    }

    @Test
    void signingInWithAWrongPasswordSaysSoNextToTheField() {
        var login = loginPage().open();
        login.attempt("alice", "not-her-password");
        login.waitForWrongPassword();
        assertThat(login.signedIn()).isFalse();
    }

    // --- set-up through the API --------------------------------------------------------------------------

    /** An API request as a demo user, with a fresh token. */
    private RequestSpecification asUser(String user) {
        return RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + ApiTokens.issue(user));
    }

    /** alice submits nginx:1.24 through the API as a build of its own version and context; answers the alias. */
    private String submitNginx(String version, String context, Map<String, String> fields) throws IOException {
        Map<String, String> body = new HashMap<>(fields);
        body.put("modulemd", nginx(version, context));
        return asUser("alice").contentType("application/json").body(body).post("api/v1/updates").then().statusCode(201)
                .extract().path("alias");
    }

    /** CI posts a ci.tier0 result about the update. */
    private void postResult(String alias, String outcome, String log) {
        Map<String, Object> result = new HashMap<>(Map.of("testcase", "ci.tier0", "outcome", outcome,
                "data", Map.of("item", alias, "type", "paddock_update")));
        if (log != null) {
            result.put("ref_url", log);
        }
        asUser("ci").contentType("application/json").body(result).post("api/v2.0/results").then().statusCode(201);
    }

    /** The nginx:1.24 modulemd of the test resources as a build of another version and context. */
    private static String nginx(String version, String context) throws IOException {
        try (InputStream in = UpdatesPageIT.class.getResourceAsStream("/update/nginx-1.24-modulemd.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("4520261101120000", version)
                    .replace("9edba152", context);
        }
    }
}

package org.paddock.update;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.Browser;
import org.paddock.testsupport.PageTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A maintainer's day in the browser: sign in, submit an update for nginx:1.24 from modulemd YAML with a
 * CVE fixed in one contained RPM, find it by that CVE, see the CVE on the right package, comment with
 * karma, be refused stable while pending with the reason shown; another maintainer cannot edit it.
 */
class UpdatesPageIT extends PageTest {






    @Test
    void aMaintainerSubmitsFindsCommentsAndIsRefusedStableWhilePending() throws Exception {
        signIn("alice");
        assertThat(text("account-link")).isEqualTo("Alice Maintainer");

        browser.get(base + "updates.xhtml");
        browser.findElement(By.id("new-update")).click();
        waitFor(d -> d.getTitle().startsWith("New update"));
        String yaml = resource("nginx-1.24-modulemd.yaml").replace("4520261101120000", "4520261301120000")
                .replace("9edba152", "b0a5e1f2");
        browser.findElement(By.id("update-form:modulemd")).sendKeys(yaml);
        choose("update-form:type", "security");
        choose("update-form:severity", "important");
        choose("update-form:suggestion", "restart");
        browser.findElement(By.id("update-form:title")).sendKeys("nginx: fix use-after-free in the perl module");
        browser.findElement(By.id("update-form:notes")).sendKeys("Fixes **CVE-2026-31337**. <script>alert('x')</script>");
        browser.findElement(By.id("update-form:preview")).click();
        waitFor(d -> d.findElement(By.id("update-form:notes-preview")).getText().contains("CVE-2026-31337"));
        browser.findElement(By.id("update-form:references")).sendKeys("CVE-2026-31337 nginx-mod-http-perl");
        Browser.screenshot(browser, "update-new");
        browser.findElement(By.id("update-form:save")).click();

        waitFor(d -> d.getCurrentUrl().contains("update.xhtml?alias="));
        String alias = text("page-title");
        assertThat(alias).matches("PADDOCK-2026-[0-9a-f]{10}");
        assertThat(text("status")).isEqualTo("pending");
        assertThat(text("request")).isEqualTo("→ testing");
        assertThat(text("type")).isEqualTo("security");
        assertThat(text("severity")).isEqualTo("important");
        assertThat(browser.findElements(By.tagName("script")).stream()
                .noneMatch(s -> s.getAttribute("innerHTML").contains("alert('x')"))).as("script in notes is inert").isTrue();

        // find it in the list by its CVE
        browser.get(base + "updates.xhtml");
        browser.findElement(By.id("filter-cve")).sendKeys("CVE-2026-31337");
        browser.findElement(By.id("apply-filters")).click();
        waitFor(d -> d.getCurrentUrl().contains("cve=CVE-2026-31337"));
        assertThat(text("result-count")).isEqualTo("1 update");
        Browser.screenshot(browser, "updates-by-cve");
        browser.findElement(By.linkText(alias)).click();
        waitFor(d -> d.getTitle().startsWith(alias));

        // the CVE sits on the package that fixes it
        tab("Builds & packages");
        WebElement perl = browser.findElement(By.cssSelector("tr.pd-package[data-name='nginx-mod-http-perl']"));
        assertThat(perl.findElement(By.className("pd-fixes")).getText()).isEqualTo("CVE-2026-31337");
        WebElement core = browser.findElement(By.cssSelector("tr.pd-package[data-name='nginx-core']"));
        assertThat(core.findElement(By.className("pd-fixes")).getText()).isEmpty();
        Browser.screenshot(browser, "update-packages");

        // comment with karma
        tab("Comments (0)");
        browser.findElement(By.id("tabs:comment-form:comment-text")).sendKeys("Tested on three web servers.");
        browser.findElement(By.xpath("//div[@id='tabs:comment-form:comment-karma']//*[contains(text(),'+1 works')]")).click();
        browser.findElement(By.id("tabs:comment-form:add-comment")).click();
        waitFor(d -> d.getPageSource().contains("Tested on three web servers."));
        tab("Comments (1)");
        assertThat(browser.findElement(By.className("pd-comment")).getText()).contains("alice").contains("karma +1");
        assertThat(text("karma")).as("the submitter's own vote counts 0").isEqualTo("0");

        // stable is refused while pending, with the reason
        browser.findElement(By.id("actions-form:request-stable")).click();
        waitFor(d -> d.findElements(By.cssSelector("#actions-form\\:actions li")).size() > 0);
        assertThat(browser.findElement(By.id("actions-form:actions")).getText())
                .isEqualTo(alias + " is pending: it must be in testing before it can go to stable");
        assertThat(text("status")).isEqualTo("pending");
        Browser.screenshot(browser, "update-refused-stable");

        // another maintainer sees no actions and cannot edit
        signOut();
        signIn("bob");
        browser.get(base + "update.xhtml?alias=" + alias);
        assertThat(browser.findElements(By.id("actions-form"))).isEmpty();
        browser.get(base + "update-new.xhtml?alias=" + alias);
        browser.findElement(By.id("update-form:title")).sendKeys(" (bob was here)");
        browser.findElement(By.id("update-form:save")).click();
        waitFor(d -> d.getPageSource().contains("may not edit"));
        assertThat(browser.getPageSource()).contains("bob may not edit " + alias);
        browser.get(base + "update.xhtml?alias=" + alias);
        assertThat(text("update-title")).isEqualTo("nginx: fix use-after-free in the perl module");
        signOut();
    }

    @Test
    void aForgedFormPostWithoutItsViewStateChangesNothing() throws Exception {
        String alias = submitNginx("4520261401120000", "f0f0f0f0", java.util.Map.of("release", "F45", "type", "bugfix", "title", "csrf target"));
        signIn("alice");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();

        // what another site could make alice's browser send: her cookie, the form's fields, no real view state
        java.net.http.HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(base.toURI().resolve("update.xhtml?alias=" + alias))
                        .header("Cookie", "JSESSIONID=" + session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("actions-form=actions-form&alias=" + alias
                                + "&actions-form%3Arevoke=&jakarta.faces.ViewState=stolen%3A1"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/expired.xhtml?next=%2Fupdate.xhtml%3Falias%3D" + alias));
        io.restassured.RestAssured.given().baseUri(base.toString()).get("api/v1/updates/" + alias).then()
                .body("status", org.hamcrest.Matchers.equalTo("pending"))
                .body("request", org.hamcrest.Matchers.equalTo("testing"));
        signOut();
    }

    /**
     * The gating journey as a policy editor, a CI system and a maintainer live it: a draft policy is previewed
     * against the current updates and saved; a failed result blocks the update, which says which test and links
     * the log; a waiver with a reason opens the gate again.
     */
    @Test
    void anEditorGatesNginxOnTier0AndTheMaintainerSeesWhyUntilItIsWaived() throws Exception {
        String alias = submitNginx("4520261601120000", "7e57ab1e", java.util.Map.of("release", "F45", "type", "bugfix", "title", "gated in the browser"));

        // the policy editor writes the policy, sees what it would block, saves it
        signIn("erin");
        browser.get(base + "policies.xhtml");
        browser.findElement(By.id("policy-form:yaml")).sendKeys("--- !Policy\nid: broken\nrules:\n  - !FooRule {}\n");
        browser.findElement(By.id("policy-form:preview")).click();
        waitFor(d -> d.getPageSource().contains("FooRule"));
        assertThat(browser.getPageSource()).contains("line");
        WebElement editor = browser.findElement(By.id("policy-form:yaml"));
        editor.clear();
        editor.sendKeys("--- !Policy\nid: nginx-tier0\nproduct_versions: [F45]\ndecision_context: push_testing\n"
                + "subject_type: paddock_update\npackages: [\"nginx:*\"]\nrules:\n  - !PassingTestCaseRule {test_case_name: ci.tier0}\n");
        browser.findElement(By.id("policy-form:preview")).click();
        waitFor(d -> !d.findElements(By.id("preview-table")).isEmpty());
        WebElement change = browser.findElement(By.cssSelector("tr.pd-change[data-alias='" + alias + "']"));
        assertThat(change.getText()).contains("push_testing").contains("ignored").contains("waiting").contains("ci.tier0");
        Browser.screenshot(browser, "policy-preview");
        browser.findElement(By.id("policy-form:reason")).sendKeys("tier0 must pass before nginx reaches testing");
        browser.findElement(By.id("policy-form:save")).click();
        waitFor(d -> !d.findElements(By.id("saved")).isEmpty());
        assertThat(text("saved")).isEqualTo("Saved: nginx-tier0 → version 1");
        assertThat(browser.findElement(By.cssSelector("tr.pd-policy[data-id='nginx-tier0']")).getText())
                .contains("1 of 1").contains("by erin").contains("tier0 must pass");
        Browser.screenshot(browser, "policies");

        // CI reports a failure
        io.restassured.RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + ApiTokens.issue("ci"))
                .contentType("application/json")
                .body(java.util.Map.of("testcase", "ci.tier0", "outcome", "FAILED", "ref_url", "https://ci.example/logs/tier0/1",
                        "data", java.util.Map.of("item", alias, "type", "paddock_update")))
                .post("api/v2.0/results").then().statusCode(201);

        // the maintainer sees which test blocks, and its log, on the update and in the list
        signIn("alice");
        browser.get(base + "update.xhtml?alias=" + alias);
        assertThat(text("gating-status")).isEqualTo("failed: ci.tier0");
        assertThat(browser.findElement(By.id("gating-log")).getAttribute("href")).isEqualTo("https://ci.example/logs/tier0/1");
        tab("Tests");
        assertThat(text("gate-status-push_testing")).isEqualTo("failed");
        WebElement row = browser.findElement(By.cssSelector("#gate-push_testing tr.pd-requirement[data-testcase='ci.tier0']"));
        assertThat(row.getText()).contains("FAILED").contains("ci.tier0 failed");
        assertThat(row.findElement(By.className("pd-log-link")).getAttribute("href")).isEqualTo("https://ci.example/logs/tier0/1");
        assertThat(row.findElements(By.className("pd-waive-button"))).as("a maintainer may not waive").isEmpty();
        Browser.screenshot(browser, "update-tests-failed");
        browser.get(base + "updates.xhtml?gating=failed&q=" + alias);
        assertThat(browser.findElement(By.cssSelector("#updates-table tbody")).getText())
                .contains(alias).contains("failed");
        Browser.screenshot(browser, "updates-gating-failed");

        // the editor waives it with a reason; the gate opens, and says so
        signIn("erin");
        browser.get(base + "update.xhtml?alias=" + alias);
        tab("Tests");
        row = browser.findElement(By.cssSelector("#gate-push_testing tr.pd-requirement[data-testcase='ci.tier0']"));
        row.findElement(By.className("pd-waive-comment")).sendKeys("CI outage, nginx is fine");
        row.findElement(By.className("pd-waive-button")).click();
        waitFor(d -> d.getCurrentUrl().contains("alias=" + alias));
        assertThat(text("gating-status")).isEqualTo("passed (waived)");
        tab("Tests");
        assertThat(text("gate-status-push_testing")).isEqualTo("passed");
        assertThat(browser.findElement(By.cssSelector("#gate-push_testing tr.pd-requirement[data-testcase='ci.tier0']"))
                .getAttribute("data-type")).isEqualTo("test-result-failed-waived");
        Browser.screenshot(browser, "update-tests-waived");
        signOut();
    }

    /** A policy editor may hold any update (the service always let her): the page shows her Hold, and it holds. */
    @Test
    void anEditorHoldsAnUpdateSheDoesNotMaintainAndLiftsTheHold() throws Exception {
        String alias = submitNginx("4520261901120000", "401d0e01", java.util.Map.of("release", "F45", "type", "bugfix", "title", "held by an editor"));
        signIn("erin");
        browser.get(base + "update.xhtml?alias=" + alias);
        assertThat(browser.findElements(By.id("actions-form"))).as("erin maintains nothing").isEmpty();
        assertThat(browser.findElements(By.id("move-form:hold"))).as("a policy editor may hold").hasSize(1);
        browser.findElement(By.id("move-form:move-reason")).sendKeys("mirror outage");
        browser.findElement(By.id("move-form:hold")).click();
        waitFor(d -> !d.findElements(By.id("held")).isEmpty());
        assertThat(text("held")).isEqualTo("held: mirror outage");
        browser.findElement(By.id("move-form:release-hold")).click();
        waitFor(d -> d.findElements(By.id("held")).isEmpty());
        assertThat(browser.findElements(By.id("move-form:hold"))).hasSize(1);
        signOut();
    }

    @Test
    void aPolicyChangeIsANewVersionAndTheOldOneStaysReadable() throws Exception {
        io.restassured.RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + ApiTokens.issue("erin"))
                .contentType("application/yaml").body(("--- !Policy\nid: ruby-lint\nproduct_versions: [F45]\n"
                        + "decision_context: push_stable\nsubject_type: paddock_update\npackages: [\"ruby:*\"]\nrules:\n"
                        + "  - !PassingTestCaseRule {test_case_name: ci.lint}\n").getBytes(StandardCharsets.UTF_8))
                .post("api/v1/policies?reason=lint ruby").then().statusCode(201);
        signIn("erin");
        browser.get(base + "policies.xhtml?edit=ruby-lint");
        assertThat(browser.findElement(By.id("policy-form:yaml")).getAttribute("value")).contains("id: ruby-lint");
        browser.findElement(By.id("policy-form:yaml")).sendKeys("\n  - !PassingTestCaseRule {test_case_name: ci.tier1}\n");
        browser.findElement(By.id("policy-form:reason")).sendKeys("tier1 too");
        browser.findElement(By.id("policy-form:save")).click();
        waitFor(d -> !d.findElements(By.id("saved")).isEmpty());
        assertThat(text("saved")).isEqualTo("Saved: ruby-lint → version 2");
        browser.get(base + "policies.xhtml?history=ruby-lint");
        assertThat(browser.findElements(By.cssSelector("#history .pd-version"))).extracting(WebElement::getText)
                .satisfiesExactly(v2 -> assertThat(v2).contains("version 2").contains("tier1 too").contains("ci.tier1"),
                        v1 -> assertThat(v1).contains("version 1").doesNotContain("ci.tier1"));
        signOut();
    }

    /**
     * Cadence in the browser: a policy editor gives nginx:1.24 a Tuesday window and 3 days for moderate updates;
     * an update in testing says when it will go stable and why; after the push the Pushes page shows it.
     */
    @Test
    void anEditorSetsACadenceTheUpdateSaysWhenItGoesStableAndThePushShows() throws Exception {
        String alias = submitNginx("4520261801120000", "cade0ce1", java.util.Map.of("release", "F45", "type", "bugfix", "severity", "moderate", "title", "waits for its window"));
        io.restassured.RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + ApiTokens.issue("ci"))
                .contentType("application/json").body(java.util.Map.of("testcase", "ci.tier0", "outcome", "PASSED",
                        "data", java.util.Map.of("item", alias, "type", "paddock_update")))
                .post("api/v2.0/results").then().statusCode(201);
        String admin = ApiTokens.issue("admin");
        try {
            signIn("erin");
            browser.get(base + "module.xhtml?release=F45&module=nginx:1.24");
            browser.findElement(By.cssSelector("input[name='cadence-form:mode'][value='windows']")).click();
            WebElement windows = browser.findElement(By.id("cadence-form:windows"));
            windows.clear();
            windows.sendKeys("0 14 * * TUESDAY Europe/Prague 1h");
            browser.findElement(By.id("cadence-form:save")).click();
            waitFor(d -> d.getPageSource().contains("line 1"));
            assertThat(browser.findElement(By.id("cadence")).getText()).contains("line 1").contains("TUESDAY");
            windows = browser.findElement(By.id("cadence-form:windows"));
            windows.clear();
            windows.sendKeys("0 14 * * TUE Europe/Prague 1h");
            WebElement moderate = browser.findElement(By.cssSelector("input.pd-days-input[data-severity='moderate']"));
            moderate.clear();
            moderate.sendKeys("3");
            browser.findElement(By.id("cadence-form:save")).click();
            waitFor(d -> !d.findElements(By.id("cadence-saved")).isEmpty());
            assertThat(text("cadence-summary")).contains("Tue 14:00 Europe/Prague").contains("set for this module stream");
            assertThat(text("next-window")).startsWith("Next window: Tue");
            assertThat(browser.findElement(By.cssSelector("#cadence-days td[data-severity='moderate']")).getText()).isEqualTo("3");
            Browser.screenshot(browser, "module-cadence");

            // the push moves it to testing; its page says when it goes stable, and why not sooner
            io.restassured.RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + admin)
                    .post("api/v1/pushes").then().statusCode(200);
            signIn("alice");
            browser.get(base + "update.xhtml?alias=" + alias);
            assertThat(text("status")).isEqualTo("testing");
            // the days it takes depend on today: 3 in testing, then the next Tuesday window
            assertThat(text("move-text")).startsWith("to stable: eligible in ").contains("(moderate: 3 days in testing; then window Tue ");
            assertThat(text("move-earliest")).startsWith("(at the earliest ");
            Browser.screenshot(browser, "update-next-move");

            String earliest = io.restassured.RestAssured.given().baseUri(base.toString())
                    .get("api/v1/updates/" + alias + "/eligibility").then().statusCode(200)
                    .body("reason", org.hamcrest.Matchers.equalTo("days_in_testing")).extract().path("earliest");
            io.restassured.RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + admin)
                    .post("api/v1/pushes?at=" + java.time.Instant.parse(earliest).plusSeconds(300)).then().statusCode(200);
            browser.get(base + "update.xhtml?alias=" + alias);
            assertThat(text("status")).isEqualTo("stable");

            browser.findElement(By.id("nav-pushes")).click();
            waitFor(d -> d.getTitle().startsWith("Pushes"));
            WebElement item = browser.findElement(By.cssSelector("#push-items tr.pd-push-item[data-alias='" + alias + "']"));
            assertThat(item.getText()).contains("testing → stable").contains("window");
            assertThat(browser.findElement(By.cssSelector("#pushes tr.pd-push")).getText()).contains("nginx:1.24")
                    .contains("completed");
            Browser.screenshot(browser, "pushes");
            signOut();
        } finally {
            io.restassured.RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + ApiTokens.issue("erin"))
                    .delete("api/v1/cadences/F45/nginx:1.24").then().statusCode(200);
        }
    }

    /** A policy editor sets a release's default cadence and freezes it from the release page, then ends the freeze. */
    @Test
    void anEditorSetsTheReleaseCadenceAndFreezesItFromTheReleasePage() throws Exception {
        String release = org.paddock.testsupport.TestReleases.name("REL");
        org.paddock.testsupport.TestReleases.create(release, java.util.Map.of("nginx:1.24", "nginx-maintainers"));
        try {
            signIn("erin");
            browser.get(base + "release.xhtml?release=" + release);
            assertThat(text("cadence-summary")).contains("as soon as they are eligible").contains("Paddock's default");
            WebElement moderate = browser.findElement(By.cssSelector("input.pd-days-input[data-severity='moderate']"));
            moderate.clear();
            moderate.sendKeys("4");
            browser.findElement(By.id("cadence-form:save")).click();
            waitFor(d -> !d.findElements(By.id("cadence-saved")).isEmpty());
            assertThat(text("cadence-summary")).contains("set for " + release);
            assertThat(browser.findElement(By.cssSelector("#cadence-days td[data-severity='moderate']")).getText()).isEqualTo("4");
            // its module streams follow it
            browser.get(base + "module.xhtml?release=" + release + "&module=nginx:1.24");
            assertThat(text("cadence-summary")).contains("following " + release + "'s cadence");
            assertThat(browser.findElement(By.cssSelector("#cadence-days td[data-severity='moderate']")).getText()).isEqualTo("4");

            browser.get(base + "release.xhtml?release=" + release);
            assertThat(text("freezes")).contains("No freezes");
            browser.findElement(By.id("freeze-form:start")).sendKeys("tomorrow");
            browser.findElement(By.id("freeze-form:end")).sendKeys("2099-01-01 00:00");
            browser.findElement(By.id("freeze-form:add")).click();
            waitFor(d -> d.getPageSource().contains("write it as"));
            assertThat(browser.findElement(By.id("freeze-form")).getText()).contains("write it as 2026-12-01 00:00 (UTC)")
                    .contains("is required");
            java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .withZone(java.time.ZoneOffset.UTC);
            WebElement start = browser.findElement(By.id("freeze-form:start"));
            start.clear();
            start.sendKeys(f.format(java.time.Instant.now().minusSeconds(3600)));
            browser.findElement(By.id("freeze-form:reason")).sendKeys(release + " final freeze");
            browser.findElement(By.id("freeze-form:add")).click();
            waitFor(d -> !d.findElements(By.id("freeze-saved")).isEmpty());
            WebElement row = browser.findElement(By.cssSelector("#freezes-list tr.pd-freeze"));
            assertThat(row.getAttribute("data-state")).isEqualTo("active");
            assertThat(row.getText()).contains(release + " final freeze").contains("erin").contains("2099-01-01 00:00 UTC");
            Browser.screenshot(browser, "release-freezes");
            row.findElement(By.cssSelector(".pd-end-freeze")).click();
            waitFor(d -> d.findElement(By.id("freeze-saved")).getText().contains("Freeze ended"));
            assertThat(browser.findElement(By.cssSelector("#freezes-list tr.pd-freeze")).getAttribute("data-state")).isEqualTo("over");
            signOut();

            signIn("alice");
            browser.get(base + "release.xhtml?release=" + release);
            assertThat(browser.findElements(By.id("freeze-form"))).as("only editors may freeze").isEmpty();
            assertThat(browser.findElements(By.id("cadence-form"))).isEmpty();
            assertThat(browser.findElements(By.cssSelector(".pd-end-freeze"))).isEmpty();
            signOut();
        } finally {
            org.paddock.testsupport.TestReleases.delete(release);
        }
    }

    /** An admin subscribes a webhook on the Webhooks page; a maintainer may not see the page. */
    @Test
    void anAdminAddsAWebhookOnThePageAndSeesItsSecretOnce() {
        String admin = ApiTokens.issue("admin");
        String id = null;
        try {
            signIn("alice");
            browser.get(base + "webhooks.xhtml");
            assertThat(text("page-title")).isEqualTo("Not allowed");
            assertThat(browser.findElements(By.id("webhooks-link"))).isEmpty();

            signIn("admin");
            browser.findElement(By.id("webhooks-link")).click();
            waitFor(d -> d.getTitle().startsWith("Webhooks"));
            browser.findElement(By.id("webhook-form:url")).sendKeys("ftp://ci.example.org/events");
            browser.findElement(By.id("webhook-form:secret")).sendKeys("short");
            browser.findElement(By.id("webhook-form:add")).click();
            waitFor(d -> d.getPageSource().contains("must be an http or https URL"));
            assertThat(browser.findElement(By.id("webhook-form")).getText()).contains("must be an http or https URL")
                    .contains("must be 16 to 200 characters");
            WebElement url = browser.findElement(By.id("webhook-form:url"));
            url.clear();
            url.sendKeys("http://127.0.0.1:9/paddock-page-test");
            browser.findElement(By.id("webhook-form:secret")).clear();
            browser.findElement(By.xpath("//label[normalize-space()='update.stable']")).click();
            browser.findElement(By.id("webhook-form:add")).click();
            waitFor(d -> !d.findElements(By.id("made-secret")).isEmpty());
            assertThat(text("made-secret")).contains("shown this once");
            WebElement row = browser.findElement(By.xpath("//tr[contains(@class,'pd-webhook')][.//code[text()='http://127.0.0.1:9/paddock-page-test']]"));
            id = row.getAttribute("data-id");
            assertThat(row.getText()).contains("update.stable").doesNotContain("update.testing").contains("by admin");
            assertThat(text("deliveries")).contains("http://127.0.0.1:9/paddock-page-test");
            Browser.screenshot(browser, "webhooks");
            browser.navigate().refresh();
            assertThat(browser.findElements(By.id("made-secret"))).as("the secret is shown once").isEmpty();
            signOut();
        } finally {
            if (id != null) {
                io.restassured.RestAssured.given().baseUri(base.toString()).header("Authorization", "Bearer " + admin)
                        .contentType("application/json").body(java.util.Map.of("active", false))
                        .post("api/v1/webhooks/" + id + "/active").then().statusCode(204);
            }
        }
    }

    @Test
    void signingInWithAWrongPasswordSaysSoNextToTheField() {
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login-form:username")).sendKeys("alice");
        browser.findElement(By.id("login-form:password")).sendKeys("not-her-password");
        browser.findElement(By.id("login-form:sign-in")).click();
        waitFor(d -> d.getPageSource().contains("Wrong user name or password"));
        assertThat(browser.findElements(By.id("account-link"))).isEmpty();
    }

    /** Signs in afresh: whoever an earlier test left signed in is forgotten first (tests run in any order). */
    private void signIn(String user) {
        browser.get(base + "login.xhtml");
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login-form:username")).sendKeys(user);
        browser.findElement(By.id("login-form:password")).sendKeys("paddock-demo");
        browser.findElement(By.id("login-form:sign-in")).click();
        waitFor(d -> !d.findElements(By.id("account-link")).isEmpty());
    }

    private void signOut() {
        browser.findElement(By.id("sign-out-form:sign-out")).click();
        waitFor(d -> !d.findElements(By.id("sign-in-link")).isEmpty());
    }

    /** PrimeFaces menus wrap a hidden select; set it as a person's choice would. */
    private void choose(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);",
                id, value);
    }

    private void tab(String title) {
        browser.findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='" + title + "']")).click();
    }

    /** alice submits nginx:1.24 through the API as a build of its own version and context; answers the alias. */
    private String submitNginx(String version, String context, java.util.Map<String, String> fields) throws IOException {
        String yaml = resource("nginx-1.24-modulemd.yaml").replace("4520261101120000", version)
                .replace("9edba152", context);
        java.util.Map<String, String> body = new java.util.HashMap<>(fields);
        body.put("modulemd", yaml);
        return io.restassured.RestAssured.given().baseUri(base.toString())
                .header("Authorization", "Bearer " + ApiTokens.issue("alice")).contentType("application/json")
                .body(body).post("api/v1/updates").then().statusCode(201).extract().path("alias");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = UpdatesPageIT.class.getResourceAsStream("/update/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

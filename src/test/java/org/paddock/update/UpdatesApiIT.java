package org.paddock.update;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.Api;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.DeployedApi;
import org.paddock.testsupport.TestBuilds;
import org.paddock.testsupport.TestReleases;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The update REST API against the real WAR and PostgreSQL: round trips, who may do what (anonymous,
 * another group, owner, policy editor, admin, token), and bad input refused precisely with nothing stored.
 * Each test submits the updates it needs, in a release of its own (so no other test's update obsoletes them).
 */
class UpdatesApiIT extends DeployedApi {

    /** This test's own release, with nginx:1.24 and ruby:3.3: its updates neither obsolete nor count among others'. */
    String release;

    String alice;
    String bob;
    String erin;
    String admin;

    @BeforeEach
    void ownReleaseAndTokens() throws Exception {
        release = TestReleases.name("UPD");
        TestReleases.create(release, Map.of("nginx:1.24", "nginx-maintainers", "ruby:3.3", "ruby-maintainers"));
        alice = ApiTokens.issue("alice");
        bob = ApiTokens.issue("bob");
        erin = ApiTokens.issue("erin");
        admin = ApiTokens.issue("admin");
    }

    @AfterEach
    void removeTheRelease() throws Exception {
        TestReleases.delete(release);
    }

    /** The security update for nginx:1.24 whose CVE one package fixes, under a fresh build version. */
    private Map<String, Object> nginxUpdate(long version) {
        return Map.of("release", release, "modulemd", TestBuilds.nginxModulemd(version), "type", "security",
                "severity", "important", "title", "nginx: fix HTTP/2 request smuggling",
                "notes", "Fixes **CVE-2026-21001** in the perl module.<script>alert(1)</script>",
                "suggestion", "restart",
                "references", List.of(
                        Map.of("kind", "cve", "id", "CVE-2026-21001", "title", "request smuggling",
                                "fixedIn", List.of("nginx-mod-http-perl")),
                        Map.of("kind", "bugzilla", "id", "2300001", "title", "nginx: CVE-2026-21001")));
    }

    private String submitted() {
        return api().submit(alice, nginxUpdate(TestBuilds.freshVersion()));
    }

    private static long updateCount() {
        return ApiTokens.count("select count(*) from module_update");
    }

    @Test
    void anonymousMayReadButNotWrite() {
        long before = updateCount();
        as(null).get("api/v1/updates").then().statusCode(200).body("page", equalTo(1));
        as(null).body(nginxUpdate(TestBuilds.freshVersion())).post("api/v1/updates").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("API token"));
        as("pdk_not-a-real-token").get("api/v1/updates").then().statusCode(401)
                .body("detail", equalTo("the API token is unknown or revoked"));
        assertThat(updateCount()).isEqualTo(before);
    }

    @Test
    void aMaintainerSubmitsFromModulemdWithACveFixedByOnePackage() {
        long version = TestBuilds.freshVersion();
        ValidatableResponse created = as(alice).body(nginxUpdate(version)).post("api/v1/updates").then().statusCode(201)
                .header("Location", containsString("/api/v1/updates/PADDOCK-"))
                .body("alias", startsWith("PADDOCK-2026-"))
                .body("status", equalTo("pending")).body("request", equalTo("testing"))
                .body("type", equalTo("security")).body("severity", equalTo("important"))
                .body("submitter", equalTo("alice"))
                .body("builds[0].nsvca", equalTo(TestBuilds.nginxNsvca(version)))
                .body("builds[0].packages.size()", equalTo(5))
                .body("references.id", contains("CVE-2026-21001", "2300001"))
                .body("references[0].url", equalTo("https://www.cve.org/CVERecord?id=CVE-2026-21001"))
                .body("references[0].fixedIn", contains("nginx-mod-http-perl-1:1.24.0-4.module_f45+9876+9edba152.x86_64"))
                .body("builds[0].packages.find { it.name == 'nginx-mod-http-perl' }.fixes", contains("CVE-2026-21001"))
                .body("builds[0].packages.find { it.name == 'nginx-core' }.fixes.size()", equalTo(0))
                .body("builds[0].packages.find { it.name == 'nginx-core' }.purl",
                        equalTo("pkg:rpm/fedora/nginx-core@1.24.0-4.module_f45%2B9876%2B9edba152?arch=x86_64&epoch=1"));
        String alias = created.extract().path("alias");

        as(null).get("api/v1/updates/" + alias).then().statusCode(200).body("title", equalTo("nginx: fix HTTP/2 request smuggling"));
        as(null).get("api/v1/builds/" + TestBuilds.nginxNsvca(version)).then().statusCode(200)
                .body("packages.size()", equalTo(5));
    }

    @Test
    void theListFindsItByEveryFilter() {
        String alias = submitted();
        for (String query : List.of("cve=CVE-2026-21001", "cve=cve-2026-21001", "bug=2300001", "q=nginx-mod-http-perl",
                "q=" + alias, "q=smuggling", "module=nginx", "module=nginx:1.24", "release=" + release, "status=pending",
                "request=testing", "type=security", "severity=important", "submitter=alice")) {
            as(null).get("api/v1/updates?release=" + release + "&" + query).then().statusCode(200)
                    .body("items.alias", contains(alias));
        }
        for (String query : List.of("cve=CVE-2026-99999", "module=ruby", "status=stable", "submitter=bob", "q=openssl")) {
            as(null).get("api/v1/updates?release=" + release + "&" + query).then().statusCode(200)
                    .body("items.alias", not(hasItem(alias)));
        }
        as(null).get("api/v1/updates?status=bogus&rows=0").then().statusCode(422)
                .body("errors.field", contains("rows"));
        as(null).get("api/v1/updates?status=bogus").then().statusCode(422)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].reason", containsString("pending, testing, stable, unpushed, obsolete, revoked"));
    }

    @Test
    void onlyTheOwningGroupAndAdminsMayEdit() {
        String alias = submitted();
        Map<String, Object> change = Map.of("title", "nginx: fix HTTP/2 request smuggling (CVE-2026-21001)");
        as(bob).body(change).patch("api/v1/updates/" + alias).then().statusCode(403)
                .body("detail", containsString("nginx:1.24 (nginx-maintainers)"));
        as(erin).body(change).patch("api/v1/updates/" + alias).then().statusCode(403);
        as(null).body(change).patch("api/v1/updates/" + alias).then().statusCode(401);
        as(alice).body(change).patch("api/v1/updates/" + alias).then().statusCode(200)
                .body("title", equalTo("nginx: fix HTTP/2 request smuggling (CVE-2026-21001)"))
                .body("references.id", contains("CVE-2026-21001", "2300001"));
        as(admin).body(Map.of("severity", "critical")).patch("api/v1/updates/" + alias).then().statusCode(200)
                .body("severity", equalTo("critical"));
        as(bob).body(Map.of("request", "revoke")).post("api/v1/updates/" + alias + "/request").then().statusCode(403);
    }

    @Test
    void stableIsRefusedWhilePendingWithTheReason() {
        String alias = submitted();
        as(alice).body(Map.of("request", "stable")).post("api/v1/updates/" + alias + "/request").then().statusCode(409)
                .body("detail", equalTo(alias + " is pending: it must be in testing before it can go to stable"));
        as(alice).body(Map.of("request", "sideways")).post("api/v1/updates/" + alias + "/request").then().statusCode(422)
                .body("errors[0].field", equalTo("request"));
        as(alice).body(Map.of("request", "none")).post("api/v1/updates/" + alias + "/request").then().statusCode(200)
                .body("request", equalTo("none"));
        as(alice).body(Map.of("request", "testing")).post("api/v1/updates/" + alias + "/request").then().statusCode(200)
                .body("request", equalTo("testing"));
    }

    @Test
    void commentsCarryKarmaAndOnlyTheLatestVoteCounts() {
        String alias = submitted();
        as(bob).body(Map.of("text", "Works on my web servers", "karma", 1)).post("api/v1/updates/" + alias + "/comments")
                .then().statusCode(201).body("author", equalTo("bob")).body("karma", equalTo(1));
        as(null).get("api/v1/updates/" + alias).then().body("karma", equalTo(1));
        as(bob).body(Map.of("text", "Broke HTTP/2 after all", "karma", -1)).post("api/v1/updates/" + alias + "/comments")
                .then().statusCode(201);
        as(alice).body(Map.of("text", "Mine, of course it works", "karma", 1)).post("api/v1/updates/" + alias + "/comments")
                .then().statusCode(201);
        as(null).get("api/v1/updates/" + alias).then().body("karma", equalTo(-1));
        as(null).get("api/v1/updates/" + alias + "/comments").then().statusCode(200)
                .body("author", contains("bob", "bob", "alice"));
        as(bob).body(Map.of("text", "", "karma", 5)).post("api/v1/updates/" + alias + "/comments").then().statusCode(422)
                .body("errors[0].field", equalTo("karma"));
    }

    @Test
    void badInputIsRefusedPreciselyAndNothingIsStored() {
        long taken = TestBuilds.freshVersion();
        api().submit(alice, nginxUpdate(taken));
        long updates = updateCount();
        long builds = ApiTokens.count("select count(*) from module_build");
        Map<String, Object> badNevra = Map.of("release", release, "type", "bugfix", "title", "x",
                "newBuilds", List.of(Map.of("name", "ruby", "stream", "3.3", "version", 1, "context", "c0ffee43",
                        "arch", "x86_64", "rpms", List.of(Map.of("nevra", "ruby-3.3.0")),
                        "packages", List.of("pkg:gem/rails@7.1.0", "pkg:maven/only-a-name@1"))));
        as(bob).body(badNevra).post("api/v1/updates").then().statusCode(422)
                .body("errors.field", contains("newBuilds[0].rpms[0]", "newBuilds[0].packages[1]"))
                .body("errors[0].reason", containsString("NEVRA 'ruby-3.3.0'"));

        as(alice).body(Map.of("release", release, "type", "security", "title", "x", "modulemd", "data: [unclosed"))
                .post("api/v1/updates").then().statusCode(422)
                .body("errors[0].field", equalTo("modulemd")).body("errors[0].reason", containsString("line"));
        as(alice).body(Map.of("release", "F99", "type", "bugfix", "title", "x", "modulemd", TestBuilds.nginxModulemd()))
                .post("api/v1/updates").then().statusCode(422).body("errors[0].field", equalTo("release"))
                .body("errors[0].reason", equalTo("there is no release 'F99'"));
        as(alice).body(Map.of("release", release, "type", "bugfix", "title", "x",
                        "modulemd", TestBuilds.nginxModulemd().replace("name: nginx", "name: httpd")))
                .post("api/v1/updates").then().statusCode(422).body("errors[0].field", equalTo("ownerGroup"))
                .body("errors[0].reason", equalTo("httpd:1.24 is new in " + release
                        + ": say which of your groups owns it (nginx-maintainers, postgresql-maintainers)"));
        as(alice).body(Map.of("release", release, "type", "bugfix", "title", "again", "modulemd", TestBuilds.nginxModulemd(taken)))
                .post("api/v1/updates").then().statusCode(422)
                .body("errors[0].reason", equalTo("module build " + TestBuilds.nginxNsvca(taken) + " was already submitted"));
        long unused = TestBuilds.freshVersion();
        as(alice).body(Map.of("release", release, "type", "security", "title", "",
                        "modulemd", TestBuilds.nginxModulemd(unused),
                        "references", List.of(Map.of("kind", "cve", "id", "CVE-26-1"),
                                Map.of("kind", "cve", "id", "CVE-2026-1234", "fixedIn", List.of("openssl")))))
                .post("api/v1/updates").then().statusCode(422)
                .body("errors.field", contains("severity", "title"));
        as(alice).body(Map.of("release", release, "type", "security", "severity", "low", "title", "t",
                        "modulemd", TestBuilds.nginxModulemd(unused),
                        "references", List.of(Map.of("kind", "cve", "id", "CVE-26-1"),
                                Map.of("kind", "cve", "id", "CVE-2026-1234", "fixedIn", List.of("openssl")))))
                .post("api/v1/updates").then().statusCode(422)
                .body("errors.field", contains("references[0].id", "references[1].fixedIn"));
        as(alice).body("{\"release\": \"" + release + "\", \"title\": ").post("api/v1/updates").then().statusCode(400)
                .contentType("application/problem+json");
        as(alice).body("{\"release\": \"" + release + "\", \"title\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .post("api/v1/updates").then().statusCode(413);
        as(alice).body("<script>alert(1)</script>".repeat(1)).post("api/v1/updates").then().statusCode(400);

        assertThat(updateCount()).isEqualTo(updates);
        assertThat(ApiTokens.count("select count(*) from module_build")).isEqualTo(builds);
    }

    @Test
    void aNewerBuildObsoletesTheOlderUpdateAndKeepsItsCve() {
        String alias = submitted();
        as(admin).body(Map.of("severity", "critical")).patch("api/v1/updates/" + alias).then().statusCode(200);
        String newer = as(alice).body(Map.of("release", release, "type", "bugfix", "title", "nginx: rebase to 1.24.1",
                        "modulemd", TestBuilds.nginxModulemd().replace("1.24.0-4", "1.24.1-1")))
                .post("api/v1/updates").then().statusCode(201)
                .body("type", equalTo("security")).body("severity", equalTo("critical"))
                .body("references.id", hasItem("CVE-2026-21001"))
                .extract().path("alias");
        as(null).get("api/v1/updates/" + alias).then().body("status", equalTo("obsolete"))
                .body("obsoletedBy", equalTo(newer)).body("references.id", hasItem("CVE-2026-21001"));
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String alias = submitted();
        as(bob).body(Map.of("text", "hello")).post("api/v1/updates/" + alias + "/comments").then().statusCode(201);
        ApiTokens.revokeAll("bob");
        as(bob).body(Map.of("text", "hello")).post("api/v1/updates/" + alias + "/comments").then().statusCode(401);
    }

    @Test
    void releasesModulesAndBuildsAreListed() {
        long older = TestBuilds.freshVersion();
        api().submit(alice, nginxUpdate(older));
        long newer = TestBuilds.freshVersion();
        api().submit(alice, nginxUpdate(newer));
        as(null).get("api/v1/releases").then().statusCode(200).body("name", hasItems("F45", release))
                .body("find { it.name == 'F45' }.modules", hasItem("nginx:1.24"));
        as(null).get("api/v1/modules").then().statusCode(200)
                .body("find { it.nameStream == 'nginx:1.24' }.ownerGroup", equalTo("nginx-maintainers"));
        RestAssured.given().baseUri(base.toString()).get("openapi").then().statusCode(200)
                .body(containsString("/api/v1/updates/{alias}/comments"));
        as(null).get("api/v1/builds?module=nginx:1.24&release=" + release).then().statusCode(200).body("nsvca",
                contains(TestBuilds.nginxNsvca(newer), TestBuilds.nginxNsvca(older)));
    }
}

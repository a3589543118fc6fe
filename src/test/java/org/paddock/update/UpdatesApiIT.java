package org.paddock.update;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.Deployments;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The update REST API against the real WAR and PostgreSQL: round trips, who may do what (anonymous,
 * another group, owner, policy editor, admin, token), and bad input refused precisely with nothing stored.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpdatesApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.paddock();
    }

    @ArquillianResource
    URL base;

    static String alice;
    static String bob;
    static String erin;
    static String admin;
    static String alias;

    private RequestSpecification as(String token) {
        RequestSpecification spec = RestAssured.given().baseUri(base.toString()).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    private static String resource(String name) {
        try (InputStream in = UpdatesApiIT.class.getResourceAsStream("/update/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> nginxUpdate() {
        return Map.of("release", "F45", "modulemd", resource("nginx-1.24-modulemd.yaml"), "type", "security",
                "severity", "important", "title", "nginx: fix HTTP/2 request smuggling",
                "notes", "Fixes **CVE-2026-21001** in the perl module.<script>alert(1)</script>",
                "suggestion", "restart",
                "references", List.of(
                        Map.of("kind", "cve", "id", "CVE-2026-21001", "title", "request smuggling",
                                "fixedIn", List.of("nginx-mod-http-perl")),
                        Map.of("kind", "bugzilla", "id", "2300001", "title", "nginx: CVE-2026-21001")));
    }

    private static long updateCount() {
        return ApiTokens.count("select count(*) from module_update");
    }

    @Test
    @Order(1)
    void anonymousMayReadButNotWrite() {
        long before = updateCount();
        alice = ApiTokens.issue("alice");
        bob = ApiTokens.issue("bob");
        erin = ApiTokens.issue("erin");
        admin = ApiTokens.issue("admin");

        as(null).get("api/v1/updates").then().statusCode(200).body("page", equalTo(1));
        as(null).body(nginxUpdate()).post("api/v1/updates").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("API token"));
        as("pdk_not-a-real-token").get("api/v1/updates").then().statusCode(401)
                .body("detail", equalTo("the API token is unknown or revoked"));
        assertThat(updateCount()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void aMaintainerSubmitsFromModulemdWithACveFixedByOnePackage() {
        ValidatableResponse created = as(alice).body(nginxUpdate()).post("api/v1/updates").then().statusCode(201)
                .header("Location", containsString("/api/v1/updates/PADDOCK-"))
                .body("alias", startsWith("PADDOCK-2026-"))
                .body("status", equalTo("pending")).body("request", equalTo("testing"))
                .body("type", equalTo("security")).body("severity", equalTo("important"))
                .body("submitter", equalTo("alice"))
                .body("builds[0].nsvca", equalTo("nginx:1.24:4520261101120000:9edba152:x86_64"))
                .body("builds[0].packages.size()", equalTo(5))
                .body("references.id", contains("CVE-2026-21001", "2300001"))
                .body("references[0].url", equalTo("https://www.cve.org/CVERecord?id=CVE-2026-21001"))
                .body("references[0].fixedIn", contains("nginx-mod-http-perl-1:1.24.0-4.module_f45+9876+9edba152.x86_64"))
                .body("builds[0].packages.find { it.name == 'nginx-mod-http-perl' }.fixes", contains("CVE-2026-21001"))
                .body("builds[0].packages.find { it.name == 'nginx-core' }.fixes.size()", equalTo(0))
                .body("builds[0].packages.find { it.name == 'nginx-core' }.purl",
                        equalTo("pkg:rpm/fedora/nginx-core@1.24.0-4.module_f45%2B9876%2B9edba152?arch=x86_64&epoch=1"));
        alias = created.extract().path("alias");

        as(null).get("api/v1/updates/" + alias).then().statusCode(200).body("title", equalTo("nginx: fix HTTP/2 request smuggling"));
        as(null).get("api/v1/builds/nginx:1.24:4520261101120000:9edba152:x86_64").then().statusCode(200)
                .body("packages.size()", equalTo(5));
    }

    @Test
    @Order(3)
    void theListFindsItByEveryFilter() {
        for (String query : List.of("cve=CVE-2026-21001", "cve=cve-2026-21001", "bug=2300001", "q=nginx-mod-http-perl",
                "q=" + alias, "q=smuggling", "module=nginx", "module=nginx:1.24", "release=F45", "status=pending",
                "request=testing", "type=security", "severity=important", "submitter=alice")) {
            as(null).get("api/v1/updates?" + query).then().statusCode(200)
                    .body("items.alias", hasItem(alias));
        }
        for (String query : List.of("cve=CVE-2026-99999", "module=ruby", "status=stable", "submitter=bob", "q=openssl")) {
            as(null).get("api/v1/updates?" + query).then().statusCode(200).body("items.alias", not(hasItem(alias)));
        }
        as(null).get("api/v1/updates?status=bogus&rows=0").then().statusCode(422)
                .body("errors.field", contains("rows"));
        as(null).get("api/v1/updates?status=bogus").then().statusCode(422)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].reason", containsString("pending, testing, stable, unpushed, obsolete, revoked"));
    }

    @Test
    @Order(4)
    void onlyTheOwningGroupAndAdminsMayEdit() {
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
    @Order(5)
    void stableIsRefusedWhilePendingWithTheReason() {
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
    @Order(6)
    void commentsCarryKarmaAndOnlyTheLatestVoteCounts() {
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
    @Order(7)
    void badInputIsRefusedPreciselyAndNothingIsStored() {
        long updates = updateCount();
        long builds = ApiTokens.count("select count(*) from module_build");
        Map<String, Object> badNevra = Map.of("release", "F45", "type", "bugfix", "title", "x",
                "newBuilds", List.of(Map.of("name", "ruby", "stream", "3.3", "version", 1, "context", "c0ffee43",
                        "arch", "x86_64", "rpms", List.of(Map.of("nevra", "ruby-3.3.0")),
                        "packages", List.of("pkg:gem/rails@7.1.0", "pkg:maven/only-a-name@1"))));
        as(bob).body(badNevra).post("api/v1/updates").then().statusCode(422)
                .body("errors.field", contains("newBuilds[0].rpms[0]", "newBuilds[0].packages[1]"))
                .body("errors[0].reason", containsString("NEVRA 'ruby-3.3.0'"));

        as(alice).body(Map.of("release", "F45", "type", "security", "title", "x", "modulemd", "data: [unclosed"))
                .post("api/v1/updates").then().statusCode(422)
                .body("errors[0].field", equalTo("modulemd")).body("errors[0].reason", containsString("line"));
        as(alice).body(Map.of("release", "F99", "type", "bugfix", "title", "x", "modulemd", resource("nginx-1.24-modulemd.yaml")))
                .post("api/v1/updates").then().statusCode(422).body("errors[0].field", equalTo("release"))
                .body("errors[0].reason", equalTo("there is no release 'F99'"));
        as(alice).body(Map.of("release", "F45", "type", "bugfix", "title", "x",
                        "modulemd", resource("nginx-1.24-modulemd.yaml").replace("name: nginx", "name: httpd")))
                .post("api/v1/updates").then().statusCode(422)
                .body("errors[0].reason", equalTo("release F45 has no module stream httpd:1.24"));
        as(alice).body(Map.of("release", "F45", "type", "bugfix", "title", "again", "modulemd", resource("nginx-1.24-modulemd.yaml")))
                .post("api/v1/updates").then().statusCode(422)
                .body("errors[0].reason", equalTo("module build nginx:1.24:4520261101120000:9edba152:x86_64 was already submitted"));
        as(alice).body(Map.of("release", "F45", "type", "security", "title", "",
                        "modulemd", resource("nginx-1.24-modulemd.yaml").replace("4520261101120000", "4520261101130000"),
                        "references", List.of(Map.of("kind", "cve", "id", "CVE-26-1"),
                                Map.of("kind", "cve", "id", "CVE-2026-1234", "fixedIn", List.of("openssl")))))
                .post("api/v1/updates").then().statusCode(422)
                .body("errors.field", contains("severity", "title"));
        as(alice).body(Map.of("release", "F45", "type", "security", "severity", "low", "title", "t",
                        "modulemd", resource("nginx-1.24-modulemd.yaml").replace("4520261101120000", "4520261101130000"),
                        "references", List.of(Map.of("kind", "cve", "id", "CVE-26-1"),
                                Map.of("kind", "cve", "id", "CVE-2026-1234", "fixedIn", List.of("openssl")))))
                .post("api/v1/updates").then().statusCode(422)
                .body("errors.field", contains("references[0].id", "references[1].fixedIn"));
        as(alice).body("{\"release\": \"F45\", \"title\": ").post("api/v1/updates").then().statusCode(400)
                .contentType("application/problem+json");
        as(alice).body("{\"release\": \"F45\", \"title\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .post("api/v1/updates").then().statusCode(413);
        as(alice).body("<script>alert(1)</script>".repeat(1)).post("api/v1/updates").then().statusCode(400);

        assertThat(updateCount()).isEqualTo(updates);
        assertThat(ApiTokens.count("select count(*) from module_build")).isEqualTo(builds);
    }

    @Test
    @Order(8)
    void aNewerBuildObsoletesTheOlderUpdateAndKeepsItsCve() {
        String newer = as(alice).body(Map.of("release", "F45", "type", "bugfix", "title", "nginx: rebase to 1.24.1",
                        "modulemd", resource("nginx-1.24-modulemd.yaml").replace("4520261101120000", "4520261201120000")
                                .replace("1.24.0-4", "1.24.1-1")))
                .post("api/v1/updates").then().statusCode(201)
                .body("type", equalTo("security")).body("severity", equalTo("critical"))
                .body("references.id", hasItem("CVE-2026-21001"))
                .extract().path("alias");
        as(null).get("api/v1/updates/" + alias).then().body("status", equalTo("obsolete"))
                .body("obsoletedBy", equalTo(newer)).body("references.id", hasItem("CVE-2026-21001"));
    }

    @Test
    @Order(9)
    void aRevokedTokenNoLongerWorks() {
        ApiTokens.revokeAll("bob");
        as(bob).body(Map.of("text", "hello")).post("api/v1/updates/" + alias + "/comments").then().statusCode(401);
    }

    @Test
    @Order(10)
    void releasesModulesAndBuildsAreListed() {
        as(null).get("api/v1/releases").then().statusCode(200).body("name", hasItem("F45"))
                .body("find { it.name == 'F45' }.modules", hasItem("nginx:1.24"));
        as(null).get("api/v1/modules").then().statusCode(200)
                .body("find { it.nameStream == 'nginx:1.24' }.ownerGroup", equalTo("nginx-maintainers"));
        RestAssured.given().baseUri(base.toString()).get("openapi").then().statusCode(200)
                .body(containsString("/api/v1/updates/{alias}/comments"));
        as(null).get("api/v1/builds?module=nginx:1.24").then().statusCode(200).body("nsvca", org.hamcrest.Matchers.hasItems(
                "nginx:1.24:4520261101120000:9edba152:x86_64", "nginx:1.24:4520261201120000:9edba152:x86_64"));
    }
}

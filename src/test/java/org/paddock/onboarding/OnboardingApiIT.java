package org.paddock.onboarding;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.DeployedApi;
import org.paddock.testsupport.TestBuilds;
import org.paddock.testsupport.TestDatabase;
import org.paddock.testsupport.TestReleases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Onboarding in bulk against the real WAR and PostgreSQL: an onboarding file's dry run (the plan, nothing stored), its
 * import, an idempotent re-run; a repository's modules.yaml into a release; every bad input refused with its path
 * into the file and nothing stored; and who may.
 */
class OnboardingApiIT extends DeployedApi {

    /** The counts an import changes: nothing of them moves when it is refused or only a dry run. */
    private static final String COUNTS = """
            select (select count(*) from release) || '/' || (select count(*) from module_stream) || '/'
            || (select count(*) from paddock_group) || '/' || (select count(*) from group_member) || '/'
            || (select count(*) from module_build) || '/' || (select count(*) from admin_change)""";

    final String admin = ApiTokens.issue("admin");
    final String alice = ApiTokens.issue("alice");
    final String erin = ApiTokens.issue("erin");
    /** What a test made, removed after it: releases with everything in them, then groups with their members. */
    final List<String> releases = new ArrayList<>();
    final List<String> groups = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() throws Exception {
        for (String r : releases) {
            TestReleases.delete(r);
        }
        try (Connection c = TestDatabase.connect();
             PreparedStatement members = c.prepareStatement("delete from group_member where group_id = (select id from paddock_group where name = ?)");
             PreparedStatement group = c.prepareStatement("delete from paddock_group where name = ?")) {
            for (String g : groups) {
                members.setString(1, g);
                members.executeUpdate();
                group.setString(1, g);
                group.executeUpdate();
            }
        }
    }

    private String release(String prefix) {
        String name = TestReleases.name(prefix);
        releases.add(name);
        return name;
    }

    private String group() {
        String name = TestReleases.name("onb-").toLowerCase(Locale.ROOT);
        groups.add(name);
        return name;
    }

    private ValidatableResponse post(String token, String path, String yaml) {
        return as(token).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8)).post(path).then();
    }

    private static String counts() {
        try (Connection c = TestDatabase.connect(); var s = c.createStatement(); var rs = s.executeQuery(COUNTS)) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDryRunPlansAndStoresNothingTheImportMakesItAndARerunChangesNothing() {
        String r = release("ONB");
        String g = group();
        String file = """
                groups:
                  - name: %2$s
                    description: Apache httpd
                    members: [alice]
                releases:
                  - name: %1$s
                    longName: Onboarded %1$s
                    state: current
                    aliasPrefix: ONBOARD
                    streams:
                      - {name: httpd, stream: 2.4, ownerGroup: %2$s, summary: Apache httpd, eol: 2099-06-01}
                      - {name: scala, stream: 2.10, ownerGroup: nginx-maintainers}
                """.formatted(r, g);
        String before = counts();
        post(admin, "api/v1/onboarding?dryRun=true", file).statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(5)).body("unchanged", equalTo(0))
                .body("steps.kind", org.hamcrest.Matchers.contains("group", "member", "release", "stream", "stream"))
                .body("steps.subject", org.hamcrest.Matchers.contains(g, g + "/alice", r, r + "/httpd:2.4", r + "/scala:2.10"))
                .body("steps.action", everyItem(equalTo("create")))
                .body("steps[3].detail", equalTo("owned by " + g + ", end of life 2099-06-01"));
        assertThat(counts()).as("a dry run stores nothing").isEqualTo(before);
        as(null).get("api/v1/releases/" + r).then().statusCode(404);

        post(admin, "api/v1/onboarding", file).statusCode(201).body("dryRun", equalTo(false)).body("created", equalTo(5));
        as(null).get("api/v1/releases/" + r).then().statusCode(200).body("release.state", equalTo("current"))
                .body("release.aliasPrefix", equalTo("ONBOARD")).body("release.modules", containsInAnyOrder("httpd:2.4", "scala:2.10"))
                .body("changes[0].by", equalTo("admin"));
        as(null).get("api/v1/modules?release=" + r).then()
                .body("find { it.nameStream == 'httpd:2.4' }.ownerGroup", equalTo(g))
                .body("find { it.nameStream == 'httpd:2.4' }.eol", equalTo("2099-06-01"))
                .body("find { it.nameStream == 'scala:2.10' }.ownerGroup", equalTo("nginx-maintainers"));
        as(admin).get("api/v1/groups/" + g).then().statusCode(200).body("members", org.hamcrest.Matchers.contains("alice"))
                .body("streams", hasItem(r + "/httpd:2.4"));
        as(admin).get("api/v1/groups/" + g + "/changes").then().body("by", everyItem(equalTo("admin")));

        String after = counts();
        post(admin, "api/v1/onboarding", file).statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(5))
                .body("steps.action", everyItem(equalTo("unchanged")));
        assertThat(counts()).as("a re-run changes nothing").isEqualTo(after);

        // the same file with one stream more: only that one is made
        post(admin, "api/v1/onboarding", file + "      - {name: nginx, stream: '1.26', ownerGroup: " + g + "}\n")
                .statusCode(201).body("created", equalTo(1)).body("unchanged", equalTo(5));
        as(null).get("api/v1/releases/" + r).then().body("release.modules", hasItem("nginx:1.26"));
    }

    @Test
    void aRepositorysModulesYamlImportsEveryNewBuildAndLeavesKnownOnes() throws IOException {
        String r = release("MOD");
        try {
            TestReleases.create(r, Map.of());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        String path = "api/v1/releases/" + r + "/modules";
        // nginx is owned by nginx-maintainers in F45: its first build here makes the stream, owned by that group
        long v = TestBuilds.freshVersion();
        String before = counts();
        post(admin, path + "?dryRun=true", TestBuilds.nginxModulemd(v)).statusCode(200).body("dryRun", equalTo(true))
                .body("steps.kind", org.hamcrest.Matchers.contains("stream", "build"))
                .body("steps[0].subject", equalTo(r + "/nginx:1.24")).body("steps[0].detail", equalTo("owned by nginx-maintainers"))
                .body("steps[1].subject", equalTo(TestBuilds.nginxNsvca(v))).body("steps[1].detail", equalTo("5 package(s)"));
        assertThat(counts()).isEqualTo(before);

        // pulp-fixtures' modules.yaml: 11 modulemd v2 documents, defaults and obsoletes (skipped); fresh versions
        String repo = freshVersions(resource("/artifact/modulemd/pulp-fixtures-modules.yaml"));
        post(admin, path, repo).statusCode(422).body("errors[0].field", equalTo("ownerGroup"))
                .body("errors[0].reason", containsString("nodejs:5 is new in " + r));
        assertThat(counts()).isEqualTo(before);
        post(admin, path + "?ownerGroup=ruby-maintainers", repo).statusCode(201).body("created", equalTo(22))
                .body("unchanged", equalTo(0));
        as(null).get("api/v1/modules?release=" + r).then().body("size()", equalTo(11))
                .body("ownerGroup", everyItem(equalTo("ruby-maintainers")));
        as(null).get("api/v1/releases/" + r).then().body("changes[0].field", equalTo("modulesImported"))
                .body("changes[0].by", equalTo("admin")).body("changes[0].to", equalTo("11 module build(s) from a modules.yaml"));
        as(null).get("api/v1/builds?release=" + r).then().body("size()", equalTo(11))
                .body("find { it.name == 'dwm' }.packages", org.hamcrest.Matchers.not(empty()));
        String after = counts();
        post(admin, path + "?ownerGroup=ruby-maintainers", repo).statusCode(200).body("created", equalTo(0))
                .body("unchanged", equalTo(11)).body("steps.detail", everyItem(equalTo("known already, in " + r)));
        assertThat(counts()).isEqualTo(after);

        post(admin, path, "not: [modulemd").statusCode(422).body("errors[0].field", equalTo("modulemd"));
        post(admin, "api/v1/releases/NOPE" + r + "/modules", TestBuilds.nginxModulemd()).statusCode(404);
        post(alice, path, TestBuilds.nginxModulemd()).statusCode(403)
                .body("detail", startsWith("alice may not import a repository's module builds"));
        post(null, path, TestBuilds.nginxModulemd()).statusCode(401);
        assertThat(counts()).isEqualTo(after);
    }

    @Test
    void badInputIsRefusedAtItsPathIntoTheFileAndNothingIsStored() {
        String r = release("BAD");
        String g = group();
        String okRelease = "  - {name: " + r + ", longName: Fine, aliasPrefix: FINE}\n";
        String[][] cases = {
                // file, field, words of the reason
                {"releases:\n" + okRelease + "  - {name: " + r + ", longName: Again, aliasPrefix: FINE}\n",
                        "releases[1].name", "in the file twice"},
                {"releases:\n" + okRelease + "  - {name: X" + r + ", longName: x, state: released, aliasPrefix: X}\n",
                        "releases[1].state", "unknown release state 'released'"},
                {"releases:\n" + okRelease + "  - {name: X" + r + ", longName: x, aliasPrefix: fedora}\n",
                        "releases[1].aliasPrefix", "capital letters"},
                {"releases:\n  - name: " + r + "\n    longName: x\n    aliasPrefix: X\n    streams:\n"
                        + "      - {name: httpd, stream: '2.4', ownerGroup: nginx-maintainers, eol: 2020-01-01}\n",
                        "releases[0].streams[0].eol", "in the past"},
                {"releases:\n  - name: " + r + "\n    longName: x\n    aliasPrefix: X\n    streams:\n"
                        + "      - {name: httpd, stream: '2.4', ownerGroup: no-such-group}\n",
                        "releases[0].streams[0].ownerGroup", "there is no group 'no-such-group'"},
                {"groups:\n  - {name: " + g + ", members: [alice, nobody-at-all]}\nreleases:\n" + okRelease,
                        "groups[0].members[1]", "there is no user 'nobody-at-all'"},
                {"groups:\n  - {name: " + g.toUpperCase(Locale.ROOT) + "}\n", "groups[0].name", "lower-case"},
                {"releases:\n" + okRelease + "  - {name: F45, state: frozen}\n", "releases[1].state",
                        "is 'current' in Paddock, not 'frozen'"},
                {"releases:\n" + okRelease + "  - {name: F45, streams: [{name: nginx, stream: '1.24', ownerGroup: ruby-maintainers}]}\n",
                        "releases[1].streams[0].ownerGroup", "is 'nginx-maintainers' in Paddock"},
                {"releases:\n  - {name: " + r + ", longName: x, aliasPrefix: X, streams: [{name: httpd, stream: '2.4', owner: g}]}\n",
                        "releases[0].streams[0]", "unknown key 'owner'"},
                {"releases: [{name: " + r, "body", "is not YAML"},
        };
        String before = counts();
        for (String[] c : cases) {
            for (String dry : List.of("?dryRun=true", "")) {
                post(admin, "api/v1/onboarding" + dry, c[0]).statusCode(422)
                        .body("errors.field", hasItem(c[1]))
                        .body("errors.find { it.field == '" + c[1] + "' }.reason", containsString(c[2]));
                assertThat(counts()).as("nothing stored after\n" + c[0]).isEqualTo(before);
            }
        }
        as(null).get("api/v1/releases/" + r).then().statusCode(404);
        as(admin).get("api/v1/groups/" + g).then().statusCode(404);
    }

    @Test
    void onlyAdminsImport() {
        String r = release("WHO");
        String file = "releases:\n  - {name: " + r + ", longName: x, aliasPrefix: X}\n";
        String before = counts();
        for (String dry : List.of("?dryRun=true", "")) {
            post(alice, "api/v1/onboarding" + dry, file).statusCode(403)
                    .body("detail", startsWith("alice may not import releases and module streams: only admins may"));
            post(erin, "api/v1/onboarding" + dry, file).statusCode(403);
            post(null, "api/v1/onboarding" + dry, file).statusCode(401);
        }
        // the refusal comes before the body is read: a non-admin learns nothing from a bad file
        post(alice, "api/v1/onboarding", "releases: [").statusCode(403);
        assertThat(counts()).isEqualTo(before);
        post(admin, "api/v1/onboarding", file).statusCode(201);
    }

    /** {@code yaml} with every module version ({@code   version: 2018…} under data) replaced by a fresh one. */
    private static String freshVersions(String yaml) {
        Matcher m = Pattern.compile("(?m)^  version: \\d+$").matcher(yaml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "  version: " + TestBuilds.freshVersion());
        }
        return m.appendTail(out).toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OnboardingApiIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.paddock.platform.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.DeployedApi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Groups and people over the REST API, as admins manage them: round trips, who may do what, a disabled user's
 * token refused at once, bad input answered with the field and nothing stored, and every change in admin_change
 * with who made it. Each test makes its own group and user, so the tests share one deployment and one database.
 */
class PeopleApiIT extends DeployedApi {

    private static final String CHANGES = "select count(*) from admin_change";
    private static final String ROWS = "select (select count(*) from paddock_group) + (select count(*) from group_member)"
            + " + (select count(*) from user_role) + (select count(*) from admin_change)"
            + " + (select count(*) from paddock_user where active)";

    String admin;
    String alice;
    String suffix;

    @BeforeEach
    void tokens() {
        admin = ApiTokens.issue("admin");
        alice = ApiTokens.issue("alice");
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh user of this test, created by an admin on the Users page's service (no REST create exists). */
    private String newUser(String role) {
        String name = "p" + suffix;
        org.paddock.testsupport.TestDatabase.ensureRunning();
        try (var c = org.paddock.testsupport.TestDatabase.connect();
             var s = c.prepareStatement("insert into paddock_user (username, display_name, email, password_hash) "
                     + "values (?, 'Pat', '', 'x')")) {
            s.setString(1, name);
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        as(admin).body(Map.of("roles", List.of(role))).patch("api/v1/users/" + name).then().statusCode(200);
        return name;
    }

    @Test
    void anAdminCreatesAGroupAddsAndRemovesMembersAndSeesItsStreams() {
        String group = "httpd-" + suffix;
        as(admin).body(Map.of("name", group, "description", "Maintainers of httpd")).post("api/v1/groups")
                .then().statusCode(201).body("name", equalTo(group)).body("members", equalTo(List.of()));
        as(admin).get("api/v1/groups").then().statusCode(200).body("name", hasItem(group));

        as(admin).put("api/v1/groups/" + group + "/members/alice").then().statusCode(200)
                .body("members", contains("alice"));
        as(admin).get("api/v1/users/alice").then().statusCode(200).body("groups", hasItem(group)).body("signIn", equalTo("password"));
        as(admin).body(Map.of("description", "The httpd people")).patch("api/v1/groups/" + group)
                .then().statusCode(200).body("description", equalTo("The httpd people"));
        as(admin).delete("api/v1/groups/" + group + "/members/alice").then().statusCode(200)
                .body("members", equalTo(List.of()));
        as(admin).get("api/v1/users/alice").then().body("groups", not(hasItem(group)));

        // a demo group owns a stream: it is named as release/name:stream
        as(admin).get("api/v1/groups/nginx-maintainers").then().statusCode(200)
                .body("streams", hasItem("F45/nginx:1.24")).body("members", hasItem("alice"));

        as(admin).get("api/v1/groups/" + group + "/changes").then().statusCode(200)
                .body("field", contains("member", "description", "member", "description", "name"))
                .body("by", everyone("admin"));
        as(admin).get("api/v1/groups/nobody-" + suffix).then().statusCode(404);
    }

    @Test
    void anAdminChangesAUsersRolesGroupsNameAndEmail() {
        String user = newUser("maintainer");
        as(admin).body(Map.of("roles", List.of("maintainer", "policy_editor"), "groups", List.of("ruby-maintainers"),
                        "displayName", "Pat Example", "email", "pat@example.org"))
                .patch("api/v1/users/" + user).then().statusCode(200)
                .body("roles", contains("maintainer", "policy_editor")).body("groups", contains("ruby-maintainers"))
                .body("displayName", equalTo("Pat Example")).body("email", equalTo("pat@example.org"));
        as(admin).get("api/v1/groups/ruby-maintainers").then().body("members", hasItem(user));

        var changes = as(admin).get("api/v1/users/" + user + "/changes").then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("field", String.class))
                .containsExactlyInAnyOrder("roles", "groups", "displayName", "email", "roles");
        assertThat(changes.getList("by", String.class)).containsOnly("admin");
        assertThat(changes.getList("to", String.class)).contains("maintainer, policy_editor", "ruby-maintainers");
    }

    @Test
    void disablingAUserStopsTheirTokenAtOnceAndEnablingLetsThemBackIn() {
        String user = newUser("maintainer");
        String token = ApiTokens.issue(user);
        as(token).get("api/v1/users/" + user).then().statusCode(403); // a maintainer, known: refused, not unknown

        as(admin).body(Map.of("active", false)).patch("api/v1/users/" + user).then().statusCode(200)
                .body("active", equalTo(false));
        as(token).get("api/v1/users/" + user).then().statusCode(401);
        as(token).body(Map.of("name", "x-" + suffix)).post("api/v1/groups").then().statusCode(401);

        as(admin).body(Map.of("active", true)).patch("api/v1/users/" + user).then().statusCode(200);
        as(token).get("api/v1/users/" + user).then().statusCode(403);
        as(admin).get("api/v1/users/" + user + "/changes").then()
                .body("findAll { it.field == 'active' }.to", contains("true", "false"));
    }

    @Test
    void anAdminResetsAPassword() {
        String user = newUser("maintainer");
        as(admin).body(Map.of("password", "a-new-secret")).post("api/v1/users/" + user + "/password")
                .then().statusCode(204);
        assertThat(ApiTokens.count("select count(*) from paddock_user where username = '" + user
                + "' and password_hash <> 'x'")).isEqualTo(1);
        as(admin).body(Map.of("password", "short")).post("api/v1/users/" + user + "/password")
                .then().statusCode(422).body("errors.field", contains("password"));
        as(admin).get("api/v1/users/" + user + "/changes").then()
                .body("findAll { it.field == 'password' }.by", contains("admin"));
    }

    @Test
    void onlyAdminsManageGroupsAndPeople() {
        long before = ApiTokens.count(ROWS);
        as(alice).get("api/v1/groups").then().statusCode(403);
        as(alice).body(Map.of("name", "mine-" + suffix)).post("api/v1/groups").then().statusCode(403);
        as(alice).put("api/v1/groups/ruby-maintainers/members/alice").then().statusCode(403);
        as(alice).delete("api/v1/groups/nginx-maintainers/members/alice").then().statusCode(403);
        as(alice).body(Map.of("roles", List.of("admin"))).patch("api/v1/users/alice").then().statusCode(403);
        as(alice).body(Map.of("password", "long-enough")).post("api/v1/users/bob/password").then().statusCode(403);
        as(null).get("api/v1/users").then().statusCode(401);
        assertThat(ApiTokens.count(ROWS)).isEqualTo(before);
    }

    @Test
    void anAdminMayNotDisableThemselfNorDropTheirOwnAdminRole() {
        long before = ApiTokens.count(ROWS);
        as(admin).body(Map.of("active", false)).patch("api/v1/users/admin").then().statusCode(409);
        as(admin).body(Map.of("roles", List.of("maintainer"))).patch("api/v1/users/admin").then().statusCode(409);
        assertThat(ApiTokens.count(ROWS)).isEqualTo(before);
        as(admin).get("api/v1/users/admin").then().body("active", equalTo(true)).body("roles", hasItem("admin"));
    }

    @Test
    void badInputIsAnsweredWithTheFieldAndNothingIsStored() {
        record Case(String method, String path, Map<String, ?> body, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case("POST", "api/v1/groups", Map.of("name", "nginx-maintainers"), 422, "name"),
                new Case("POST", "api/v1/groups", Map.of("name", "Httpd Maintainers"), 422, "name"),
                new Case("POST", "api/v1/groups", Map.of("name", "-httpd"), 422, "name"),
                new Case("POST", "api/v1/groups", Map.of("description", "no name"), 422, "name"),
                new Case("POST", "api/v1/groups", Map.of("name", "ok-" + suffix, "description", "d".repeat(201)), 422,
                        "description"),
                new Case("PUT", "api/v1/groups/nginx-maintainers/members/nobody-" + suffix, null, 422, "username"),
                new Case("PUT", "api/v1/groups/nobody-" + suffix + "/members/alice", null, 404, null),
                new Case("PATCH", "api/v1/groups/nobody-" + suffix, Map.of("description", "x"), 404, null),
                new Case("PATCH", "api/v1/users/alice", Map.of("roles", List.of("maintainer", "wizard")), 422, "roles"),
                new Case("PATCH", "api/v1/users/alice", Map.of("groups", List.of("nobody-" + suffix)), 422, "groups"),
                // one bad field refuses the good ones with it
                new Case("PATCH", "api/v1/users/alice", Map.of("displayName", "Alice B", "email", "not-an-address"),
                        422, "email"),
                new Case("PATCH", "api/v1/users/alice", Map.of("displayName", " "), 422, "displayName"),
                new Case("PATCH", "api/v1/users/nobody-" + suffix, Map.of("active", false), 404, null),
                new Case("POST", "api/v1/users/alice/password", Map.of(), 422, "password"));
        for (Case c : cases) {
            long rows = ApiTokens.count(ROWS);
            long changes = ApiTokens.count(CHANGES);
            var request = as(admin);
            if (c.body() != null) {
                request = request.body(c.body());
            }
            var answer = request.request(c.method(), c.path()).then();
            answer.statusCode(c.status());
            if (c.field() != null) {
                answer.body("errors.field", hasItem(c.field()));
            }
            assertThat(ApiTokens.count(ROWS)).as(c.toString()).isEqualTo(rows);
            assertThat(ApiTokens.count(CHANGES)).as(c.toString()).isEqualTo(changes);
        }
        as(admin).get("api/v1/users/alice").then().body("displayName", not(equalTo("Alice B")));
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyone(String who) {
        return org.hamcrest.Matchers.everyItem(equalTo(who));
    }
}

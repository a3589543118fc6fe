package org.paddock.release;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.DeployedApi;
import org.paddock.testsupport.TestBuilds;
import org.paddock.testsupport.TestReleases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Releases as a distribution's admins make them, against the real WAR and PostgreSQL: create one with the prefix of
 * its advisories' ids, move it through its states, branch a new one from it with streams, owners and cadences, and
 * the refusals — each naming its field, nothing stored — and who may.
 */
class ReleasesApiIT extends DeployedApi {

    String admin;
    String alice;
    String erin;
    final List<String> made = new ArrayList<>();

    @BeforeEach
    void tokens() {
        admin = ApiTokens.issue("admin");
        alice = ApiTokens.issue("alice");
        erin = ApiTokens.issue("erin");
    }

    @AfterEach
    void removeWhatWasMade() throws Exception {
        for (String name : made) {
            TestReleases.delete(name);
        }
    }

    private String fresh(String prefix) {
        String name = TestReleases.name(prefix);
        made.add(name);
        return name;
    }

    @Test
    void anAdminCreatesAReleaseAndItsUpdatesCarryItsPrefix() throws Exception {
        String name = fresh("F");
        as(admin).body(Map.of("name", name, "longName", "Fedora " + name, "state", "current", "aliasPrefix", "FEDORA-EPEL"))
                .post("api/v1/releases").then().statusCode(201).body("name", equalTo(name))
                .body("state", equalTo("current")).body("aliasPrefix", equalTo("FEDORA-EPEL"));
        as(null).get("api/v1/releases").then().statusCode(200).body("name", hasItem(name));
        as(null).get("api/v1/releases/" + name).then().statusCode(200).body("release.longName", equalTo("Fedora " + name))
                .body("changes[0].by", equalTo("admin")).body("changes[0].field", equalTo("created"));

        // a module stream owned by alice's group (streams from the first build come with the next slice)
        try (var c = org.paddock.testsupport.TestDatabase.connect(); var s = c.createStatement()) {
            s.execute("insert into module_stream (release_id, name, stream, owner_group_id) select r.id, 'nginx', '1.24',"
                    + " (select id from paddock_group where name = 'nginx-maintainers') from release r where r.name = '" + name + "'");
        }
        TestBuilds.Build b = TestBuilds.build("nginx", "1.24");
        b.rpm("nginx-1.24.0-1.module_f46+1+" + b.context() + ".x86_64");
        String alias = api().submit(alice, Map.of("release", name, "type", "bugfix", "title", "first update",
                "newBuilds", List.of(b.toMap())));
        assertThat(alias).matches("FEDORA-EPEL-20\\d\\d-[0-9a-f]{10}");
    }

    @Test
    void aReleaseMovesOnThroughItsStatesAndEveryChangeIsRecorded() {
        String name = fresh("S");
        as(admin).body(Map.of("name", name, "longName", "States", "aliasPrefix", "STATES"))
                .post("api/v1/releases").then().statusCode(201).body("state", equalTo("pending"));
        as(admin).body(Map.of("state", "current", "longName", "States, out now")).patch("api/v1/releases/" + name)
                .then().statusCode(200).body("state", equalTo("current")).body("longName", equalTo("States, out now"));
        as(admin).body(Map.of("state", "frozen")).patch("api/v1/releases/" + name).then().statusCode(200);
        as(admin).body(Map.of("state", "current")).patch("api/v1/releases/" + name).then().statusCode(200);
        as(admin).body(Map.of("state", "pending")).patch("api/v1/releases/" + name).then().statusCode(409)
                .body("detail", containsString("never goes back to pending"));
        as(admin).body(Map.of("state", "archived")).patch("api/v1/releases/" + name).then().statusCode(200);
        as(admin).body(Map.of("state", "current")).patch("api/v1/releases/" + name).then().statusCode(409)
                .body("detail", containsString("archived is for good"));
        as(admin).body(Map.of("aliasPrefix", "STATES-OLD")).patch("api/v1/releases/" + name).then().statusCode(200)
                .body("aliasPrefix", equalTo("STATES-OLD"));
        as(null).get("api/v1/releases/" + name).then()
                .body("changes.field", contains("aliasPrefix", "state", "state", "state", "longName", "state", "created"))
                .body("changes[1].from", equalTo("current")).body("changes[1].to", equalTo("archived"));
    }

    @Test
    void branchingCopiesStreamsOwnersAndCadences() throws Exception {
        String from = fresh("B");
        TestReleases.create(from, Map.of("nginx:1.24", "nginx-maintainers", "ruby:3.3", "ruby-maintainers"));
        as(erin).body(Map.of("mode", "windows", "windows", List.of("0 14 * * TUE Europe/Prague 2h"),
                "minDays", Map.of("moderate", 3))).put("api/v1/cadences/" + from + "/nginx:1.24").then().statusCode(200);
        as(erin).body(Map.of("mode", "immediate", "minDays", Map.of("low", 1))).put("api/v1/cadences/" + from)
                .then().statusCode(200);
        String to = fresh("N");
        as(admin).body(Map.of("name", to, "longName", "Branched", "state", "pending"))
                .post("api/v1/releases/" + from + "/branch").then().statusCode(201)
                .body("modules", containsInAnyOrder("nginx:1.24", "ruby:3.3")).body("aliasPrefix", equalTo("PADDOCK"));
        as(null).get("api/v1/modules?release=" + to).then().statusCode(200)
                .body("find { it.nameStream == 'nginx:1.24' }.ownerGroup", equalTo("nginx-maintainers"))
                .body("find { it.nameStream == 'ruby:3.3' }.ownerGroup", equalTo("ruby-maintainers"));
        as(null).get("api/v1/cadences/" + to + "/nginx:1.24").then().statusCode(200)
                .body("source", equalTo("module stream")).body("windows", contains("0 14 * * TUE Europe/Prague 2h"))
                .body("minDays.moderate", equalTo(3));
        as(null).get("api/v1/cadences/" + to).then().statusCode(200).body("source", equalTo("release"))
                .body("minDays.low", equalTo(1));
        as(null).get("api/v1/cadences/" + to + "/ruby:3.3").then().body("source", equalTo("release"));
        as(null).get("api/v1/releases/" + to).then().body("changes.field", hasItem("branchedFrom"));
        as(admin).body(Map.of("name", to, "longName", "again")).post("api/v1/releases/" + from + "/branch")
                .then().statusCode(422).body("errors[0].field", equalTo("name"));
        as(admin).body(Map.of("name", "X" + to, "longName", "nowhere")).post("api/v1/releases/NOPE/branch")
                .then().statusCode(404);
    }

    @Test
    void refusalsNameTheFieldAndStoreNothingAndOnlyAdminsMayMakeReleases() {
        long before = ApiTokens.count("select count(*) from release");
        long changes = ApiTokens.count("select count(*) from admin_change");
        as(admin).body(Map.of("name", "F45", "longName", "again", "aliasPrefix", "FEDORA")).post("api/v1/releases")
                .then().statusCode(422).body("errors[0].field", equalTo("name")).body("errors[0].reason", containsString("already"));
        as(admin).body(Map.of("name", "9lives", "longName", "x", "aliasPrefix", "X")).post("api/v1/releases")
                .then().statusCode(422).body("errors[0].field", equalTo("name"));
        as(admin).body(Map.of("name", "G1", "longName", "x", "aliasPrefix", "fedora")).post("api/v1/releases")
                .then().statusCode(422).body("errors[0].field", equalTo("aliasPrefix"));
        as(admin).body(Map.of("name", "G1", "longName", "x", "aliasPrefix", "FEDORA", "state", "released"))
                .post("api/v1/releases").then().statusCode(422).body("errors[0].field", equalTo("state"));
        as(admin).body(Map.of("name", "G1")).post("api/v1/releases").then().statusCode(422)
                .body("errors.field", contains("longName", "aliasPrefix"));
        as(alice).body(Map.of("name", "G1", "longName", "x", "aliasPrefix", "FEDORA")).post("api/v1/releases")
                .then().statusCode(403).body("detail", startsWith("alice may not create releases"));
        as(erin).body(Map.of("state", "archived")).patch("api/v1/releases/F45").then().statusCode(403);
        as(null).body(Map.of("name", "G1", "longName", "x", "aliasPrefix", "FEDORA")).post("api/v1/releases")
                .then().statusCode(401);
        as(admin).body(Map.of("name", "F46")).patch("api/v1/releases/F45").then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        as(admin).body(Map.of("aliasPrefix", "-X")).patch("api/v1/releases/F45").then().statusCode(422)
                .body("errors[0].field", equalTo("aliasPrefix"));
        as(admin).body(Map.of("state", "current")).patch("api/v1/releases/NOPE").then().statusCode(404);
        assertThat(ApiTokens.count("select count(*) from release")).isEqualTo(before);
        assertThat(ApiTokens.count("select count(*) from admin_change")).isEqualTo(changes);
        as(null).get("api/v1/releases/F45").then().body("release.state", equalTo("current"));
    }

    /**
     * The first build of a new {@code name:stream} makes the stream, owned by the maintainer's group (asked for when
     * they have several); admins make streams, move them and end their life, after which no update is taken.
     */
    @Test
    void streamsComeWithTheirFirstBuildAndEndTheirLife() throws Exception {
        String name = fresh("M");
        as(admin).body(Map.of("name", name, "longName", "Streams", "state", "current", "aliasPrefix", "STREAMS"))
                .post("api/v1/releases").then().statusCode(201);
        String bob = ApiTokens.issue("bob");
        // bob is in one group: his first ruby:3.4 build makes the stream, owned by ruby-maintainers
        TestBuilds.Build ruby = TestBuilds.build("ruby", "3.4");
        ruby.rpm("ruby-3.4.1-1.module_f46+1+" + ruby.context() + ".x86_64");
        api().submit(bob, Map.of("release", name, "type", "bugfix", "title", "ruby 3.4", "newBuilds", List.of(ruby.toMap())));
        as(null).get("api/v1/modules?release=" + name).then()
                .body("find { it.nameStream == 'ruby:3.4' }.ownerGroup", equalTo("ruby-maintainers"));
        // nginx is owned by nginx-maintainers in F45: alice's first nginx:1.26 build goes to them too
        TestBuilds.Build nginx = TestBuilds.build("nginx", "1.26");
        nginx.rpm("nginx-1.26.0-1.module_f46+1+" + nginx.context() + ".x86_64");
        api().submit(alice, Map.of("release", name, "type", "bugfix", "title", "nginx 1.26", "newBuilds", List.of(nginx.toMap())));
        as(null).get("api/v1/modules?release=" + name).then()
                .body("find { it.nameStream == 'nginx:1.26' }.ownerGroup", equalTo("nginx-maintainers"));
        // caddy is new everywhere and alice is in two groups: she says which, and only one of her own
        TestBuilds.Build caddy = TestBuilds.build("caddy", "2");
        caddy.rpm("caddy-2.8.4-1.module_f46+1+" + caddy.context() + ".x86_64");
        Map<String, Object> update = Map.of("release", name, "type", "bugfix", "title", "caddy 2",
                "newBuilds", List.of(caddy.toMap()));
        as(alice).body(update).post("api/v1/updates").then().statusCode(422)
                .body("errors[0].field", equalTo("ownerGroup")).body("errors[0].reason", containsString("say which"));
        java.util.HashMap<String, Object> named = new java.util.HashMap<>(update);
        named.put("ownerGroup", "ruby-maintainers");
        as(alice).body(named).post("api/v1/updates").then().statusCode(422)
                .body("errors[0].field", equalTo("ownerGroup")).body("errors[0].reason", containsString("alice is not in group ruby-maintainers"));
        assertThat(ApiTokens.count("select count(*) from module_stream s join release r on r.id = s.release_id"
                + " where r.name = '" + name + "' and s.name = 'caddy'")).as("nothing half-stored").isZero();
        named.put("ownerGroup", "nginx-maintainers");
        api().submit(alice, named);

        // admins: make one, move it, end its life
        as(admin).body(Map.of("name", "httpd", "stream", "2.4", "ownerGroup", "nginx-maintainers", "summary", "Apache",
                "eol", "2020-01-01")).post("api/v1/releases/" + name + "/streams").then().statusCode(422)
                .body("errors[0].field", equalTo("eol"));
        as(admin).body(Map.of("name", "httpd", "stream", "2.4", "ownerGroup", "nobody-here"))
                .post("api/v1/releases/" + name + "/streams").then().statusCode(422).body("errors[0].field", equalTo("ownerGroup"));
        as(alice).body(Map.of("name", "httpd", "stream", "2.4", "ownerGroup", "nginx-maintainers"))
                .post("api/v1/releases/" + name + "/streams").then().statusCode(403);
        as(admin).body(Map.of("name", "httpd", "stream", "2.4", "ownerGroup", "nginx-maintainers", "summary", "Apache"))
                .post("api/v1/releases/" + name + "/streams").then().statusCode(201).body("ownerGroup", equalTo("nginx-maintainers"));
        as(admin).body(Map.of("ownerGroup", "postgresql-maintainers")).patch("api/v1/releases/" + name + "/streams/httpd:2.4")
                .then().statusCode(200).body("ownerGroup", equalTo("postgresql-maintainers"))
                .body("changes[0].field", equalTo("ownerGroup")).body("changes[0].by", equalTo("admin"));
        as(admin).body(Map.of("eol", "2020-01-01")).patch("api/v1/releases/" + name + "/streams/ruby:3.4")
                .then().statusCode(200).body("eol", equalTo("2020-01-01"));
        TestBuilds.Build late = TestBuilds.build("ruby", "3.4");
        late.rpm("ruby-3.4.2-1.module_f46+2+" + late.context() + ".x86_64");
        as(bob).body(Map.of("release", name, "type", "bugfix", "title", "too late", "newBuilds", List.of(late.toMap())))
                .post("api/v1/updates").then().statusCode(422)
                .body("errors[0].reason", containsString("reached its end of life on 2020-01-01"));
        as(null).get("api/v1/modules?release=" + name).then()
                .body("find { it.nameStream == 'ruby:3.4' }.eol", equalTo("2020-01-01"));
        as(admin).body(Map.of("eol", "")).patch("api/v1/releases/" + name + "/streams/ruby:3.4").then().statusCode(200);
        as(admin).body(Map.of("eol", "soon")).patch("api/v1/releases/" + name + "/streams/ruby:3.4").then().statusCode(422)
                .body("errors[0].field", equalTo("eol"));
        as(admin).body(Map.of("summary", "x")).patch("api/v1/releases/" + name + "/streams/nope:1").then().statusCode(404);

        // retiring: the life ends today (yesterday was the last day), once; only admins
        String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        as(alice).post("api/v1/releases/" + name + "/streams/ruby:3.4/retire").then().statusCode(403);
        as(admin).post("api/v1/releases/" + name + "/streams/ruby:3.4/retire").then().statusCode(200)
                .body("eol", equalTo(yesterday)).body("changes[0].to", equalTo(yesterday + " (retired)"));
        as(admin).post("api/v1/releases/" + name + "/streams/ruby:3.4/retire").then().statusCode(200)
                .body("eol", equalTo(yesterday)).body("changes.findAll { it.to?.contains('retired') }.size()", equalTo(1));
        as(admin).post("api/v1/releases/" + name + "/streams/nope:1/retire").then().statusCode(404);
    }
}

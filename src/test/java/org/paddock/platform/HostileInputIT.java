package org.paddock.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.DeployedApi;
import org.paddock.testsupport.TestBuilds;
import org.paddock.testsupport.RawHttp;
import org.paddock.testsupport.TestDatabase;
import org.paddock.testsupport.TestReleases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input over every endpoint that takes a body, a path or a query parameter, one case a line: each is
 * answered within the bound, with a 4xx problem document naming the field, and adds or changes no row
 * (every table is counted before and after). The first rows are the request that once spun a server thread
 * forever: an unknown property whose object is never closed.
 */
class HostileInputIT extends DeployedApi {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANY = "*";
    /** The servlet container refuses a NUL or broken UTF-8 in the path itself, before Paddock is reached: its own 400. */
    private static final String BEFORE_PADDOCK = "(before Paddock)";

    /** Each test's own: a release with nginx:1.24, one valid update in it, a webhook, and everyone's tokens. */
    String release;
    String alias;
    long webhook;
    final Map<String, String> tokens = new LinkedHashMap<>();

    /** One hostile request and what it must get: a status, and the field its problem names ({@link #ANY}, or null for none). */
    record Case(String method, String target, String who, String contentType, byte[] body, boolean chunked,
                int status, String field) {
        @Override
        public String toString() {
            String b = body == null ? "" : new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8)
                    .replace("\u0000", "\\0");
            return method + " " + (target.length() > 100 ? target.substring(0, 100) + "…" : target) + " as " + who
                    + (body == null ? "" : " " + (chunked ? "chunked " : "") + body.length + " bytes " + b);
        }
    }

    // --- the table -------------------------------------------------------------------------------------

    private List<Case> cases() {
        List<Case> t = new ArrayList<>();
        String u = "/api/v1/updates/" + alias;
        String[][] bodyEndpoints = {
                {"POST", "/api/v1/updates", "alice"},
                {"PATCH", u, "alice"},
                {"POST", u + "/hold", "alice"},
                {"POST", u + "/window-override", "erin"},
                {"POST", u + "/request", "alice"},
                {"POST", u + "/comments", "bob"},
                {"POST", "/api/v1/builds", "alice"},
                {"POST", "/api/v2.0/results", "ci"},
                {"POST", "/api/v1.0/decision", null},
                {"POST", "/api/v1.0/waivers", "erin"},
                {"PUT", "/api/v1/cadences/" + release, "erin"},
                {"PUT", "/api/v1/cadences/" + release + "/nginx:1.24", "erin"},
                {"POST", "/api/v1/cadences/" + release + "/freezes", "erin"},
                {"POST", "/api/v1/webhooks", "admin"},
                {"POST", "/api/v1/webhooks/" + webhook + "/active", "admin"},
                {"POST", "/api/v1/releases", "admin"},
                {"PATCH", "/api/v1/releases/" + release, "admin"},
                {"POST", "/api/v1/releases/" + release + "/branch", "admin"},
                {"POST", "/api/v1/groups", "admin"},
                {"PATCH", "/api/v1/groups/ruby-maintainers", "admin"},
                {"PATCH", "/api/v1/users/bob", "admin"},
                {"POST", "/api/v1/users/bob/password", "admin"},
        };
        // Malformed, mis-shaped or unstorable JSON: the same answer at every endpoint that reads JSON.
        for (String[] e : bodyEndpoints) {
            String m = e[0], p = e[1], who = e[2];
            t.add(json(m, p, who, "{\"a\":{", 400, null));
            t.add(json(m, p, who, "{\"a\":[", 400, null));
            t.add(json(m, p, who, "{\"a\":{\"b\":[1,{", 400, null));
            t.add(json(m, p, who, "{\"x\":1", 400, null));
            t.add(json(m, p, who, "{\"x\":1}}", 400, null));
            t.add(json(m, p, who, "{} {}", 400, null));
            t.add(json(m, p, who, "{\"x\":1,\"x\":2}", 400, null));
            t.add(json(m, p, who, "{'x':1}", 400, null));
            t.add(json(m, p, who, "{\"x\":NaN}", 400, null));
            t.add(json(m, p, who, "{\"x\":1,}", 400, null));
            t.add(json(m, p, who, "/* c */ {}", 400, null));
            t.add(json(m, p, who, "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", 400, null));
            t.add(json(m, p, who, "null", 422, "body"));
            t.add(json(m, p, who, "true", 422, "body"));
            t.add(json(m, p, who, "42", 422, "body"));
            t.add(json(m, p, who, "\"text\"", 422, "body"));
            t.add(raw(m, p, who, "application/json", bytes("{\"x\":\"", new byte[]{(byte) 0xC3, 0x28}, "\"}"), 422, "body"));
            t.add(raw(m, p, who, "application/json", bytes("{\"x\":\"", new byte[]{(byte) 0xC0, (byte) 0xAF}, "\"}"), 422, "body"));
            t.add(json(m, p, who, "{\"x\":\"a\\u0000b\"}", 422, "x"));
            t.add(json(m, p, who, "{\"x\":\"\\ud800\"}", 422, "x"));
            t.add(new Case(m, p, who, "application/json", big(), true, 413, null));
            t.add(new Case(m, p, who, "application/json", big(), false, 413, null));
        }

        // POST /api/v1/updates: every field of the wrong type, too long, unstorable or impossible
        String up = "/api/v1/updates";
        t.add(json("POST", up, "alice", update("title", "5"), 422, "title"));
        t.add(json("POST", up, "alice", update("title", "true"), 422, "title"));
        t.add(json("POST", up, "alice", update("title", "[\"x\"]"), 422, "title"));
        t.add(json("POST", up, "alice", update("title", str("x".repeat(301))), 422, "title"));
        t.add(json("POST", up, "alice", update("title", "\"a\\u0000\""), 422, "title"));
        t.add(json("POST", up, "alice", update("notes", "\"\\u0000\""), 422, "notes"));
        t.add(json("POST", up, "alice", update("notes", str("n".repeat(100_001))), 422, "notes"));
        t.add(json("POST", up, "alice", update("type", "\"yes\""), 422, "type"));
        t.add(json("POST", up, "alice", update("type", "5"), 422, "type"));
        t.add(json("POST", up, "alice", update("severity", "[]"), 422, "severity"));
        t.add(json("POST", up, "alice", update("severity", "\"catastrophic\""), 422, "severity"));
        t.add(json("POST", up, "alice", update("suggestion", "{}"), 422, "suggestion"));
        t.add(json("POST", up, "alice", update("release", "5"), 422, "release"));
        t.add(json("POST", up, "alice", update("release", "\"F45\\u0000\""), 422, "release"));
        t.add(json("POST", up, "alice", update("release", str("R".repeat(100))), 422, "release"));
        t.add(json("POST", up, "alice", update("builds", "\"nginx:1.24\""), 422, "builds"));
        t.add(json("POST", up, "alice", update("builds", "[null]"), 422, "builds[0]"));
        t.add(json("POST", up, "alice", update("builds", "[5]"), 422, "builds[0]"));
        t.add(json("POST", up, "alice", update("builds", "[\"" + "x".repeat(5000) + "\"]"), 422, "builds[0]"));
        t.add(json("POST", up, "alice", update("references", "[null]"), 422, "references[0]"));
        t.add(json("POST", up, "alice", update("references", "{\"kind\":\"cve\"}"), 422, "references"));
        t.add(json("POST", up, "alice", update("references", "[{\"kind\":5,\"id\":\"CVE-2026-1\"}]"), 422, "references[0].kind"));
        t.add(json("POST", up, "alice", update("references", "[{\"kind\":\"cve\",\"id\":\"CVE-2026-" + "1".repeat(1100) + "\"}]"), 422, "references"));
        t.add(json("POST", up, "alice", update("references", "[{\"kind\":\"cve\",\"id\":\"CVE-2026-1\",\"title\":\"" + "t".repeat(600) + "\"}]"), 422, "references"));
        t.add(json("POST", up, "alice", update("references", "[{\"kind\":\"url\",\"id\":\"https://x.example/" + "p".repeat(1100) + "\"}]"), 422, "references"));
        t.add(json("POST", up, "alice", update("references", "[{\"kind\":\"cve\",\"id\":\"CVE-2026-1\",\"fixedIn\":[null]}]"), 422, "references[0].fixedIn[0]"));
        t.add(json("POST", up, "alice", update("references", "[{\"kind\":\"cve\",\"id\":\"CVE-2026-1\",\"fixedIn\":\"nginx\"}]"), 422, "references[0].fixedIn"));
        t.add(json("POST", up, "alice", update("references", "[{\"kind\":\"bugzilla\",\"id\":\"1\\u0000\"}]"), 422, "references[0].id"));
        t.add(json("POST", up, "alice", update("newBuilds", "[null]"), 422, "newBuilds[0]"));
        for (String version : List.of("1e30", "99999999999999999999", "1.5", "\"12\"", "true", "-1")) {
            t.add(json("POST", up, "alice", newBuild("\"version\":" + version), 422, "newBuilds[0]" + (version.equals("-1") ? "" : ".version")));
        }
        t.add(json("POST", up, "alice", newBuild("\"context\":\"" + "c".repeat(100) + "\""), 422, "newBuilds[0]"));
        t.add(json("POST", up, "alice", newBuild("\"arch\":\"" + "a".repeat(100) + "\""), 422, "newBuilds[0]"));
        t.add(json("POST", up, "alice", newBuild("\"summary\":\"" + "s".repeat(600) + "\""), 422, ANY));
        t.add(json("POST", up, "alice", newBuild("\"rpms\":[null]"), 422, "newBuilds[0].rpms[0]"));
        t.add(json("POST", up, "alice", newBuild("\"rpms\":[{\"nevra\":\"nginx-99999999999:1.0-1.x86_64\"}]"), 422, "newBuilds[0].rpms[0]"));
        t.add(json("POST", up, "alice", newBuild("\"rpms\":[{\"nevra\":\"" + "n".repeat(300) + "-1.0-1.x86_64\"}]"), 422, ANY));
        t.add(json("POST", up, "alice", newBuild("\"rpms\":[{\"nevra\":\"nginx-1.0-1." + "a".repeat(40) + "\"}]"), 422, ANY));
        t.add(json("POST", up, "alice", newBuild("\"rpms\":[{\"nevra\":\"nginx-1.0-1.x86_64\",\"sha256\":\"" + "f".repeat(100) + "\"}]"), 422, ANY));
        t.add(json("POST", up, "alice", newBuild("\"rpms\":[{\"nevra\":\"nginx-1.0-1.x86_64\",\"sourceRpm\":\"" + "s".repeat(500) + ".src.rpm\"}]"), 422, ANY));
        t.add(json("POST", up, "alice", newBuild("\"rpms\":[{\"nevra\":\"ngi\\u0000nx-1.0-1.x86_64\"}]"), 422, "newBuilds[0].rpms[0].nevra"));
        t.add(json("POST", up, "alice", newBuild("\"packages\":[\"pkg:gem/rack@" + "1".repeat(1100) + "\"]"), 422, ANY));
        t.add(json("POST", up, "alice", newBuild("\"packages\":[5]"), 422, "newBuilds[0].packages[0]"));
        String twice = modulemd();
        t.add(json("POST", up, "alice", update("modulemd", str(twice + "\n" + twice)), 422, "modulemd"));
        t.add(json("POST", up, "alice", update("modulemd", str(modulemd().replace("summary: A", "summary: \u0000A"))), 422, "modulemd"));
        t.add(json("POST", up, "alice", update("modulemd", str(aliasBomb())), 422, "modulemd"));
        t.add(json("POST", up, "alice", update("modulemd", str(deepYaml())), 422, "modulemd"));
        t.add(json("POST", up, "alice", update("modulemd", "5"), 422, "modulemd"));

        // PATCH and the verbs on one update
        t.add(json("PATCH", u, "alice", "{\"title\":5}", 422, "title"));
        t.add(json("PATCH", u, "alice", "{\"title\":\"" + "x".repeat(301) + "\"}", 422, "title"));
        t.add(json("PATCH", u, "alice", "{\"notes\":\"\\u0000\"}", 422, "notes"));
        t.add(json("PATCH", u, "alice", "{\"references\":[null]}", 422, "references[0]"));
        t.add(json("PATCH", u, "alice", "{\"type\":\"nope\"}", 422, "type"));
        t.add(json("PATCH", u, "alice", "{\"severity\":1}", 422, "severity"));
        t.add(json("PATCH", u, "alice", "[]", 422, "body"));
        t.add(json("PATCH", u, "alice", "{\"builds\":[\"" + alias + "\",null]}", 422, "builds[1]"));
        for (String verb : List.of("/hold", "/window-override")) {
            String who = verb.equals("/hold") ? "alice" : "erin";
            t.add(json("POST", u + verb, who, "{\"reason\":5}", 422, "reason"));
            t.add(json("POST", u + verb, who, "{\"reason\":\"\\u0000\"}", 422, "reason"));
            t.add(json("POST", u + verb, who, "{\"reason\":\"" + "r".repeat(1001) + "\"}", 422, "reason"));
            t.add(json("POST", u + verb, who, "{\"reason\":[\"why\"]}", 422, "reason"));
        }
        t.add(json("POST", u + "/request", "alice", "{\"request\":5}", 422, "request"));
        t.add(json("POST", u + "/request", "alice", "{\"request\":\"yes\"}", 422, "request"));
        t.add(json("POST", u + "/request", "alice", "{\"request\":null}", 422, "request"));
        t.add(json("POST", u + "/request", "alice", "{\"request\":\"testing\",\"reason\":\"\\u0000\"}", 422, "reason"));
        t.add(json("POST", u + "/request", "alice", "{\"request\":\"revoke\",\"reason\":\"" + "r".repeat(1001) + "\"}", 422, "reason"));
        t.add(json("POST", u + "/comments", "bob", "{\"text\":\"ok\",\"karma\":1.5}", 422, "karma"));
        t.add(json("POST", u + "/comments", "bob", "{\"text\":\"ok\",\"karma\":\"1\"}", 422, "karma"));
        t.add(json("POST", u + "/comments", "bob", "{\"text\":\"ok\",\"karma\":99999999999}", 422, "karma"));
        t.add(json("POST", u + "/comments", "bob", "{\"text\":\"ok\",\"karma\":5}", 422, "karma"));
        t.add(json("POST", u + "/comments", "bob", "{\"text\":\"ok\",\"karma\":true}", 422, "karma"));
        t.add(json("POST", u + "/comments", "bob", "{\"text\":\"a\\u0000\",\"karma\":0}", 422, "text"));
        t.add(json("POST", u + "/comments", "bob", "{\"text\":5}", 422, "text"));
        t.add(json("POST", u + "/comments", "bob", "{\"text\":\"" + "t".repeat(10_001) + "\"}", 422, "text"));

        // builds imported before an update names them
        String bu = "/api/v1/builds";
        t.add(json("POST", bu, "alice", "{\"release\":5}", 422, "release"));
        t.add(json("POST", bu, "alice", "{\"release\":\"" + release + "\",\"build\":[]}", 422, "build"));
        t.add(json("POST", bu, "alice", "{\"release\":\"" + release + "\",\"build\":{\"name\":\"nginx\",\"stream\":\"1.24\",\"version\":1e30}}", 422, "build.version"));
        t.add(json("POST", bu, "alice", "{\"release\":\"" + release + "\",\"modulemd\":" + str(twice + "\n" + twice) + "}", 422, ANY));
        t.add(json("POST", bu, "alice", "{\"release\":\"" + release + "\",\"modulemd\":" + str(aliasBomb()) + "}", 422, "modulemd"));
        t.add(json("POST", bu, "alice", "{\"release\":\"" + release + "\",\"build\":{\"name\":\"ngi\\u0000nx\"}}", 422, "build.name"));

        // results, ResultsDB's shape: all or none of a batch
        String rs = "/api/v2.0/results";
        t.add(json("POST", rs, "ci", result("testcase", "5"), 422, "testcase"));
        t.add(json("POST", rs, "ci", result("testcase", "{\"name\":5}"), 422, "testcase"));
        t.add(json("POST", rs, "ci", result("testcase", str("t".repeat(300))), 422, "testcase"));
        t.add(json("POST", rs, "ci", result("testcase", "\"a\\u0000\""), 422, "testcase"));
        t.add(json("POST", rs, "ci", result("outcome", "\"GOOD\""), 422, "outcome"));
        t.add(json("POST", rs, "ci", result("outcome", "5"), 422, "outcome"));
        t.add(json("POST", rs, "ci", result("submit_time", "\"+300000-01-01T00:00:00Z\""), 422, "submit_time"));
        t.add(json("POST", rs, "ci", result("submit_time", "\"-5000-01-01T00:00:00Z\""), 422, "submit_time"));
        t.add(json("POST", rs, "ci", result("submit_time", "\"yesterday\""), 422, "submit_time"));
        t.add(json("POST", rs, "ci", result("ref_url", "\"ftp://x.example/log\""), 422, "ref_url"));
        t.add(json("POST", rs, "ci", result("ref_url", str("https://x.example/" + "l".repeat(2001))), 422, "ref_url"));
        t.add(json("POST", rs, "ci", result("note", "\"\\u0000\""), 422, "note"));
        t.add(json("POST", rs, "ci", result("data", "{\"type\":\"paddock_update\",\"item\":\"" + alias + "\",\"scenario\":\"" + "s".repeat(300) + "\"}"), 422, ANY));
        t.add(json("POST", rs, "ci", result("data", "{\"type\":\"paddock_update\",\"item\":\"" + alias + "\",\"arch\":\"" + "a".repeat(100) + "\"}"), 422, ANY));
        t.add(json("POST", rs, "ci", result("data", "{\"type\":\"paddock_update\",\"item\":[null]}"), 422, ANY));
        t.add(json("POST", rs, "ci", result("data", "{\"type\":\"nothing\",\"item\":\"x\"}"), 422, ANY));
        t.add(json("POST", rs, "ci", result("data", "{\"type\":\"paddock_update\",\"item\":\"" + alias + "\",\"k\":\"v\\u0000\"}"), 422, ANY));
        t.add(json("POST", rs, "ci", result("data", "[1]"), 422, "data"));
        t.add(json("POST", rs, "ci", "[" + result("outcome", "\"PASSED\"") + "," + result("outcome", "\"BOGUS\"") + "]", 422, "[1].outcome"));
        t.add(json("POST", rs, "ci", "[null]", 422, ANY));
        t.add(json("POST", rs, "ci", "[]", 422, ANY));

        // decisions, Greenwave's shape (nothing is stored, but nothing may fail either)
        String dc = "/api/v1.0/decision";
        t.add(json("POST", dc, null, decision("decision_context", "5"), 422, "decision_context"));
        t.add(json("POST", dc, null, decision("product_version", "\"F45\\u0000\""), 422, "product_version"));
        t.add(json("POST", dc, null, decision("subject_type", "5"), 422, "subject_type"));
        t.add(json("POST", dc, null, decision("when", "\"+300000-01-01T00:00:00Z\""), 422, "when"));
        t.add(json("POST", dc, null, decision("when", "\"-5000-01-01T00:00:00Z\""), 422, "when"));
        t.add(json("POST", dc, null, decision("when", "\"later\""), 422, "when"));
        t.add(json("POST", dc, null, decision("verbose", "\"yes\""), 422, "verbose"));
        t.add(json("POST", dc, null, decision("subject", "[null]"), 422, "subject[0]"));
        t.add(json("POST", dc, null, decision("subject", "[{\"type\":5}]"), 422, "subject[0].type"));
        t.add(json("POST", dc, null, decision("subject", "\"x\""), 422, "subject"));

        // waivers, WaiverDB's shape
        String wv = "/api/v1.0/waivers";
        t.add(json("POST", wv, "erin", waiver("waived", "\"yes\""), 422, "waived"));
        t.add(json("POST", wv, "erin", waiver("waived", "1"), 422, "waived"));
        t.add(json("POST", wv, "erin", waiver("waived", "\"true\""), 422, "waived"));
        t.add(json("POST", wv, "erin", waiver("comment", "\"\\u0000\""), 422, "comment"));
        t.add(json("POST", wv, "erin", waiver("comment", str("c".repeat(2001))), 422, "comment"));
        t.add(json("POST", wv, "erin", waiver("testcase", "5"), 422, "testcase"));
        t.add(json("POST", wv, "erin", waiver("testcase", str("t".repeat(300))), 422, ANY));
        t.add(json("POST", wv, "erin", waiver("subject_identifier", str("s".repeat(600))), 422, ANY));
        t.add(json("POST", wv, "erin", waiver("product_version", str("p".repeat(50))), 422, ANY));
        t.add(json("POST", wv, "erin", waiver("scenario", str("s".repeat(300))), 422, ANY));

        // cadences and freezes
        for (String cp : List.of("/api/v1/cadences/" + release, "/api/v1/cadences/" + release + "/nginx:1.24")) {
            t.add(json("PUT", cp, "erin", "{\"mode\":5}", 422, "mode"));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"sometimes\"}", 422, "mode"));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"windows\",\"windows\":\"x\"}", 422, "windows"));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"windows\",\"windows\":[null]}", 422, "windows[0]"));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"windows\",\"windows\":[\"garbage\"]}", 422, ANY));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"windows\",\"windows\":[" + "\"0 14 * * TUE Europe/Prague 1h\",".repeat(200) + "\"0 14 * * MON UTC 1h\"]}", 422, ANY));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"immediate\",\"minDays\":[1,2]}", 422, "minDays"));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"immediate\",\"minDays\":{\"low\":1.5}}", 422, "minDays.low"));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"immediate\",\"minDays\":{\"low\":\"3\"}}", 422, "minDays.low"));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"immediate\",\"minDays\":{\"low\":-1}}", 422, ANY));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"immediate\",\"minDays\":{\"low\":99999999999}}", 422, "minDays.low"));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"immediate\",\"minDays\":{\"low\":null}}", 422, "minDays.low"));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"immediate\",\"fastTrack\":5}", 422, "fastTrack"));
            t.add(json("PUT", cp, "erin", "{\"mode\":\"immediate\",\"fastTrack\":\"urgent\"}", 422, ANY));
        }
        String fz = "/api/v1/cadences/" + release + "/freezes";
        t.add(json("POST", fz, "erin", freeze("start", "\"+300000-01-01T00:00:00Z\""), 422, "start"));
        t.add(json("POST", fz, "erin", freeze("end", "\"+300000-01-01T00:00:00Z\""), 422, "end"));
        t.add(json("POST", fz, "erin", freeze("start", "\"-5000-01-01T00:00:00Z\""), 422, "start"));
        t.add(json("POST", fz, "erin", freeze("start", "5"), 422, "start"));
        t.add(json("POST", fz, "erin", freeze("start", "\"later\""), 422, "start"));
        t.add(json("POST", fz, "erin", freeze("reason", "\"\\u0000\""), 422, "reason"));
        t.add(json("POST", fz, "erin", freeze("reason", str("r".repeat(501))), 422, "reason"));
        t.add(json("POST", fz, "erin", freeze("end", "\"2026-01-01T00:00:00Z\""), 422, ANY));

        // webhooks
        String wh = "/api/v1/webhooks";
        t.add(json("POST", wh, "admin", "{\"url\":5}", 422, "url"));
        t.add(json("POST", wh, "admin", "{\"url\":\"https://x.example/" + "u".repeat(2001) + "\"}", 422, "url"));
        t.add(json("POST", wh, "admin", "{\"url\":\"ftp://x.example/\"}", 422, "url"));
        t.add(json("POST", wh, "admin", "{\"url\":\"https://x.example/\\u0000\"}", 422, "url"));
        t.add(json("POST", wh, "admin", "{\"url\":\"https://x.example/\",\"events\":[null]}", 422, "events[0]"));
        t.add(json("POST", wh, "admin", "{\"url\":\"https://x.example/\",\"events\":\"update.stable\"}", 422, "events"));
        t.add(json("POST", wh, "admin", "{\"url\":\"https://x.example/\",\"events\":[5]}", 422, "events[0]"));
        t.add(json("POST", wh, "admin", "{\"url\":\"https://x.example/\",\"events\":[\"nope\"]}", 422, "events[0]"));
        t.add(json("POST", wh, "admin", "{\"url\":\"https://x.example/\",\"events\":[" + "\"update.stable\",".repeat(100) + "\"*\"]}", 422, ANY));
        t.add(json("POST", wh, "admin", "{\"url\":\"https://x.example/\",\"secret\":5}", 422, "secret"));
        t.add(json("POST", wh, "admin", "{\"url\":\"https://x.example/\",\"secret\":\"short\"}", 422, "secret"));
        String active = "/api/v1/webhooks/" + webhook + "/active";
        for (String v : List.of("\"yes\"", "1", "0", "\"true\"", "\"false\"", "[true]", "null", "{}")) {
            t.add(json("POST", active, "admin", "{\"active\":" + v + "}", 422, "active"));
        }

        // groups and people
        String gr = "/api/v1/groups";
        t.add(json("POST", gr, "admin", "{\"name\":5}", 422, "name"));
        t.add(json("POST", gr, "admin", "{\"name\":\"a\\u0000\"}", 422, "name"));
        t.add(json("POST", gr, "admin", "{\"name\":" + str("g".repeat(65)) + "}", 422, "name"));
        t.add(json("POST", gr, "admin", "{\"name\":\"hostile\",\"description\":" + str("d".repeat(201)) + "}", 422, "description"));
        t.add(json("PATCH", gr + "/ruby-maintainers", "admin", "{\"description\":[]}", 422, "description"));
        String bob = "/api/v1/users/bob";
        t.add(json("PATCH", bob, "admin", "{\"roles\":\"admin\"}", 422, "roles"));
        t.add(json("PATCH", bob, "admin", "{\"roles\":[null]}", 422, ANY));
        t.add(json("PATCH", bob, "admin", "{\"groups\":[5]}", 422, ANY));
        t.add(json("PATCH", bob, "admin", "{\"active\":\"no\"}", 422, "active"));
        t.add(json("PATCH", bob, "admin", "{\"displayName\":" + str("n".repeat(201)) + "}", 422, "displayName"));
        t.add(json("PATCH", bob, "admin", "{\"email\":" + str("e".repeat(200) + "@x.example") + "}", 422, "email"));
        t.add(json("POST", bob + "/password", "admin", "{\"password\":12345678}", 422, "password"));

        // policies, Greenwave's YAML
        String pol = "/api/v1/policies?reason=hostile";
        t.add(yaml(pol, aliasBomb(), 422));
        t.add(yaml(pol, deepYaml(), 422));
        t.add(yaml(pol, "--- !Policy\nid: \"a\u0000\"\n", 422));
        t.add(yaml(pol, "- just\n- a list\n", 422));
        t.add(yaml(pol, "--- !Policy\nid: " + "p".repeat(200) + "\nproduct_versions: [f45]\ndecision_contexts: [push_stable]\nsubject_type: paddock_update\nrules: []\n", 422));
        t.add(yaml("/api/v1/policies?reason=%00", "--- !Policy\nid: x\n", 422));
        t.add(yaml("/api/v1/policies", "{\"not\": \"yaml policy\"}", 422));

        // onboarding in bulk (admins): an onboarding file, and a repository's modules.yaml into a release
        String onb = "/api/v1/onboarding";
        String mods = "/api/v1/releases/" + release + "/modules";
        for (String p : List.of(onb, onb + "?dryRun=true", mods, mods + "?dryRun=true")) {
            String field = p.startsWith(onb) ? "body" : "modulemd";
            t.add(yamlAs(p, "admin", aliasBomb(), 422, field));
            t.add(yamlAs(p, "admin", deepYaml(), 422, field));
            t.add(yamlAs(p, "admin", "releases: [{name: F46", 422, field));
            t.add(yamlAs(p, "admin", "releases: [{name: \"F\u0000\"}]", 422, ANY));
            t.add(yamlAs(p, "admin", "releases: [{name: \"\\ud800\"}]", 422, ANY));
            t.add(yamlAs(p, "admin", "a: 1\n---\nb: 2\n", 422, field));
            t.add(yamlAs(p, "admin", "", 422, field));
            t.add(yamlAs(p, "admin", "- just\n- a list\n", 422, field));
            t.add(raw("POST", p, "admin", "application/yaml", bytes("releases: [{name: \"", new byte[]{(byte) 0xC3, 0x28}, "\"}]"), 422, "body"));
            t.add(new Case("POST", p, "admin", "application/yaml", big(), true, 413, null));
            t.add(new Case("POST", p, "admin", "application/yaml", big(), false, 413, null));
            t.add(yamlAs(p, "alice", "releases: [{name: F46", 403, null));
            t.add(yamlAs(p, null, "releases: [{name: F46", 401, null));
        }
        t.add(yamlAs(onb, "admin", "releases: [{name: " + "R".repeat(100) + ", longName: x, aliasPrefix: X}]", 422, "releases[0].name"));
        t.add(yamlAs(onb, "admin", "releases: [{name: F46, longName: " + "l".repeat(300) + ", aliasPrefix: X}]", 422, "releases[0].longName"));
        t.add(yamlAs(onb, "admin", "groups: [{name: g, description: " + "d".repeat(300) + "}]", 422, "groups[0].description"));
        t.add(yamlAs(onb, "admin", "releases: [{name: " + release + ", streams: [{name: nginx, stream: '" + "s".repeat(300) + "', ownerGroup: nginx-maintainers}]}]", 422, "releases[0].streams[0].stream"));
        t.add(yamlAs(onb, "admin", "releases: [{name: " + release + ", streams: [{name: httpd, stream: '2.4', ownerGroup: nginx-maintainers, eol: 99999-01-01}]}]", 422, "releases[0].streams[0].eol"));
        t.add(yamlAs(onb, "admin", "releases: [{name: " + release + ", streams: [{name: httpd, stream: '2.4', ownerGroup: nginx-maintainers, summary: " + "s".repeat(600) + "}]}]", 422, "releases[0].streams[0].summary"));
        t.add(yamlAs(onb + "?dryRun=maybe", "admin", "releases: [{name: F46}]", 422, "dryRun"));
        t.add(yamlAs(mods + "?ownerGroup=%00", "admin", modulemd(), 422, ANY));
        t.add(yamlAs(mods + "?ownerGroup=no-such-group", "admin", modulemd().replace("nginx", "nginy"), 422, "ownerGroup"));

        // paths and query parameters
        for (String param : List.of("release", "module", "status", "request", "type", "severity", "cve", "bug",
                "submitter", "q", "gating", "sort", "order")) {
            t.add(get("/api/v1/updates?" + param + "=%00", null, 422, param));
            t.add(get("/api/v1/updates?" + param + "=%C3%28", null, 422, param));
        }
        t.add(get("/api/v1/updates?page=abc", null, 422, "page"));
        t.add(get("/api/v1/updates?page=0", null, 422, "page"));
        t.add(get("/api/v1/updates?page=99999999999", null, 422, "page"));
        t.add(get("/api/v1/updates?rows=9999", null, 422, "rows"));
        t.add(get("/api/v1/updates?rows=1.5", null, 422, "rows"));
        t.add(get("/api/v1/updates?order=up", null, 422, "order"));
        t.add(get("/api/v1/updates?%00=1", null, 422, ANY));
        t.add(get("/api/v1/updates?q=%zz", null, 422, ANY));
        t.add(get("/api/v1/updates/%00", null, 400, BEFORE_PADDOCK));
        t.add(get("/api/v1/updates/%C3%28", null, 400, BEFORE_PADDOCK));
        t.add(get("/api/v1/updates/" + "A".repeat(3000), null, 404, null));
        t.add(get("/api/v1/updates/" + alias + "/eligibility?at=bad", null, 422, "at"));
        t.add(get("/api/v1/updates/" + alias + "/eligibility?at=%2B300000-01-01T00:00:00Z", null, 422, "at"));
        for (String since : List.of("%2B300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "bad", "%00")) {
            t.add(get("/api/v1/advisories?since=" + since, null, 422, "since"));
            t.add(get("/api/v2.0/results?since=" + since, null, 422, "since"));
        }
        t.add(get("/api/v2.0/results?since=2026-01-01T00:00:00Z,%2B300000-01-01T00:00:00Z", null, 422, "since"));
        for (String p : List.of("cve", "bug", "severity", "type", "module", "package", "release", "status", "cursor")) {
            t.add(get("/api/v1/advisories?" + p + "=%00", null, 422, p));
        }
        t.add(get("/api/v1/advisories?limit=abc", null, 422, "limit"));
        t.add(get("/api/v1/advisories?limit=0", null, 422, "limit"));
        t.add(get("/api/v1/advisories?cursor=!!!", null, 422, "cursor"));
        t.add(get("/api/v1/advisories?severity=catastrophic", null, 422, "severity"));
        t.add(get("/api/v1/advisories?module=nginx", null, 422, "module"));
        t.add(get("/api/v2.0/results?limit=abc", null, 422, "limit"));
        t.add(get("/api/v2.0/results?page=abc", null, 422, "page"));
        t.add(get("/api/v2.0/results?outcome=%00", null, 422, "outcome"));
        t.add(get("/api/v2.0/results?testcases=%00", null, 422, "testcases"));
        t.add(get("/api/v2.0/results/latest?_distinct_on=%2F%2F", null, 422, "_distinct_on"));
        t.add(get("/api/v2.0/results/abc", null, 404, null));
        t.add(get("/api/v1.0/waivers?limit=abc", null, 422, "limit"));
        t.add(get("/api/v1.0/waivers?subject_type=%00", null, 422, "subject_type"));
        t.add(get("/api/v1.0/waivers/abc", null, 404, null));
        t.add(get("/api/v1/pushes?limit=abc", "admin", 422, "limit"));
        t.add(get("/api/v1/pushes/abc", "admin", 404, null));
        t.add(get("/api/v1/pushes/99999999", "admin", 404, null));
        t.add(new Case("POST", "/api/v1/pushes?at=bad", "admin", null, null, false, 422, "at"));
        t.add(new Case("POST", "/api/v1/pushes?at=-5000-01-01T00:00:00Z", "admin", null, null, false, 422, "at"));
        t.add(new Case("POST", "/api/v1/pushes?failAfter=abc", "admin", null, null, false, 422, "failAfter"));
        t.add(get("/api/v1/webhooks/99999999/deliveries", "admin", 404, null));
        t.add(get("/api/v1/webhooks/" + webhook + "/deliveries?limit=abc", "admin", 422, "limit"));
        t.add(get("/api/v1/webhooks/" + webhook + "/deliveries?limit=0", "admin", 422, "limit"));
        t.add(get("/api/v1/cadences/%00", null, 400, BEFORE_PADDOCK));
        t.add(get("/api/v1/cadences/" + release + "/nginx", null, 4, null));
        t.add(get("/api/v1/builds/%00", null, 400, BEFORE_PADDOCK));
        t.add(get("/api/v1/builds/nope", null, 404, null));
        t.add(get("/api/v1/modules?release=%00", null, 422, "release"));
        t.add(get("/api/v1/builds?module=%00", null, 422, "module"));
        t.add(new Case("DELETE", "/api/v1/policies/nope?reason=x", "erin", null, null, false, 404, null));
        t.add(new Case("DELETE", "/api/v1/policies/%00?reason=x", "erin", null, null, false, 400, BEFORE_PADDOCK));
        t.add(new Case("DELETE", "/api/v1/cadences/" + release + "/freezes/abc", "erin", null, null, false, 404, null));
        t.add(new Case("DELETE", "/api/v1/updates", "admin", null, null, false, 405, null));
        t.add(get("/api/v1/nothing-here", null, 404, null));
        t.add(get("/api/", null, 404, null));
        // pages and feeds: a plain 400 or 404 page, never the 500 page
        t.add(get("/update.xhtml?alias=%00", null, 400, null));
        t.add(get("/updates.xhtml?q=%00", null, 400, null));
        t.add(get("/updates.xhtml?q=%C3%28", null, 400, null));
        t.add(get("/module.xhtml?release=%00&module=nginx:1.24", null, 400, null));
        t.add(get("/feeds/%00/stable/updateinfo.xml", null, 4, null));
        t.add(get("/osv/%00.json", null, 4, null));
        t.add(get("/osv/" + "A".repeat(3000) + ".json", null, 404, null));
        // reads that carry a Content-Type, as load tools send them, are answered
        t.add(new Case("GET", "/api/v1/updates", null, "text/html", null, false, 200, null));
        t.add(new Case("GET", "/api/v2.0/results", null, "application/x-www-form-urlencoded", null, false, 200, null));
        t.add(new Case("GET", "/api/v1/advisories", null, "application/json", null, false, 200, null));
        return t;
    }

    // --- the run ---------------------------------------------------------------------------------------

    @Test
    void everyHostileInputIsRefusedWithinTheBoundNamingItsFieldAndStoresNothing() throws Exception {
        RawHttp http = new RawHttp(base, BOUND);
        List<Case> table = cases();
        assertThat(table).hasSizeGreaterThanOrEqualTo(400);
        List<String> failures = new ArrayList<>();
        for (Case c : table) {
            Map<String, Long> before = rowCounts();
            Map<String, String> headers = new LinkedHashMap<>();
            if (c.who() != null) {
                headers.put("Authorization", "Bearer " + tokens.get(c.who()));
            }
            if (c.contentType() != null) {
                headers.put("Content-Type", c.contentType());
            }
            headers.put("Accept", "application/json");
            RawHttp.Answer a = http.send(c.method(), c.target(), headers, c.body(), c.chunked());
            String problem = check(c, a);
            Map<String, Long> after = rowCounts();
            if (problem == null && !after.equals(before)) {
                problem = "rows changed: " + changed(before, after);
            }
            if (problem != null) {
                failures.add(c + "\n    → " + a.status() + " in " + a.took().toMillis() + " ms: " + problem
                        + "\n    " + a.body().substring(0, Math.min(300, a.body().length())));
            }
        }
        assertThat(failures).as(failures.size() + " of " + table.size() + " cases failed:\n" + String.join("\n", failures))
                .isEmpty();
    }

    @Test
    void searchPagingAndReadsMeanWhatTheySay() throws Exception {
        RawHttp http = new RawHttp(base, BOUND);
        // "_" in free text is itself, not LIKE's any-character
        assertThat(items(http, "/api/v1/updates?release=" + release + "&q=valid_update")).contains(alias);
        assertThat(items(http, "/api/v1/updates?release=" + release + "&q=vali__update")).isEmpty();
        assertThat(items(http, "/api/v1/updates?release=" + release + "&q=%25")).isEmpty();
        // a page past the last is that page, empty, not the first
        RawHttp.Answer far = http.send("GET", "/api/v1/updates?release=" + release + "&page=2147483647&rows=500",
                Map.of(), null, false);
        assertThat(JSON.readTree(far.body()).path("page").asLong()).isEqualTo(2147483647L);
        assertThat(JSON.readTree(far.body()).path("items")).isEmpty();
        assertThat(JSON.readTree(far.body()).path("total").asLong()).isEqualTo(1);
    }

    /** A body that stops half-way holds no thread for long: the server cuts it with 408 (not 500) after 10 s. */
    @Test
    void aBodyThatStopsArrivingIsCut() throws Exception {
        long start = System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1.0/decision HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\nConnection: close\r\n\r\n{\"a\":").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(answer).isEqualTo("HTTP/1.1 408");
            assertThat(took).isLessThan(Duration.ofSeconds(20));
        }
    }

    private static List<String> items(RawHttp http, String target) throws IOException {
        RawHttp.Answer a = http.send("GET", target, Map.of(), null, false);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<String> aliases = new ArrayList<>();
        JSON.readTree(a.body()).path("items").forEach(i -> aliases.add(i.path("alias").asText()));
        return aliases;
    }

    private static String check(Case c, RawHttp.Answer a) {
        if (a.status() == 0) {
            return "no answer within " + BOUND;
        }
        if (c.status() < 10 ? a.status() / 100 != c.status() : a.status() != c.status()) {
            return "expected " + c.status() + (c.status() < 10 ? "xx" : "");
        }
        if (a.status() < 400 || BEFORE_PADDOCK.equals(c.field())) {
            return null;
        }
        boolean api = c.target().startsWith("/api/");
        if (api && !String.valueOf(a.header("Content-Type")).startsWith("application/problem+json")) {
            return "not a problem document: " + a.header("Content-Type");
        }
        if (!api) {
            return a.body().contains("Paddock failed") ? "the 500 page" : null;
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(a.body());
        } catch (IOException e) {
            return "unreadable problem document";
        }
        if (doc.path("status").asInt() != a.status() || doc.path("detail").asText().isBlank()) {
            return "problem document without status or detail";
        }
        if (c.field() == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        doc.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        if (fields.isEmpty() || fields.stream().anyMatch(String::isBlank)) {
            return "no field named: " + fields;
        }
        if (!c.field().equals(ANY) && fields.stream().noneMatch(f -> f.equals(c.field()) || f.startsWith(c.field() + ".")
                || f.startsWith(c.field() + "["))) {
            return "expected field " + c.field() + ", got " + fields;
        }
        return null;
    }

    // --- fixtures --------------------------------------------------------------------------------------

    @BeforeEach
    void setUp() throws Exception {
        release = TestReleases.name("HOST");
        TestReleases.create(release, Map.of("nginx:1.24", "nginx-maintainers"));
        for (String who : List.of("alice", "bob", "erin", "admin", "ci")) {
            tokens.put(who, ApiTokens.issue(who));
        }
        RawHttp http = new RawHttp(base, BOUND);
        RawHttp.Answer created = http.send("POST", "/api/v1/updates", Map.of("Authorization", "Bearer " + tokens.get("alice"),
                "Content-Type", "application/json"), update("title", "\"A valid_update for hostile neighbours\"").getBytes(StandardCharsets.UTF_8), false);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        alias = JSON.readTree(created.body()).path("alias").asText();
        RawHttp.Answer hook = http.send("POST", "/api/v1/webhooks", Map.of("Authorization", "Bearer " + tokens.get("admin"),
                "Content-Type", "application/json"), "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"update.stable\"]}"
                .getBytes(StandardCharsets.UTF_8), false);
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        webhook = JSON.readTree(hook.body()).path("id").asLong();
    }

    @AfterEach
    void removeTheRelease() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from webhook where id = " + webhook);
        }
        TestReleases.delete(release);
    }

    /** Every table's row count, in one round trip. */
    private static Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select table_name, (xpath('/row/c/text()', query_to_xml('select count(*) as c from '
                            || quote_ident(table_name), false, true, '')))[1]::text::bigint
                     from information_schema.tables
                     where table_schema = current_schema() and table_type = 'BASE TABLE'""")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static String changed(Map<String, Long> before, Map<String, Long> after) {
        List<String> diff = new ArrayList<>();
        after.forEach((table, n) -> {
            if (!n.equals(before.get(table))) {
                diff.add(table + " " + before.get(table) + "→" + n);
            }
        });
        return String.join(", ", diff);
    }

    private static Case json(String method, String target, String who, String body, int status, String field) {
        return new Case(method, target, who, "application/json", body.getBytes(StandardCharsets.UTF_8), false, status, field);
    }

    private static Case raw(String method, String target, String who, String type, byte[] body, int status, String field) {
        return new Case(method, target, who, type, body, false, status, field);
    }

    private static Case get(String target, String who, int status, String field) {
        return new Case("GET", target, who, null, null, false, status, field);
    }

    private static Case yaml(String target, String text, int status) {
        return new Case("POST", target, "erin", "application/yaml", text.getBytes(StandardCharsets.UTF_8), false, status, ANY);
    }

    private static Case yamlAs(String target, String who, String text, int status, String field) {
        return new Case("POST", target, who, "application/yaml", text.getBytes(StandardCharsets.UTF_8), false, status, field);
    }

    private static byte[] bytes(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A JSON body of 3 MB, over the 2 MiB limit. */
    private static byte[] big() {
        return ("{\"x\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String str(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code base} (JSON object text) with {@code key} set to the raw JSON {@code value}. */
    private static String with(Map<String, Object> base, String key, String value) {
        Map<String, Object> rest = new LinkedHashMap<>(base);
        rest.remove(key);
        try {
            String json = JSON.writeValueAsString(rest);
            return "{" + str(key) + ":" + value + (rest.isEmpty() ? "}" : "," + json.substring(1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The nginx module build, each time with a version of its own, so that only the case's own fault is refused. */
    private static String modulemd() {
        return TestBuilds.nginxModulemd();
    }

    private String update(String key, String value) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("release", release);
        u.put("modulemd", modulemd());
        u.put("type", "bugfix");
        u.put("severity", "low");
        u.put("title", "hostile");
        return with(u, key, value);
    }

    /** An update whose one new build (JSON) has {@code field} (raw JSON, {@code "key":value}) set. */
    private String newBuild(String field) {
        String key = field.substring(1, field.indexOf('"', 1));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", "nginx");
        b.put("stream", "1.24");
        b.put("version", TestBuilds.freshVersion());
        b.put("context", "c0ffee42");
        b.put("arch", "x86_64");
        b.put("rpms", List.of(Map.of("nevra", "nginx-1:1.24.0-9.x86_64")));
        String build = with(b, key, field.substring(field.indexOf(':') + 1));
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("release", release);
        u.put("type", "bugfix");
        u.put("severity", "low");
        u.put("title", "hostile build");
        return with(u, "newBuilds", "[" + build + "]");
    }

    private String result(String key, String value) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("testcase", Map.of("name", "ci.hostile"));
        r.put("outcome", "PASSED");
        r.put("data", Map.of("type", "paddock_update", "item", alias));
        return with(r, key, value);
    }

    private String decision(String key, String value) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("decision_context", "push_stable");
        d.put("product_version", release);
        d.put("subject_type", "paddock_update");
        d.put("subject_identifier", alias);
        return with(d, key, value);
    }

    private String waiver(String key, String value) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("subject_type", "paddock_update");
        w.put("subject_identifier", alias);
        w.put("testcase", "ci.hostile");
        w.put("product_version", release);
        w.put("waived", true);
        w.put("comment", "flaky");
        return with(w, key, value);
    }

    private static String freeze(String key, String value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("start", "2027-01-01T00:00:00Z");
        f.put("end", "2027-01-08T00:00:00Z");
        f.put("reason", "hostile freeze");
        return with(f, key, value);
    }

    private static String aliasBomb() {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append(c).append(": &").append(c).append(" [").append(("*" + prev + ",").repeat(8)).append('*').append(prev).append("]\n");
            prev = c;
        }
        return y.toString();
    }

    private static String deepYaml() {
        return "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
    }
}

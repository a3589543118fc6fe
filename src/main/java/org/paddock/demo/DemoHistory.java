package org.paddock.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.paddock.cadence.CadenceForm;
import org.paddock.cadence.Cadences;
import org.paddock.platform.ReplayClock;
import org.paddock.platform.security.Accounts;
import org.paddock.platform.security.User;
import org.paddock.policy.PolicyService;
import org.paddock.policy.Waivers;
import org.paddock.push.Pusher;
import org.paddock.push.TestSeam;
import org.paddock.release.BuildDraft;
import org.paddock.release.ModuleStream;
import org.paddock.testresult.Outcome;
import org.paddock.testresult.ResultInput;
import org.paddock.testresult.Results;
import org.paddock.testresult.SubjectType;
import org.paddock.update.UpdateDraft;
import org.paddock.update.UpdateService;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Six weeks of F45's life, replayed on the first start so that every page and feed has something to show: 32
 * updates of nginx:1.24, postgresql:16 and ruby:3.3 submitted by their maintainers, tested by CI against one gating
 * policy, commented on, waived, held, unpushed, revoked and obsoleted, and pushed by the pusher a minute after each
 * step and every six hours between.
 *
 * <p>Every step goes through the service a click or an API call goes through ({@link UpdateService}, {@link Results},
 * {@link Waivers}, {@link PolicyService}, {@link Cadences}, {@link Pusher}), at the instant it happened
 * ({@link ReplayClock#at}), so history entries, decisions, pushes and feed dates agree with each other. What is left
 * active at the end is what the minute pusher leaves alone: a pending update held, one waiting for its test, one asking
 * for nothing; updates in testing short of their days, failing a required test, waiting for a window.
 */
@ApplicationScoped
public class DemoHistory {

    static final String POLICY = """
            --- !Policy
            id: f45-tier0
            product_versions: [F45]
            decision_contexts: [push_testing, push_stable]
            subject_type: paddock_update
            packages: ["*:*"]
            rules:
              - !PassingTestCaseRule {test_case_name: ci.tier0}
            """;

    /** How often the replayed pusher runs between the steps (the real one runs every minute; nothing waits on it here). */
    private static final Duration PUSH_EVERY = Duration.ofHours(6);
    private static final DateTimeFormatter MODULE_VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    UpdateService updates;

    @Inject
    Results results;

    @Inject
    Waivers waivers;

    @Inject
    PolicyService policies;

    @Inject
    Cadences cadences;

    @Inject
    Pusher pusher;

    @Inject
    Accounts accounts;

    @Inject
    DemoStep inStep;

    /** When the history starts, before {@code end}: the release and its streams are made then. */
    static Instant start(Instant end) {
        return end.minus(Duration.ofDays(43)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9));
    }

    /** Replays the history up to {@code end} (the first start's now). */
    public void replay(Instant end) {
        Story s = new Story(end);
        s.write();
        List<Step> steps = new ArrayList<>(s.steps);
        for (Instant t = start(end).plus(PUSH_EVERY); t.isBefore(end); t = t.plus(PUSH_EVERY)) {
            steps.add(new Step(t, "push", () -> { }));
        }
        steps.sort(Comparator.comparing(Step::at));
        for (Step step : steps) {
            try {
                ReplayClock.at(step.at(), () -> inStep.run(() -> {
                    step.action().run();
                    return null;
                }));
                Instant pushAt = step.at().plus(Duration.ofMinutes(1));
                ReplayClock.at(pushAt, () -> inStep.run(() -> pusher.run(pushAt, "scheduler", TestSeam.Fault.NONE)));
            } catch (RuntimeException e) {
                throw new IllegalStateException("demo step '" + step.what() + "' at " + step.at() + " failed", e);
            }
        }
    }

    private record Step(Instant at, String what, Runnable action) {
    }

    /** The people of the demo, read where each step needs them (the services merge them into their transaction). */
    private User user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }

    private ModuleStream stream(String nameStream) {
        return em.createQuery("select s from ModuleStream s where s.release.name = 'F45'"
                        + " and concat(s.name, ':', s.stream) = :ns", ModuleStream.class)
                .setParameter("ns", nameStream).getSingleResult();
    }

    /** The steps, in the words of the people who took them. */
    private final class Story {
        final Instant end;
        final List<Step> steps = new ArrayList<>();
        final Map<String, String> aliases = new HashMap<>();
        final java.util.concurrent.atomic.AtomicInteger buildIds = new java.util.concurrent.atomic.AtomicInteger(21040);
        final Module nginx = new Module(buildIds, "nginx", "1.24", "6c81f848", "A high performance web server and reverse proxy server");
        final Module postgresql = new Module(buildIds, "postgresql", "16", "f27b74a8", "PostgreSQL server and client module");
        final Module ruby = new Module(buildIds, "ruby", "3.3", "3b1a7c5e", "An interpreter of object-oriented scripting language");

        Story(Instant end) {
            this.end = end;
            nginx.srpm("nginx", "1", "1.24.0", 2, "nginx", "nginx-core", "nginx-filesystem", "nginx-mod-http-perl",
                    "nginx-mod-stream");
            postgresql.srpm("postgresql", null, "16.4", 1, "postgresql", "postgresql-server", "postgresql-contrib",
                    "postgresql-upgrade").srpm("libpq", null, "16.4", 1);
            ruby.srpm("ruby", null, "3.3.4", 8, "ruby", "ruby-libs", "ruby-devel")
                    .srpm("rubygem-rack", null, "3.0.9", 1).carries("rubygem-rack", "pkg:gem/rack@")
                    .srpm("rubygem-nokogiri", null, "1.16.4", 1).carries("rubygem-nokogiri", "pkg:gem/nokogiri@")
                    .srpm("rubygem-rexml", null, "3.3.6", 1).carries("rubygem-rexml", "pkg:gem/rexml@")
                    .srpm("jruby", null, "9.4.8.0", 1, "jruby-stdlib")
                    .carries("jruby-stdlib", "pkg:maven/org.jruby/jruby-stdlib@")
                    .srpm("python-msgpack", null, "1.0.7", 1, "python3-msgpack").carries("python3-msgpack", "pkg:pypi/msgpack@");
            nginx.build();
            postgresql.build();
            ruby.build();
        }

        Instant day(int daysAgo, String time) {
            return end.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo)).plus(Duration.ofNanos(
                    LocalTime.parse(time).toNanoOfDay()));
        }

        void at(Instant when, String what, Runnable action) {
            if (!when.isBefore(end)) {
                throw new IllegalStateException("demo step '" + what + "' would be in the future");
            }
            steps.add(new Step(when, what, action));
        }

        void write() {
            at(start(end).plus(Duration.ofHours(1)), "policy", () -> policies.importYaml(POLICY,
                    "F45 gating: every module update passes tier0 before testing and again before stable", user("erin")));

            // nginx:1.24, alice
            submit("N1", day(40, "08:12"), nginx.bump("nginx"), "x86_64",
                    "security", "important", "nginx: fix memory disclosure in HTTP/2 HPACK decoding",
                    "A crafted HTTP/2 request could make a worker read past its header table.", "restart",
                    ref("cve", "CVE-2026-1101", "nginx-core"), ref("bugzilla", "2410011"));
            passes("N1", day(40, "08:55"));
            submit("N12", day(39, "10:05"), nginx.same(), "aarch64", "security", "important",
                    "nginx: fix memory disclosure in HTTP/2 HPACK decoding (aarch64)",
                    "The aarch64 build of the HPACK fix.", "restart", ref("cve", "CVE-2026-1101", "nginx-core"),
                    ref("bugzilla", "2410011"));
            passes("N12", day(39, "10:40"));
            submit("N2", day(33, "14:20"), nginx.bump("nginx"), "x86_64", "bugfix", "moderate",
                    "nginx: worker crash on reload with many upstreams",
                    "Reloading with more than 256 upstream blocks crashed a worker with SIGSEGV.", "restart",
                    ref("bugzilla", "2410187", "nginx-core"));
            passes("N2", day(33, "15:02"));
            comment("N2", day(32, "09:30"), "erin", "Reloaded 40 times with 300 upstreams: no crash any more.", 1);
            comment("N2", day(31, "17:45"), "bob", "Works for the ruby:3.3 test proxy too.", 1);
            submit("N3", day(27, "11:00"), nginx.bump("nginx"), "x86_64", "enhancement", "low",
                    "nginx: build the stream module with ssl_preread",
                    "Lets a TCP proxy route by SNI without terminating TLS.", "none", ref("bugzilla", "2410230"));
            passes("N3", day(27, "11:35"));
            submit("N4", day(25, "13:10"), nginx.bump("nginx"), "x86_64",
                    "security", "moderate", "nginx: fix one-byte overread in the mp4 module",
                    "Also carries the stream module with ssl_preread.", "restart",
                    ref("cve", "CVE-2026-1173", "nginx-core"), ref("bugzilla", "2410262", "nginx-core"));
            passes("N4", day(25, "13:48"));
            submit("N5", day(19, "09:00"), nginx.bump("nginx"), "x86_64", "bugfix", "low",
                    "nginx: rotate logs without reopening upstream connections",
                    "logrotate's postrotate now sends USR1 only to the master, which reopens the logs without touching upstream connections.",
                    "none",
                    ref("bugzilla", "2410301", "nginx-core"));
            passes("N5", day(19, "09:41"));
            comment("N5", day(18, "10:15"), "erin", "Keepalive connections to upstreams hang after a rotation here.", -1);
            request("N5", day(18, "11:30"), "alice", "unpush", null);
            comment("N5", day(18, "11:32"), "alice", "Confirmed; unpushed, a fix follows.", 0);
            submit("N6", day(17, "16:00"), nginx.bump("nginx"), "x86_64", "bugfix", "moderate",
                    "nginx: keep upstream keepalive connections across log rotation",
                    "Replaces the unpushed log rotation change.", "restart", ref("bugzilla", "2410301", "nginx-core"));
            passes("N6", day(17, "16:38"));
            comment("N6", day(15, "08:20"), "erin", "No hang after 500 rotations.", 1);
            submit("N11", day(13, "07:45"), nginx.same(), "s390x", "bugfix", "moderate",
                    "nginx: keepalive fix for s390x",
                    "The s390x build of the keepalive fix.", "restart", ref("bugzilla", "2410301", "nginx-core"));
            passes("N11", day(13, "08:30"));
            submit("N7", day(9, "06:50"), nginx.bump("nginx"), "x86_64",
                    "security", "important", "nginx: fix request smuggling with chunked bodies and perl use-after-free",
                    "Two flaws found by the upstream fuzzing effort.", "restart",
                    ref("cve", "CVE-2026-1245", "nginx-core"), ref("cve", "CVE-2026-1246", "nginx-mod-http-perl"),
                    ref("bugzilla", "2410377", "nginx-core"), ref("bugzilla", "2410378", "nginx-mod-http-perl"));
            passes("N7", day(9, "07:31"));
            comment("N7", day(9, "09:00"), "bob", "Smuggling reproducer from the report no longer works.", 1);
            submit("N9", day(6, "12:00"), nginx.same(), "aarch64", "bugfix", "moderate",
                    "nginx: rebuild for aarch64 with the keepalive and smuggling fixes",
                    "Brings aarch64 level with x86_64: the keepalive fix and the request smuggling fixes.", "restart",
                    ref("bugzilla", "2410377", "nginx-core"));
            passes("N9", day(6, "12:44"));
            result("N9", day(4, "03:10"), Outcome.FAILED, "test_proxy_cache timed out twice on aarch64 (re-run)");
            comment("N9", day(4, "09:05"), "alice", "tier0 fails in `test_proxy_cache` on aarch64 only; looking into it.", 0);
            submit("N8", day(3, "10:30"), nginx.bump("nginx"), "x86_64", "bugfix", "moderate",
                    "nginx: proxy_cache_lock_timeout honoured again",
                    "Requests waiting on a cache lock waited forever since 1.24.0-9.", "restart",
                    ref("bugzilla", "2410402", "nginx-core"));
            passes("N8", day(3, "11:12"));
            comment("N8", day(2, "15:00"), "bob", "Does this change the default `proxy_cache_lock_timeout`?", 0);
            comment("N8", day(2, "15:40"), "alice", "No, it stays 5s; it is only honoured again.", 0);
            submit("N10", end.minus(Duration.ofHours(3)), nginx.bump("nginx"), "ppc64le", "enhancement", "low",
                    "nginx: ship a default server block for ppc64le builders",
                    "A minimal `default.conf` so a fresh install answers on port 80 instead of failing to start.",
                    "none", ref("bugzilla", "2410415"));
            hold("N10", end.minus(Duration.ofMinutes(175)), "alice", "waiting for the ppc64le builders to take the new layout");
            passes("N10", end.minus(Duration.ofMinutes(150)));

            // postgresql:16, alice
            submit("P1", day(38, "09:20"), postgresql.upgrade("postgresql", "16.5").upgrade("libpq", "16.5"), "x86_64",
                    "security", "important", "PostgreSQL 16.5: fix privilege escalation through CREATE INDEX",
                    "Updates to 16.5.", "restart", ref("cve", "CVE-2026-2201", "postgresql-server"),
                    ref("bugzilla", "2420014", "postgresql-server"));
            passes("P1", day(38, "10:05"));
            submit("P2", day(31, "15:15"), postgresql.bumpAll(), "x86_64", "bugfix", "moderate",
                    "PostgreSQL 16.6: the minor release", "Fixes for logical replication and VACUUM.", "restart",
                    ref("bugzilla", "2420077"));
            passes("P2", day(31, "15:58"));
            comment("P2", day(29, "11:11"), "erin", "Replication lag gone on our staging pair.", 1);
            submit("P10", day(20, "10:00"), postgresql.same(), "ppc64le", "bugfix", "low",
                    "PostgreSQL 16.6 for ppc64le", "The ppc64le build of 16.6.", "restart", ref("bugzilla", "2420077"));
            passes("P10", day(20, "10:50"));
            submit("P3", day(24, "08:00"), postgresql.bump("libpq"), "x86_64", "security", "moderate",
                    "libpq: fix SQL injection in quoting of multibyte text",
                    "`PQescapeLiteral` could be tricked by invalid multibyte sequences into closing the quote early.",
                    "restart",
                    ref("cve", "CVE-2026-2240", "libpq"));
            passes("P3", day(24, "08:44"));
            submit("P4", day(23, "09:30"), postgresql.bump("libpq", "postgresql"), "x86_64", "security",
                    "moderate", "libpq: quoting fix, and pg_stat_statements crash",
                    "Carries the libpq fix of the update it replaces.", "restart",
                    ref("bugzilla", "2420119", "postgresql-contrib"));
            passes("P4", day(23, "10:15"));
            submit("P5", day(16, "13:00"), postgresql.bump("postgresql"), "x86_64", "bugfix", "low",
                    "postgresql-upgrade: pg_upgrade from 15 keeps custom tablespaces",
                    "pg_upgrade lost the mapping of tablespaces created with a relative path.", "none",
                    ref("bugzilla", "2420166", "postgresql-upgrade"));
            result("P5", day(16, "13:50"), Outcome.FAILED, "pg_upgrade_tablespaces: runner ran out of disk");
            comment("P5", day(15, "09:00"), "alice", "The failure is the runner's disk, not the package: see BZ 2420170.", 0);
            waive("P5", day(15, "10:20"), "erin", "tier0 failed on a runner with a full disk (BZ 2420170); the same"
                    + " test passes locally and on the other runners");
            submit("P6", day(12, "11:00"), postgresql.bump("postgresql"), "aarch64", "enhancement", "none",
                    "postgresql: add pgaudit to the module",
                    "Adds the pgaudit extension for session and object audit logging.",
                    "none", ref("bugzilla", "2420201"));
            request("P6", day(12, "11:20"), "alice", "revoke", "built from the wrong branch; pgaudit goes in its own module");
            submit("P7", day(7, "08:40"), postgresql.bumpAll(), "x86_64", "security", "important",
                    "PostgreSQL 16.7: fix two memory disclosures",
                    "Updates to 16.7.", "restart", ref("cve", "CVE-2026-2277", "postgresql-server"),
                    ref("cve", "CVE-2026-2278", "libpq"), ref("bugzilla", "2420240", "postgresql-server"));
            passes("P7", day(7, "09:20"));
            at(day(6, "16:00"), "cadence", () -> cadences.saveForStream(stream("postgresql:16"), new CadenceForm(
                    "windows", List.of("0 14 * * TUE Europe/Prague 2h"), Map.of("moderate", 3), "important"), user("erin")));
            submit("P8", day(5, "10:00"), postgresql.bump("postgresql"), "x86_64", "bugfix", "moderate",
                    "postgresql: autovacuum no longer skips toast tables",
                    "Autovacuum skipped the TOAST table of a relation whose main table needed no vacuum, so TOAST bloat grew without bound.",
                    "restart",
                    ref("bugzilla", "2420266", "postgresql-server"));
            passes("P8", day(5, "10:45"));
            submit("P9", end.minus(Duration.ofHours(20)), postgresql.bump("libpq"), "aarch64", "security", "moderate",
                    "libpq: fix a buffer overread in SCRAM authentication",
                    "A server could make libpq read past a buffer during SCRAM-SHA-256 authentication.", "restart",
                    ref("cve", "CVE-2026-2290", "libpq"));
            result("P9", end.minus(Duration.ofHours(19)), Outcome.RUNNING, "tier0 on aarch64: 212 of 480 tests run");

            // ruby:3.3, bob: gems, a jar and a wheel inside
            submit("R1", day(39, "14:00"), ruby.upgrade("ruby", "3.3.5").upgrade("rubygem-rack", "3.0.11"),
                    "x86_64", "security", "important", "ruby 3.3.5 and rack 3.0.11: ReDoS fixes",
                    "rack's multipart parser and ruby's URI parser could be made to take quadratic time.", "restart",
                    ref("cve", "CVE-2026-3301", "rack"), ref("cve", "CVE-2026-3302", "ruby-libs"),
                    ref("bugzilla", "2430010", "rubygem-rack"));
            passes("R1", day(39, "14:40"));
            submit("R2", day(32, "10:00"), ruby.upgrade("rubygem-nokogiri", "1.16.6"), "x86_64", "bugfix", "moderate",
                    "nokogiri 1.16.6: builds against the module's libxml2",
                    "The gem now links against the module's libxml2 instead of its vendored copy.", "restart",
                    ref("bugzilla", "2430044", "nokogiri"));
            passes("R2", day(32, "10:41"));
            comment("R2", day(30, "16:00"), "alice", "Our sitemap generator is happy again.", 1);
            submit("R3", day(26, "09:15"), ruby.add("rubygem-webrick", "1.8.2", "pkg:gem/webrick@"), "x86_64",
                    "newpackage", "none", "rubygem-webrick: back in the module for `ruby -run -e httpd`",
                    "webrick left Ruby's default gems in 3.0; people asked for it back.", "none",
                    ref("bugzilla", "2430070"));
            passes("R3", day(26, "09:52"));
            comment("R3", day(24, "12:00"), "erin", "`ruby -run -e httpd .` serves files again.", 1);
            submit("R10", day(15, "09:00"), ruby.same(), "ppc64le", "enhancement", "low",
                    "ruby: webrick for ppc64le",
                    "The ppc64le build of the webrick update.", "none", ref("bugzilla", "2430070"));
            passes("R10", day(15, "09:40"));
            request("R10", day(13, "14:00"), "bob", "unpush", null);
            comment("R10", day(13, "14:05"), "bob", "The ppc64le builder linked against the wrong libyaml; unpushed until it is rebuilt.", 0);
            submit("R4", day(18, "11:00"), ruby.upgrade("rubygem-nokogiri", "1.16.7"), "x86_64", "security", "moderate",
                    "nokogiri 1.16.7: fix use-after-free in XML::Reader",
                    "`Nokogiri::XML::Reader` could free a node still referenced from Ruby.", "restart",
                    ref("cve", "CVE-2026-3350", "nokogiri"));
            passes("R4", day(18, "11:45"));
            submit("R5", day(17, "15:30"), ruby.upgrade("rubygem-nokogiri", "1.16.8").upgrade("python-msgpack", "1.0.8"),
                    "x86_64", "security", "moderate", "nokogiri 1.16.8 and msgpack 1.0.8",
                    "Replaces the 1.16.7 update, whose gem missed a patch; msgpack's wheel fixes a crash unpacking"
                            + " large maps.", "restart",
                    ref("cve", "CVE-2026-3351", "nokogiri"), ref("bugzilla", "2430101", "msgpack"));
            passes("R5", day(17, "16:10"));
            comment("R5", day(15, "10:30"), "alice", "Both fixed here.", 1);
            submit("R6", day(11, "10:00"), ruby.upgrade("rubygem-rexml", "3.3.9"), "x86_64", "bugfix", "low",
                    "rexml 3.3.9", "Updates rexml to 3.3.9.", "none", ref("bugzilla", "2430130", "rexml"));
            passes("R6", day(11, "10:44"));
            comment("R6", day(10, "08:00"), "alice", "Bundler cannot read our Gemfile.lock with this rexml.", -1);
            request("R6", day(10, "09:30"), "bob", "revoke", "rexml 3.3.9 breaks bundler's lockfile parser upstream");
            submit("R7", day(7, "13:00"), ruby.upgrade("ruby", "3.3.6").upgrade("rubygem-rack", "3.0.14")
                            .upgrade("jruby", "9.4.9.0"), "x86_64", "security", "important",
                    "ruby 3.3.6, rack 3.0.14 and jruby-stdlib 9.4.9.0: security fixes",
                    "Fixes header injection in rack and a path traversal in jruby's stdlib jar.", "restart",
                    ref("cve", "CVE-2026-3388", "rack"), ref("cve", "CVE-2026-3389", "org.jruby/jruby-stdlib"),
                    ref("cve", "CVE-2026-3390", "ruby-libs"), ref("bugzilla", "2430166", "rubygem-rack"));
            passes("R7", day(7, "13:42"));
            comment("R7", day(7, "15:00"), "alice", "Rack apps behind nginx fine.", 1);
            submit("R8", day(4, "09:00"), ruby.bump("ruby"), "x86_64", "enhancement", "low",
                    "ruby: enable YJIT by default", "Set `RUBY_YJIT_ENABLE=0` to switch it off.", "restart",
                    ref("bugzilla", "2430190", "ruby-libs"));
            passes("R8", day(4, "09:44"));
            comment("R8", day(3, "10:00"), "alice", "Rails boot 30% faster here.", 1);
            comment("R8", day(2, "11:00"), "erin", "Doubles the memory of our 512 MB builders; please keep it opt-in.", -1);
            submit("R9", day(2, "13:00"), ruby.upgrade("ruby", "3.3.7"), "aarch64", "bugfix", "moderate",
                    "ruby 3.3.7 for aarch64",
                    "Ruby 3.3.7: the maintenance release, first for aarch64.",
                    "restart", ref("bugzilla", "2430201", "ruby-libs"));
            request("R9", day(2, "13:30"), "bob", "none", null);
            comment("R9", day(2, "13:31"), "bob", "Waiting for the upstream 3.3.7 announcement before this goes anywhere.", 0);
        }

        private UpdateDraft.ReferenceDraft ref(String kind, String id, String... fixedIn) {
            return new UpdateDraft.ReferenceDraft(kind, id, null, List.of(fixedIn));
        }

        /** {@code key} submitted by its stream's maintainer at {@code when}: one module build of {@code arch}. */
        private void submit(String key, Instant when, Module module, String arch, String type, String severity,
                            String title, String notes, String suggestion, UpdateDraft.ReferenceDraft... refs) {
            Supplier<UpdateDraft> draft = module.draft(when, arch, type, severity, title, notes, suggestion, List.of(refs));
            at(when, "submit " + key, () -> aliases.put(key, updates.submit(draft.get(),
                    user(module.name.equals("ruby") ? "bob" : "alice")).getAlias()));
        }

        private void passes(String key, Instant when) {
            result(key, when, Outcome.PASSED, null);
        }

        private void result(String key, Instant when, Outcome outcome, String note) {
            at(when, "result " + key, () -> results.store(List.of(new ResultInput("ci.tier0",
                    "https://ci.paddock.example/docs/tier0", outcome, SubjectType.PADDOCK_UPDATE, aliases.get(key),
                    null, null, "https://ci.paddock.example/jobs/" + when.getEpochSecond(), note, Map.of(), null)),
                    user("ci")));
        }

        private void comment(String key, Instant when, String who, String text, int karma) {
            at(when, "comment " + key, () -> updates.comment(aliases.get(key), text, karma, user(who)));
        }

        private void request(String key, Instant when, String who, String request, String reason) {
            at(when, request + " " + key, () -> updates.request(aliases.get(key), request, reason, user(who)));
        }

        private void hold(String key, Instant when, String who, String reason) {
            at(when, "hold " + key, () -> updates.hold(aliases.get(key), true, reason, user(who)));
        }

        private void waive(String key, Instant when, String who, String reason) {
            at(when, "waive " + key, () -> waivers.waive("paddock_update", aliases.get(key), "ci.tier0", null, "F45",
                    true, reason, user(who)));
        }
    }

    /**
     * A module stream's packages as they stand: each source package with its epoch, version and release and the binary
     * RPMs built from it, some carrying a gem, wheel or jar. A build lists every RPM; a bump rebuilds the named source
     * packages in the next module build, the others keep the NEVRAs of the build that last built them (as the module
     * build service reuses components).
     */
    private static final class Module {
        private static final java.util.Set<String> NOARCH = java.util.Set.of("nginx-filesystem", "jruby-stdlib",
                "rubygem-rack", "rubygem-rexml", "rubygem-webrick");
        /** Numbers of the build system's module builds, shared by every module: they only grow. */
        private final java.util.concurrent.atomic.AtomicInteger buildIds;
        final String name;
        final String stream;
        final String context;
        final String summary;
        final Map<String, Source> sources = new LinkedHashMap<>();
        /** The package URL prefix of the gem, wheel or jar a binary RPM carries, by RPM name. */
        final Map<String, String> carried = new LinkedHashMap<>();

        Module(java.util.concurrent.atomic.AtomicInteger buildIds, String name, String stream, String context, String summary) {
            this.buildIds = buildIds;
            this.name = name;
            this.stream = stream;
            this.context = context;
            this.summary = summary;
        }

        /** A source package as built; {@code buildId} null while it waits for the next module build. */
        private record Source(String epoch, String version, int release, Integer buildId, List<String> rpms) {
            String nevra(String rpm, String context, String arch) {
                return rpm + "-" + (epoch == null ? "" : epoch + ":") + version + "-" + release + ".module_f45+"
                        + buildId + "+" + context + "." + (NOARCH.contains(rpm) ? "noarch" : arch);
            }

            Source builtIn(int build) {
                return buildId != null ? this : new Source(epoch, version, release, build, rpms);
            }

            Source rebuilt(String newVersion, int newRelease) {
                return new Source(epoch, newVersion, newRelease, null, rpms);
            }
        }

        /** A source package of the module's first build (the one before the history starts) and its RPMs. */
        Module srpm(String source, String epoch, String version, int release, String... rpms) {
            sources.put(source, new Source(epoch, version, release, null, List.of(rpms.length == 0 ? new String[]{source} : rpms)));
            return this;
        }

        /** The binary RPM carries a gem, wheel or jar of its source's version: {@code purlPrefix} is its package URL up to the {@code @}. */
        Module carries(String rpm, String purlPrefix) {
            carried.put(rpm, purlPrefix);
            return this;
        }

        /** The named source packages rebuilt (release + 1) in the next module build. */
        Module bump(String... names) {
            for (String n : names) {
                Source s = sources.get(n);
                sources.put(n, s.rebuilt(s.version(), s.release() + 1));
            }
            return this;
        }

        /** One source package at a new upstream version (release 1), with the gem, wheel or jar inside it. */
        Module upgrade(String source, String version) {
            sources.put(source, sources.get(source).rebuilt(version, 1));
            return this;
        }

        /** Every source package at the next minor version: 16.5 after 16.4 (the module's own version scheme). */
        Module bumpAll() {
            sources.replaceAll((n, s) -> {
                String[] v = s.version().split("\\.");
                return s.rebuilt(v[0] + "." + (Integer.parseInt(v[1]) + 1), 1);
            });
            return this;
        }

        /** A new source package with one RPM carrying a gem. */
        Module add(String source, String version, String purlPrefix) {
            sources.put(source, new Source(null, version, 1, null, List.of(source)));
            carried.put(source, purlPrefix);
            return this;
        }

        /** What the module build service does: builds what changed, in one module build with one number. */
        Module build() {
            if (sources.values().stream().anyMatch(s -> s.buildId() == null)) {
                int build = buildIds.getAndIncrement();
                sources.replaceAll((n, s) -> s.builtIn(build));
            }
            return this;
        }

        Module same() {
            return this;
        }

        /**
         * The submission as it stands now (the content is copied: later bumps do not change it): nginx and
         * postgresql as the modulemd YAML the module build service writes, ruby as JSON {@code newBuilds}, since
         * modulemd names RPMs only and ruby's gems, jar and wheel go in by package URL.
         */
        Supplier<UpdateDraft> draft(Instant when, String arch, String type, String severity, String title, String notes,
                                    String suggestion, List<UpdateDraft.ReferenceDraft> refs) {
            build();
            long version = Long.parseLong("45" + MODULE_VERSION.format(when));
            List<String> nevras = sources.values().stream()
                    .flatMap(src -> src.rpms().stream().map(rpm -> src.nevra(rpm, context, arch))).toList();
            List<String> purls = carried.entrySet().stream().map(e -> e.getValue() + sources.values().stream()
                    .filter(src -> src.rpms().contains(e.getKey())).findFirst().orElseThrow().version()).toList();
            String modulemd = purls.isEmpty() ? modulemd(version, arch, nevras) : null;
            List<BuildDraft> json = purls.isEmpty() ? List.of() : List.of(new BuildDraft(name, stream, version, context,
                    arch, summary, null, nevras.stream().map(n -> new BuildDraft.RpmDraft(n, null, null)).toList(), purls));
            return () -> new UpdateDraft("F45", List.of(), json, modulemd, type, severity, title, notes, suggestion,
                    refs, null);
        }

        private String modulemd(long version, String arch, List<String> nevras) {
            StringBuilder y = new StringBuilder("---\ndocument: modulemd\nversion: 2\ndata:\n")
                    .append("  name: ").append(name).append("\n  stream: \"").append(stream).append("\"\n")
                    .append("  version: ").append(version).append("\n  context: ").append(context)
                    .append("\n  arch: ").append(arch).append("\n  summary: ").append(summary)
                    .append("\n  description: >-\n    ").append(summary).append(".\n  license:\n    module:\n    - MIT\n")
                    .append("  components:\n    rpms:\n      ").append(name).append(":\n        rationale: The module's")
                    .append(" main package.\n        ref: stream-").append(stream).append("\n  artifacts:\n    rpms:\n");
            Arrays.stream(nevras.toArray(String[]::new)).forEach(n -> y.append("    - ").append(n).append('\n'));
            return y.append("...\n").toString();
        }
    }
}

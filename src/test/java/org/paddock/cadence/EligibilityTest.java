package org.paddock.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paddock.cadence.Verdict.Reason.ARCHIVED;
import static org.paddock.cadence.Verdict.Reason.BLOCKED;
import static org.paddock.cadence.Verdict.Reason.DAYS_IN_TESTING;
import static org.paddock.cadence.Verdict.Reason.DONE;
import static org.paddock.cadence.Verdict.Reason.ELIGIBLE;
import static org.paddock.cadence.Verdict.Reason.FAST_TRACK;
import static org.paddock.cadence.Verdict.Reason.FROZEN;
import static org.paddock.cadence.Verdict.Reason.HELD;
import static org.paddock.cadence.Verdict.Reason.NOT_IN_TESTING;
import static org.paddock.cadence.Verdict.Reason.WAITING_FOR_TESTS;
import static org.paddock.cadence.Verdict.Reason.WAITING_FOR_WINDOW;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.paddock.cadence.Verdict.Reason;

/** The rule's table: one row per behaviour, with the exact line a maintainer reads. */
class EligibilityTest {

    /** Tuesday 20 Oct 2026, 10:00 in Prague (CEST), a week before Europe's clocks go back. */
    static final Instant NOW = at("2026-10-20T08:00:00Z");
    /** Tuesday 27 Oct 2026, 09:00 in Prague (CET). */
    static final Instant AFTER_CHANGE = at("2026-10-27T08:00:00Z");

    static final Cadence IMMEDIATE = Cadence.DEFAULT;
    static final Cadence TUESDAYS = windows("0 14 * * TUE Europe/Prague 2h");

    static final Gate PASSED = new Gate("passed", true, "all required tests passed");
    static final Gate FAILED = new Gate("failed", false, "ci.tier0 failed");
    static final Gate WAITING = new Gate("waiting", false, "ci.tier0 missing");
    static final Gate IGNORED = new Gate("ignored", true, "no policy applies");
    static final Gate IGNORED_UNSATISFIED = new Gate("ignored", false, "no policy applies");

    static final Freeze FINAL = new Freeze(at("2026-10-15T00:00:00Z"), at("2026-12-01T00:00:00Z"), "F45 final freeze");
    static final ReleaseFacts F45 = new ReleaseFacts("F45", false, List.of());
    static final ReleaseFacts F45_FROZEN = frozen(FINAL);
    static final ReleaseFacts F43_ARCHIVED = new ReleaseFacts("F43", true, List.of());

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static Cadence windows(String... windows) {
        return Cadence.of("windows", List.of(windows), Cadence.DEFAULT.minDaysByWord(), "important");
    }

    static ReleaseFacts frozen(Freeze... freezes) {
        return new ReleaseFacts("F45", false, List.of(freezes));
    }

    static Freeze freeze(String start, String end, String reason) {
        return new Freeze(at(start), at(end), reason);
    }

    static Candidate testing(String type, String severity, Instant since) {
        return FactsTest.candidate(type, severity, "testing", since);
    }

    static Candidate testing(String severity, Duration ago) {
        return testing("bugfix", severity, NOW.minus(ago));
    }

    static Candidate testing(String severity, String since) {
        return testing("bugfix", severity, at(since));
    }

    /** In testing long enough for any default. */
    static final Candidate SETTLED = testing("moderate", Duration.ofDays(20));

    static Candidate held(Candidate c, String reason) {
        return new Candidate(c.alias(), c.type(), c.severity(), c.status(), c.testingSince(), reason, c.windowOverride());
    }

    /** In testing, with builds replaced since: they must reach testing before it may go stable. */
    static Candidate newBuilds(Candidate c) {
        return new Candidate(c.alias(), c.type(), c.severity(), c.status(), c.testingSince(), c.holdReason(),
                c.windowOverride(), true);
    }

    static Candidate overridden(Candidate c) {
        return new Candidate(c.alias(), c.type(), c.severity(), c.status(), c.testingSince(), c.holdReason(), true);
    }

    static Candidate status(String status) {
        return FactsTest.candidate("bugfix", "moderate", status,
                status.equals("pending") ? null : NOW.minus(Duration.ofDays(20)));
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }

    /** One row: what goes in, what comes out. */
    record Row(String name, Candidate candidate, Gate gate, Cadence cadence, ReleaseFacts release, Instant now,
               Reason reason, String why, String earliest) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Row row(String name, Candidate c, Gate gate, Cadence cadence, ReleaseFacts release, Instant now,
                   Reason reason, String why, String earliest) {
        return new Row(name, c, gate, cadence, release, now, reason, why, earliest);
    }

    static Row row(String name, Candidate c, Cadence cadence, ReleaseFacts release, Instant now, Reason reason, String why,
                   String earliest) {
        return row(name, c, PASSED, cadence, release, now, reason, why, earliest);
    }

    static Stream<Row> toStable() {
        return Stream.of(
                row("settled, immediate: eligible now", SETTLED, IMMEDIATE, F45, NOW, ELIGIBLE, "eligible now", null),

                // days in testing, each default, one day in
                row("critical: 0 days", testing("critical", days(1)), IMMEDIATE, F45, NOW, ELIGIBLE, "eligible now", null),
                row("important: 2 days", testing("important", days(1)), IMMEDIATE, F45, NOW, DAYS_IN_TESTING,
                        "eligible in 1 day (important: 2 days in testing)", "2026-10-21T08:00:00Z"),
                row("moderate: 5 days", testing("moderate", days(1)), IMMEDIATE, F45, NOW, DAYS_IN_TESTING,
                        "eligible in 4 days (moderate: 5 days in testing)", "2026-10-24T08:00:00Z"),
                row("low: 7 days", testing("low", days(1)), IMMEDIATE, F45, NOW, DAYS_IN_TESTING,
                        "eligible in 6 days (low: 7 days in testing)", "2026-10-26T08:00:00Z"),
                row("none: 7 days", testing("enhancement", "none", NOW.minus(days(1))), IMMEDIATE, F45, NOW, DAYS_IN_TESTING,
                        "eligible in 6 days (none: 7 days in testing)", "2026-10-26T08:00:00Z"),
                row("moderate, 3 days in", testing("moderate", days(3)), IMMEDIATE, F45, NOW, DAYS_IN_TESTING,
                        "eligible in 2 days (moderate: 5 days in testing)", "2026-10-22T08:00:00Z"),
                row("days end exactly now", testing("moderate", days(5)), IMMEDIATE, F45, NOW, ELIGIBLE, "eligible now", null),
                row("a second to go", testing("moderate", days(5).minusSeconds(1)), IMMEDIATE, F45, NOW, DAYS_IN_TESTING,
                        "eligible in 1 minute (moderate: 5 days in testing)", "2026-10-20T08:00:01Z"),
                row("under a day: hours", testing("moderate", days(5).minusHours(5)), IMMEDIATE, F45, NOW, DAYS_IN_TESTING,
                        "eligible in 5 hours (moderate: 5 days in testing)", "2026-10-20T13:00:00Z"),
                row("hours round up", testing("moderate", days(5).minusMinutes(270)), IMMEDIATE, F45, NOW, DAYS_IN_TESTING,
                        "eligible in 5 hours (moderate: 5 days in testing)", "2026-10-20T12:30:00Z"),
                row("under an hour: minutes", testing("moderate", days(5).minusMinutes(20)), IMMEDIATE, F45, NOW,
                        DAYS_IN_TESTING, "eligible in 20 minutes (moderate: 5 days in testing)", "2026-10-20T08:20:00Z"),
                row("days round up", testing("moderate", days(3).minusHours(1)), IMMEDIATE, F45, NOW, DAYS_IN_TESTING,
                        "eligible in 3 days (moderate: 5 days in testing)", "2026-10-22T09:00:00Z"),
                row("one day, singular", testing("low", days(0)),
                        Cadence.of("immediate", List.of(), java.util.Map.of("critical", 0, "important", 1,
                                "moderate", 1, "low", 1, "none", 1), null), F45, NOW, DAYS_IN_TESTING,
                        "eligible in 1 day (low: 1 day in testing)", "2026-10-21T08:00:00Z"),

                // fast track (important): days, windows and freezes do not apply; gating and holds do
                row("fast track: security critical, frozen, window shut, just in testing",
                        testing("security", "critical", NOW), TUESDAYS, F45_FROZEN, NOW, FAST_TRACK,
                        "fast track: security, critical", null),
                row("fast track: security important", testing("security", "important", NOW), TUESDAYS, F45_FROZEN, NOW,
                        FAST_TRACK, "fast track: security, important", null),
                row("no fast track: security moderate", testing("security", "moderate", NOW.minus(days(20))), TUESDAYS,
                        F45, NOW, WAITING_FOR_WINDOW, "waiting for window Tue 14:00 CEST", "2026-10-20T12:00:00Z"),
                row("no fast track: security moderate, 1 day in", testing("security", "moderate", NOW.minus(days(1))),
                        IMMEDIATE, F45, NOW, DAYS_IN_TESTING, "eligible in 4 days (moderate: 5 days in testing)",
                        "2026-10-24T08:00:00Z"),
                row("no fast track: bugfix critical, window shut", testing("bugfix", "critical", NOW), TUESDAYS, F45, NOW,
                        WAITING_FOR_WINDOW, "waiting for window Tue 14:00 CEST", "2026-10-20T12:00:00Z"),
                row("no fast track: bugfix critical, frozen, windows", testing("bugfix", "critical", NOW), TUESDAYS,
                        F45_FROZEN, NOW, FROZEN,
                        "frozen until 2026-12-01 00:00 UTC: F45 final freeze; then window Tue 1 Dec 14:00 CET",
                        "2026-12-01T13:00:00Z"),
                row("no fast track without a fast-track severity", testing("security", "critical", NOW),
                        new Cadence(CadenceMode.WINDOWS, TUESDAYS.windows(), Cadence.DEFAULT_MIN_DAYS, null), F45, NOW,
                        WAITING_FOR_WINDOW, "waiting for window Tue 14:00 CEST", "2026-10-20T12:00:00Z"),
                row("fast track still needs gating", testing("security", "critical", NOW), FAILED, TUESDAYS, F45, NOW,
                        BLOCKED, "blocked: ci.tier0 failed", null),
                row("fast track still respects a hold", held(testing("security", "critical", NOW), "breaks the installer"),
                        TUESDAYS, F45, NOW, HELD, "held: breaks the installer", null),

                // freezes
                row("frozen", SETTLED, IMMEDIATE, F45_FROZEN, NOW, FROZEN,
                        "frozen until 2026-12-01 00:00 UTC: F45 final freeze", "2026-12-01T00:00:00Z"),
                row("frozen from the start instant", SETTLED, IMMEDIATE, F45_FROZEN, at("2026-10-15T00:00:00Z"), FROZEN,
                        "frozen until 2026-12-01 00:00 UTC: F45 final freeze", "2026-12-01T00:00:00Z"),
                row("frozen a second before the end", SETTLED, IMMEDIATE, F45_FROZEN, at("2026-11-30T23:59:59Z"), FROZEN,
                        "frozen until 2026-12-01 00:00 UTC: F45 final freeze", "2026-12-01T00:00:00Z"),
                row("thawed at the end instant", SETTLED, IMMEDIATE, F45_FROZEN, at("2026-12-01T00:00:00Z"), ELIGIBLE,
                        "eligible now", null),
                row("not yet frozen", SETTLED, IMMEDIATE, F45_FROZEN, at("2026-10-14T23:59:59Z"), ELIGIBLE, "eligible now",
                        null),
                row("overlapping freezes chain to the latest end", SETTLED, IMMEDIATE,
                        frozen(freeze("2026-10-01T00:00:00Z", "2026-10-25T00:00:00Z", "F45 beta freeze"),
                                freeze("2026-10-22T00:00:00Z", "2026-12-01T00:00:00Z", "F45 final freeze")),
                        NOW, FROZEN, "frozen until 2026-12-01 00:00 UTC: F45 final freeze", "2026-12-01T00:00:00Z"),
                row("touching freezes chain", SETTLED, IMMEDIATE,
                        frozen(freeze("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "F45 final freeze"),
                                freeze("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "F45 beta freeze")),
                        NOW, FROZEN, "frozen until 2026-12-01 00:00 UTC: F45 final freeze", "2026-12-01T00:00:00Z"),
                row("a later freeze apart does not chain", SETTLED, IMMEDIATE,
                        frozen(freeze("2026-10-01T00:00:00Z", "2026-10-25T00:00:00Z", "F45 beta freeze"),
                                freeze("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "F45 final freeze")),
                        NOW, FROZEN, "frozen until 2026-10-25 00:00 UTC: F45 beta freeze", "2026-10-25T00:00:00Z"),
                row("a freeze with no reason", SETTLED, IMMEDIATE,
                        frozen(freeze("2026-10-01T00:00:00Z", "2026-10-25T00:00:00Z", " ")),
                        NOW, FROZEN, "frozen until 2026-10-25 00:00 UTC", "2026-10-25T00:00:00Z"),
                row("frozen, then days", testing("moderate", days(1)), IMMEDIATE,
                        frozen(freeze("2026-10-15T00:00:00Z", "2026-10-22T00:00:00Z", "F45 beta freeze")), NOW, FROZEN,
                        "frozen until 2026-10-22 00:00 UTC: F45 beta freeze; then 5 days in testing (moderate)",
                        "2026-10-24T08:00:00Z"),
                row("frozen, then days, then the window", testing("moderate", days(1)), TUESDAYS,
                        frozen(freeze("2026-10-15T00:00:00Z", "2026-10-22T00:00:00Z", "F45 beta freeze")), NOW, FROZEN,
                        "frozen until 2026-10-22 00:00 UTC: F45 beta freeze; then 5 days in testing (moderate);"
                                + " then window Tue 27 Oct 14:00 CET", "2026-10-27T13:00:00Z"),
                row("frozen until the middle of a window", SETTLED, TUESDAYS,
                        frozen(freeze("2026-10-15T00:00:00Z", "2026-10-20T13:00:00Z", "F45 release day")), NOW, FROZEN,
                        "frozen until 2026-10-20 13:00 UTC: F45 release day", "2026-10-20T13:00:00Z"),
                row("frozen, window overridden", overridden(SETTLED), TUESDAYS, F45_FROZEN, NOW, FROZEN,
                        "frozen until 2026-12-01 00:00 UTC: F45 final freeze", "2026-12-01T00:00:00Z"),

                // days, then windows
                row("days, then the window a week on", testing("moderate", days(1)), TUESDAYS, F45, NOW, DAYS_IN_TESTING,
                        "eligible in 8 days (moderate: 5 days in testing; then window Tue 27 Oct 14:00 CET)",
                        "2026-10-27T13:00:00Z"),
                row("days, then today's window", testing("moderate", days(5).minusHours(2)), TUESDAYS, F45, NOW,
                        DAYS_IN_TESTING, "eligible in 4 hours (moderate: 5 days in testing; then window Tue 14:00 CEST)",
                        "2026-10-20T12:00:00Z"),
                row("days end inside the window", testing("moderate", days(5).minusHours(5)), TUESDAYS, F45, NOW,
                        DAYS_IN_TESTING, "eligible in 5 hours (moderate: 5 days in testing)", "2026-10-20T13:00:00Z"),
                row("days, window overridden", overridden(testing("moderate", days(1))), TUESDAYS, F45, NOW,
                        DAYS_IN_TESTING, "eligible in 4 days (moderate: 5 days in testing)", "2026-10-24T08:00:00Z"),
                row("days, then a window that falls into a freeze", testing("moderate", days(1)), TUESDAYS,
                        frozen(freeze("2026-10-27T12:00:00Z", "2026-10-28T00:00:00Z", "F45 release day")), NOW,
                        DAYS_IN_TESTING, "eligible in 15 days (moderate: 5 days in testing; then window Tue 27 Oct 14:00 CET;"
                                + " then frozen until 2026-10-28 00:00 UTC: F45 release day; then window Tue 3 Nov 14:00 CET)",
                        "2026-11-03T13:00:00Z"),

                // windows
                row("window shut: today, summer time", SETTLED, TUESDAYS, F45, NOW, WAITING_FOR_WINDOW,
                        "waiting for window Tue 14:00 CEST", "2026-10-20T12:00:00Z"),
                row("window shut: today, winter time", SETTLED, TUESDAYS, F45, AFTER_CHANGE, WAITING_FOR_WINDOW,
                        "waiting for window Tue 14:00 CET", "2026-10-27T13:00:00Z"),
                row("window open", SETTLED, TUESDAYS, F45, at("2026-10-20T12:30:00Z"), ELIGIBLE, "eligible now", null),
                row("window open from its start", SETTLED, TUESDAYS, F45, at("2026-10-20T12:00:00Z"), ELIGIBLE,
                        "eligible now", null),
                row("window just shut: next week, with the date", SETTLED, TUESDAYS, F45, at("2026-10-20T14:00:00Z"),
                        WAITING_FOR_WINDOW, "waiting for window Tue 27 Oct 14:00 CET", "2026-10-27T13:00:00Z"),
                row("six days ahead: no date", SETTLED, TUESDAYS, F45, at("2026-10-21T08:00:00Z"), WAITING_FOR_WINDOW,
                        "waiting for window Tue 14:00 CET", "2026-10-27T13:00:00Z"),
                row("window overridden", overridden(SETTLED), TUESDAYS, F45, NOW, ELIGIBLE, "eligible now", null),
                row("window in a freeze: the next one", SETTLED, TUESDAYS,
                        frozen(freeze("2026-10-27T12:00:00Z", "2026-10-28T00:00:00Z", "F45 release day")), AFTER_CHANGE,
                        WAITING_FOR_WINDOW, "waiting for window Tue 14:00 CET; then frozen until 2026-10-28 00:00 UTC:"
                                + " F45 release day; then window Tue 3 Nov 14:00 CET", "2026-11-03T13:00:00Z"),
                row("the earlier of two windows", SETTLED,
                        windows("0 14 * * TUE Europe/Prague 2h", "0 9 * * * Asia/Kolkata 1h"), F45, NOW, WAITING_FOR_WINDOW,
                        "waiting for window Tue 14:00 CEST", "2026-10-20T12:00:00Z"),
                row("Kolkata, +05:30", SETTLED, windows("0 9 * * * Asia/Kolkata 1h"), F45, NOW, WAITING_FOR_WINDOW,
                        "waiting for window Wed 09:00 IST", "2026-10-21T03:30:00Z"),
                row("New York before its change", SETTLED, windows("0 9 * * MON America/New_York 8h"), F45,
                        at("2026-10-25T12:00:00Z"), WAITING_FOR_WINDOW, "waiting for window Mon 09:00 EDT",
                        "2026-10-26T13:00:00Z"),
                row("New York after its change", SETTLED, windows("0 9 * * MON America/New_York 8h"), F45,
                        at("2026-11-01T12:00:00Z"), WAITING_FOR_WINDOW, "waiting for window Mon 09:00 EST",
                        "2026-11-02T14:00:00Z"),
                row("a window in the spring gap opens at 03:30 CEST", testing("moderate", "2026-03-01T00:00:00Z"), windows("30 2 * * SUN Europe/Prague 1h"), F45,
                        at("2026-03-27T12:00:00Z"), WAITING_FOR_WINDOW, "waiting for window Sun 03:30 CEST",
                        "2026-03-29T01:30:00Z"),

                // holds, archived releases, gating
                row("held", held(SETTLED, "waiting for upstream fix"), IMMEDIATE, F45, NOW, HELD,
                        "held: waiting for upstream fix", null),
                row("held before gating", held(SETTLED, "waiting for upstream fix"), FAILED, IMMEDIATE, F45, NOW, HELD,
                        "held: waiting for upstream fix", null),
                row("held before a freeze", held(SETTLED, "waiting for upstream fix"), IMMEDIATE, F45_FROZEN, NOW, HELD,
                        "held: waiting for upstream fix", null),
                row("archived", SETTLED, IMMEDIATE, F43_ARCHIVED, NOW, ARCHIVED, "F43 is archived: it never pushes", null),
                row("archived before held", held(SETTLED, "waiting for upstream fix"), FAILED, IMMEDIATE, F43_ARCHIVED, NOW,
                        ARCHIVED, "F43 is archived: it never pushes", null),
                row("blocked", SETTLED, FAILED, IMMEDIATE, F45, NOW, BLOCKED, "blocked: ci.tier0 failed", null),
                row("blocked before a freeze and days", testing("moderate", days(1)), FAILED, IMMEDIATE, F45_FROZEN, NOW,
                        BLOCKED, "blocked: ci.tier0 failed", null),
                row("waiting for tests", SETTLED, WAITING, TUESDAYS, F45, NOW, WAITING_FOR_TESTS,
                        "waiting for tests: ci.tier0 missing", null),
                row("ignored, satisfied", SETTLED, IGNORED, IMMEDIATE, F45, NOW, ELIGIBLE, "eligible now", null),
                row("ignored, not satisfied", SETTLED, IGNORED_UNSATISFIED, IMMEDIATE, F45, NOW, WAITING_FOR_TESTS,
                        "waiting for tests: no policy applies", null),

                // status
                row("pending", status("pending"), IMMEDIATE, F45, NOW, NOT_IN_TESTING, "must be in testing first", null),
                row("new builds not in testing yet", newBuilds(SETTLED), IMMEDIATE, F45, NOW, NOT_IN_TESTING,
                        "its new builds must reach testing first", null),
                row("pending, archived", status("pending"), IMMEDIATE, F43_ARCHIVED, NOW, NOT_IN_TESTING,
                        "must be in testing first", null),
                row("stable", status("stable"), IMMEDIATE, F45, NOW, DONE, "already stable", null),
                row("obsolete", status("obsolete"), IMMEDIATE, F45, NOW, DONE, "obsolete: nothing to move", null),
                row("revoked", status("revoked"), IMMEDIATE, F45, NOW, DONE, "revoked: nothing to move", null),
                row("unpushed", status("unpushed"), IMMEDIATE, F45, NOW, DONE, "unpushed: nothing to move", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void toStable(Row row) {
        Verdict v = Eligibility.toStable(row.candidate(), row.gate(), row.cadence(), row.release(), row.now());

        assertThat(v.why()).isEqualTo(row.why());
        assertThat(v.reason()).isEqualTo(row.reason());
        assertThat(v.eligible()).isEqualTo(row.reason() == ELIGIBLE || row.reason() == FAST_TRACK);
        assertThat(v.earliest()).isEqualTo(row.earliest() == null ? null : at(row.earliest()));
    }

    /** An honest earliest: asked again at that instant, the answer is yes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("toStable")
    void atTheEarliestInstantTheUpdateMayMove(Row row) {
        Verdict v = Eligibility.toStable(row.candidate(), row.gate(), row.cadence(), row.release(), row.now());
        if (v.earliest() != null) {
            Verdict then = Eligibility.toStable(row.candidate(), row.gate(), row.cadence(), row.release(), v.earliest());
            Verdict before = Eligibility.toStable(row.candidate(), row.gate(), row.cadence(), row.release(),
                    v.earliest().minusSeconds(1));

            assertThat(then.eligible()).as(then.why()).isTrue();
            assertThat(before.eligible()).as(before.why()).isFalse();
        }
    }

    static Stream<Row> toTesting() {
        Candidate pending = status("pending");
        return Stream.of(
                row("pending: eligible now", pending, IMMEDIATE, F45, NOW, ELIGIBLE, "eligible now", null),
                row("a freeze does not stop testing", pending, TUESDAYS, F45_FROZEN, NOW, ELIGIBLE, "eligible now", null),
                row("archived", pending, IMMEDIATE, F43_ARCHIVED, NOW, ARCHIVED, "F43 is archived: it never pushes", null),
                row("held", held(pending, "needs a rebuild"), IMMEDIATE, F45, NOW, HELD, "held: needs a rebuild", null),
                row("archived before held", held(pending, "needs a rebuild"), IMMEDIATE, F43_ARCHIVED, NOW, ARCHIVED,
                        "F43 is archived: it never pushes", null),
                row("blocked", pending, FAILED, IMMEDIATE, F45, NOW, BLOCKED, "blocked: ci.tier0 failed", null),
                row("held before blocked", held(pending, "needs a rebuild"), FAILED, IMMEDIATE, F45, NOW, HELD,
                        "held: needs a rebuild", null),
                row("waiting for tests", pending, WAITING, IMMEDIATE, F45, NOW, WAITING_FOR_TESTS,
                        "waiting for tests: ci.tier0 missing", null),
                row("testing", status("testing"), IMMEDIATE, F45, NOW, DONE, "already in testing", null),
                row("stable", status("stable"), IMMEDIATE, F45, NOW, DONE, "already stable", null),
                row("revoked", status("revoked"), IMMEDIATE, F45, NOW, DONE, "revoked: nothing to move", null),
                row("new builds of an update in testing", newBuilds(SETTLED), IMMEDIATE, F45, NOW, ELIGIBLE, "eligible now", null),
                row("new builds, blocked", newBuilds(SETTLED), FAILED, IMMEDIATE, F45, NOW, BLOCKED, "blocked: ci.tier0 failed", null),
                // an unpushed update asked back to testing goes as a pending one does (the request is the caller's to check)
                row("unpushed, back to testing", status("unpushed"), IMMEDIATE, F45, NOW, ELIGIBLE, "eligible now", null),
                row("unpushed, blocked", status("unpushed"), FAILED, IMMEDIATE, F45, NOW, BLOCKED, "blocked: ci.tier0 failed", null),
                row("obsolete", status("obsolete"), IMMEDIATE, F45, NOW, DONE, "obsolete: nothing to move", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void toTesting(Row row) {
        Verdict v = Eligibility.toTesting(row.candidate(), row.gate(), row.release(), row.now());

        assertThat(v.why()).isEqualTo(row.why());
        assertThat(v.reason()).isEqualTo(row.reason());
        assertThat(v.eligible()).isEqualTo(row.reason() == ELIGIBLE);
        assertThat(v.earliest()).isNull();
    }

    /** how long, how it reads */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "PT1S, in 1 minute",
            "PT1M, in 1 minute",
            "PT59M, in 59 minutes",
            "PT59M1S, in 1 hour",
            "PT1H, in 1 hour",
            "PT1H1S, in 2 hours",
            "PT23H, in 23 hours",
            "PT23H1M, in 1 day",
            "P1D, in 1 day",
            "P2D, in 2 days",
            "P2DT1S, in 3 days",
            "P15D, in 15 days"})
    void in(String duration, String text) {
        assertThat(Eligibility.in(Duration.parse(duration))).isEqualTo(text);
    }

    @Test
    void reasonWords() {
        assertThat(Reason.WAITING_FOR_WINDOW.word()).isEqualTo("waiting_for_window");
        assertThat(Reason.values()).filteredOn(Reason::moves).containsExactly(ELIGIBLE, FAST_TRACK);
    }
}

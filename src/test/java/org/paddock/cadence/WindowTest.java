package org.paddock.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Windows: cron on a zone's wall clock, across zones and daylight-saving changes. 2026's European changes are 29 Mar and 25 Oct, America's 8 Mar and 1 Nov. */
class WindowTest {

    static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** window, after, its next start (instant), the start's offset on the window's wall clock */
    @ParameterizedTest(name = "{0} after {1} -> {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            0 14 * * TUE Europe/Prague 2h      | 2026-10-19T00:00:00Z | 2026-10-20T12:00:00Z | +02:00
            0 14 * * TUE Europe/Prague 2h      | 2026-10-20T12:00:00Z | 2026-10-27T13:00:00Z | +01:00
            0 14 * * TUE Europe/Prague 2h      | 2026-03-22T00:00:00Z | 2026-03-24T13:00:00Z | +01:00
            0 14 * * TUE Europe/Prague 2h      | 2026-03-25T00:00:00Z | 2026-03-31T12:00:00Z | +02:00
            0 9 * * MON America/New_York 8h    | 2026-03-01T00:00:00Z | 2026-03-02T14:00:00Z | -05:00
            0 9 * * MON America/New_York 8h    | 2026-03-03T00:00:00Z | 2026-03-09T13:00:00Z | -04:00
            0 9 * * MON America/New_York 8h    | 2026-10-27T00:00:00Z | 2026-11-02T14:00:00Z | -05:00
            0 9 * * * Asia/Kolkata 1h          | 2026-01-15T00:00:00Z | 2026-01-15T03:30:00Z | +05:30
            0 9 * * * Asia/Kolkata 1h          | 2026-07-15T03:30:00Z | 2026-07-16T03:30:00Z | +05:30
            30 23 * * SUN Asia/Kolkata 1h      | 2026-03-01T00:00:00Z | 2026-03-01T18:00:00Z | +05:30
            0 0 1 1 * UTC 1d                   | 2026-06-01T00:00:00Z | 2027-01-01T00:00:00Z | Z
            0 22 * * 7 Europe/Prague 4h        | 2026-03-02T00:00:00Z | 2026-03-08T21:00:00Z | +01:00
            """)
    void nextStartAfter(String window, String after, String start, String offset) {
        ZonedDateTime next = Window.parse(window).nextStartAfter(at(after)).orElseThrow();

        assertThat(next.toInstant()).isEqualTo(at(start));
        assertThat(next.getOffset()).isEqualTo(ZoneOffset.of(offset));
        assertThat(next.getZone()).isEqualTo(Window.parse(window).zone());
    }

    @Test
    void aStartIsTheLastStartAtItsOwnInstantAndNotTheNextOne() {
        Window w = Window.parse("0 14 * * TUE Europe/Prague 2h");
        Instant start = at("2026-10-20T12:00:00Z");

        assertThat(w.lastStartAtOrBefore(start)).map(ZonedDateTime::toInstant).contains(start);
        assertThat(w.lastStartAtOrBefore(start.minusSeconds(1))).map(ZonedDateTime::toInstant)
                .contains(at("2026-10-13T12:00:00Z"));
        assertThat(w.nextStartAfter(start.minusSeconds(1))).map(ZonedDateTime::toInstant).contains(start);
        assertThat(w.nextStartAfter(start)).map(ZonedDateTime::toInstant).contains(at("2026-10-27T13:00:00Z"));
    }

    @Test
    void lastStartAcrossTheAutumnChange() {
        Window w = Window.parse("0 14 * * TUE Europe/Prague 2h");

        assertThat(w.lastStartAtOrBefore(at("2026-10-27T12:59:00Z"))).map(ZonedDateTime::toString)
                .contains("2026-10-20T14:00+02:00[Europe/Prague]");
        assertThat(w.lastStartAtOrBefore(at("2026-10-27T13:00:00Z"))).map(ZonedDateTime::toString)
                .contains("2026-10-27T14:00+01:00[Europe/Prague]");
    }

    /** window, instant, open? — a window is open from its start (included) for its length (end excluded). */
    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0 14 * * TUE Europe/Prague 2h   | 2026-10-20T11:59:59Z | false
            0 14 * * TUE Europe/Prague 2h   | 2026-10-20T12:00:00Z | true
            0 14 * * TUE Europe/Prague 2h   | 2026-10-20T13:59:59Z | true
            0 14 * * TUE Europe/Prague 2h   | 2026-10-20T14:00:00Z | false
            0 14 * * TUE Europe/Prague 2h   | 2026-10-27T12:30:00Z | false
            0 14 * * TUE Europe/Prague 2h   | 2026-10-27T13:00:00Z | true
            0 14 * * TUE Europe/Prague 2h   | 2026-10-27T14:59:00Z | true
            0 14 * * TUE Europe/Prague 2h   | 2026-10-27T15:00:00Z | false
            0 22 * * SUN UTC 4h             | 2026-03-01T21:59:00Z | false
            0 22 * * SUN UTC 4h             | 2026-03-01T23:59:00Z | true
            0 22 * * SUN UTC 4h             | 2026-03-02T00:00:00Z | true
            0 22 * * SUN UTC 4h             | 2026-03-02T01:59:59Z | true
            0 22 * * SUN UTC 4h             | 2026-03-02T02:00:00Z | false
            0 23 * * SAT Europe/Prague 2d   | 2026-03-01T12:00:00Z | true
            0 23 * * SAT Europe/Prague 2d   | 2026-03-02T21:59:00Z | true
            0 23 * * SAT Europe/Prague 2d   | 2026-03-02T22:00:00Z | false
            0 22 31 12 * UTC 4h             | 2027-01-01T01:00:00Z | true
            0 22 31 12 * UTC 4h             | 2027-01-01T02:00:00Z | false
            0 9 * * MON-FRI Asia/Kolkata 8h | 2026-03-02T03:30:00Z | true
            0 9 * * MON-FRI Asia/Kolkata 8h | 2026-03-02T11:30:00Z | false
            0 9 * * MON-FRI Asia/Kolkata 8h | 2026-03-01T05:00:00Z | false
            * * * * * UTC 1m                | 2026-03-01T05:00:30Z | true
            """)
    void isOpenAt(String window, String instant, boolean open) {
        assertThat(Window.parse(window).isOpenAt(at(instant))).isEqualTo(open);
    }

    /**
     * 02:30 does not exist in Prague on 29 Mar 2026 (clocks jump from 02:00 CET to 03:00 CEST). cron-utils alone
     * skips the day (a weekly Sunday 02:30 window would stay shut two weeks); a window opens where java.time
     * places the wall-clock time: moved forward by the gap, 03:30 CEST = 01:30Z, and lasts its full length.
     */
    @Test
    void aStartInTheSpringGapMovesForwardByTheGap() {
        Window weekly = Window.parse("30 2 * * SUN Europe/Prague 1h");

        assertThat(weekly.nextStartAfter(at("2026-03-28T00:00:00Z"))).map(ZonedDateTime::toString)
                .contains("2026-03-29T03:30+02:00[Europe/Prague]");
        assertThat(weekly.nextStartAfter(at("2026-03-29T01:30:00Z"))).map(ZonedDateTime::toString)
                .contains("2026-04-05T02:30+02:00[Europe/Prague]");
        assertThat(weekly.lastStartAtOrBefore(at("2026-03-29T01:29:59Z"))).map(ZonedDateTime::toString)
                .contains("2026-03-22T02:30+01:00[Europe/Prague]");
        assertThat(weekly.lastStartAtOrBefore(at("2026-03-29T05:00:00Z"))).map(ZonedDateTime::toString)
                .contains("2026-03-29T03:30+02:00[Europe/Prague]");
        assertThat(weekly.isOpenAt(at("2026-03-29T01:29:59Z"))).isFalse();
        assertThat(weekly.isOpenAt(at("2026-03-29T01:30:00Z"))).isTrue();
        assertThat(weekly.isOpenAt(at("2026-03-29T02:29:59Z"))).isTrue();
        assertThat(weekly.isOpenAt(at("2026-03-29T02:30:00Z"))).isFalse();

        Window daily = Window.parse("30 2 * * * Europe/Prague 1h");
        assertThat(daily.nextStartAfter(at("2026-03-28T12:00:00Z"))).map(ZonedDateTime::toInstant)
                .contains(at("2026-03-29T01:30:00Z"));
        assertThat(daily.nextStartAfter(at("2026-03-29T01:30:00Z"))).map(ZonedDateTime::toInstant)
                .contains(at("2026-03-30T00:30:00Z"));
    }

    /** Every half hour through the spring gap: 02:00 and 02:30 (shifted) share instants with 03:00 and 03:30; none is lost. */
    @Test
    void startsThroughTheSpringGapAreInOrderAndNoneIsLost() {
        Window w = Window.parse("*/30 * * * * Europe/Prague 1m");
        List<Instant> starts = new ArrayList<>();
        Instant cursor = at("2026-03-29T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            cursor = w.nextStartAfter(cursor).orElseThrow().toInstant();
            starts.add(cursor);
        }

        assertThat(starts).containsExactly(at("2026-03-29T00:30:00Z"), at("2026-03-29T01:00:00Z"),
                at("2026-03-29T01:30:00Z"), at("2026-03-29T02:00:00Z"), at("2026-03-29T02:30:00Z"));
        assertThat(w.lastStartAtOrBefore(at("2026-03-29T01:45:00Z"))).map(ZonedDateTime::toInstant)
                .contains(at("2026-03-29T01:30:00Z"));
    }

    /** 02:30 happens twice in Prague on 25 Oct 2026; the window opens once, at the first (CEST, 00:30Z), for an hour of real time. */
    @Test
    void aStartInTheAutumnOverlapOpensOnceAtItsFirstOccurrence() {
        Window w = Window.parse("30 2 * * SUN Europe/Prague 1h");

        assertThat(w.nextStartAfter(at("2026-10-24T12:00:00Z"))).map(ZonedDateTime::toString)
                .contains("2026-10-25T02:30+02:00[Europe/Prague]");
        assertThat(w.nextStartAfter(at("2026-10-25T00:30:00Z"))).map(ZonedDateTime::toString)
                .contains("2026-11-01T02:30+01:00[Europe/Prague]");
        assertThat(w.lastStartAtOrBefore(at("2026-10-25T01:45:00Z"))).map(ZonedDateTime::toInstant)
                .contains(at("2026-10-25T00:30:00Z"));
        assertThat(w.isOpenAt(at("2026-10-25T01:29:59Z"))).isTrue();
        assertThat(w.isOpenAt(at("2026-10-25T01:30:00Z"))).as("02:30 CET, the second 02:30, is no start").isFalse();
    }

    @Test
    void aWindowOfTwoHoursLastsTwoHoursOfRealTimeAcrossTheChange() {
        Window w = Window.parse("0 2 * * SUN Europe/Prague 2h");

        assertThat(w.nextStartAfter(at("2026-10-24T00:00:00Z"))).map(ZonedDateTime::toInstant)
                .contains(at("2026-10-25T00:00:00Z"));
        assertThat(w.isOpenAt(at("2026-10-25T01:59:59Z"))).isTrue();
        assertThat(w.isOpenAt(at("2026-10-25T02:00:00Z"))).isFalse();
    }

    @Test
    void aLeapDayWindowWaitsForTheLeapYear() {
        Window w = Window.parse("0 12 29 2 * UTC 1h");

        assertThat(w.nextStartAfter(at("2026-03-01T00:00:00Z"))).map(ZonedDateTime::toInstant)
                .contains(at("2028-02-29T12:00:00Z"));
        assertThat(w.lastStartAtOrBefore(at("2026-03-01T00:00:00Z"))).map(ZonedDateTime::toInstant)
                .contains(at("2024-02-29T12:00:00Z"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 14 * * TUE Europe/Prague 2h       | Tue 14:00 Europe/Prague for 2 h
            0 14 * * tue Europe/Prague 120m     | Tue 14:00 Europe/Prague for 2 h
            0 9 * * MON-FRI UTC 30m             | Mon-Fri 09:00 UTC for 30 min
            0 14 * * MON,WED America/New_York 1d| Mon, Wed 14:00 America/New_York for 1 d
            30 2 * * * Europe/Prague 1h30m      | daily 02:30 Europe/Prague for 1 h 30 min
            5 0 * * 0 UTC 7d                    | Sun 00:05 UTC for 7 d
            5 0 * * 7 UTC 1d12h                 | Sun 00:05 UTC for 1 d 12 h
            */15 * * * * UTC 5m                 | cron */15 * * * * UTC for 5 min
            0 0 1 * * Asia/Kolkata 1h           | cron 0 0 1 * * Asia/Kolkata for 1 h
            """)
    void describe(String window, String text) {
        assertThat(Window.parse(window).describe()).isEqualTo(text);
    }

    static Stream<Arguments> parsed() {
        return Stream.of(
                Arguments.of("0 14 * * TUE Europe/Prague 2h", new Window("0 14 * * TUE", ZoneId.of("Europe/Prague"), Duration.ofHours(2))),
                Arguments.of("  0  14 * *   TUE   Europe/Prague   2h ", new Window("0 14 * * TUE", ZoneId.of("Europe/Prague"), Duration.ofHours(2))),
                Arguments.of("30 2 * * * UTC 30m", new Window("30 2 * * *", ZoneId.of("UTC"), Duration.ofMinutes(30))),
                Arguments.of("0 9 * * 1-5 Asia/Kolkata 1d", new Window("0 9 * * 1-5", ZoneId.of("Asia/Kolkata"), Duration.ofDays(1))),
                Arguments.of("0 9 * * 1-5 Asia/Kolkata 1H30M", new Window("0 9 * * 1-5", ZoneId.of("Asia/Kolkata"), Duration.ofMinutes(90))),
                Arguments.of("0 0 * * SUN UTC 7d", new Window("0 0 * * SUN", ZoneId.of("UTC"), Duration.ofDays(7))),
                Arguments.of("* * * * * UTC 1m", new Window("* * * * *", ZoneId.of("UTC"), Duration.ofMinutes(1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsed")
    void parse(String text, Window window) {
        assertThat(Window.parse(text)).isEqualTo(window);
        assertThat(Window.parse(window.text())).isEqualTo(window);
    }

    @Test
    void textIsWhatParseReads() {
        assertThat(Window.parse("0 14 * * TUE Europe/Prague 90m").text()).isEqualTo("0 14 * * TUE Europe/Prague 1h30m");
    }

    /** what a person typed, the start of the refusal */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            TUE 14 Europe/Prague 2h          | cron: 'TUE 14' is not a cron expression: Cron expression contains 2 parts but we expect one of [5]
            0 25 * * TUE Europe/Prague 2h    | cron: '0 25 * * TUE' is not a cron expression: Failed to parse cron expression. Value 25 not in range [0, 23]
            0 14 * * TUE#2 Europe/Prague 2h  | cron: '0 14 * * TUE#2' is not a cron expression:
            @weekly Europe/Prague 2h         | cron: '@weekly' is not a cron expression:
            0 0 0 14 * * TUE Europe/Prague 2h| cron: '0 0 0 14 * * TUE' is not a cron expression:
            0 0 30 2 * UTC 1h                | cron: '0 0 30 2 *' never fires
            0 14 * * TUE Europe/Prag 2h      | zone: 'Europe/Prag' is not a time zone
            0 14 * * TUE Mars/Olympus 2h     | zone: 'Mars/Olympus' is not a time zone
            0 14 * * TUE 2h                  | zone: 'TUE' is not a time zone
            0 14 * * TUE Europe/Prague 0m    | length: must be between 1 minute and 7 days, not 0m
            0 14 * * TUE Europe/Prague 0h    | length: must be between 1 minute and 7 days, not 0m
            0 14 * * TUE Europe/Prague 7d1m  | length: must be between 1 minute and 7 days, not 7d1m
            0 14 * * TUE Europe/Prague 8d    | length: must be between 1 minute and 7 days, not 8d
            0 14 * * TUE Europe/Prague 2x    | length: '2x' is not a length like 30m, 2h, 1d or 1h30m
            0 14 * * TUE Europe/Prague -2h   | length: '-2h' is not a length like 30m, 2h, 1d or 1h30m
            0 14 * * TUE Europe/Prague       | length: 'Europe/Prague' is not a length like 30m, 2h, 1d or 1h30m
            0 14 * * TUE                     | length: 'TUE' is not a length like 30m, 2h, 1d or 1h30m; expected '<cron> <zone> <length>', e.g. '0 14 * * TUE Europe/Prague 2h'
            Europe/Prague 2h                 | cron: missing; expected '<cron> <zone> <length>', e.g. '0 14 * * TUE Europe/Prague 2h', not 'Europe/Prague 2h'
            """)
    void parseRefuses(String text, String message) {
        assertThatThrownBy(() -> Window.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void parseRefusesNothing() {
        assertThatThrownBy(() -> Window.parse(null)).hasMessageStartingWith("cron: missing; expected '<cron> <zone> <length>'");
        assertThatThrownBy(() -> Window.parse("   ")).hasMessageStartingWith("cron: missing; expected '<cron> <zone> <length>'");
    }

    @Test
    void theConstructorRefusesWhatParseWould() {
        ZoneId utc = ZoneId.of("UTC");
        assertThatThrownBy(() -> new Window(" ", utc, Duration.ofHours(1))).hasMessage("cron: required");
        assertThatThrownBy(() -> new Window("0 14 * * TUE", null, Duration.ofHours(1))).hasMessage("zone: required");
        assertThatThrownBy(() -> new Window("0 14 * * TUE", utc, null)).hasMessage("length: required");
        assertThatThrownBy(() -> new Window("0 14 * * TUE", utc, Duration.ofSeconds(59)))
                .hasMessage("length: must be between 1 minute and 7 days, not PT59S");
        assertThatThrownBy(() -> new Window("0 14 * * TUE", utc, Duration.ofHours(-1)))
                .hasMessage("length: must be between 1 minute and 7 days, not PT-1H");
        assertThatThrownBy(() -> new Window("0 14 * * TUE 2026", utc, Duration.ofHours(1)))
                .hasMessageStartingWith("cron: '0 14 * * TUE 2026' is not a cron expression: ");
        assertThat(new Window("0 14 * * TUE", utc, Duration.ofDays(7)).length()).isEqualTo(Window.LONGEST);
    }
}

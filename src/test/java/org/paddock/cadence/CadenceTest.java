package org.paddock.cadence;

import org.paddock.update.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CadenceTest {

    static final Map<String, Integer> DAYS = Cadence.DEFAULT.minDaysByWord();
    /** Tuesdays 14:00 Prague for 2 h, Thursdays 09:00 New York for 1 h. */
    static final Cadence TWO = Cadence.of("windows", List.of("0 14 * * TUE Europe/Prague 2h", "0 9 * * THU America/New_York 1h"),
            DAYS, "important");

    /** A cadence from words, as {@link Cadence#of} reads them, with windows already parsed. */
    static Cadence cadence(CadenceMode mode, List<Window> windows, Map<String, Integer> days, String fastTrack) {
        return new Cadence(mode, windows, Cadence.daysOf(days), Cadence.fastTrackOf(fastTrack));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static Map<String, Integer> days(String without, String key, Integer value) {
        Map<String, Integer> days = new HashMap<>(DAYS);
        days.remove(without);
        if (key != null) {
            days.put(key, value);
        }
        return days;
    }

    @Test
    void theDefaultIsImmediateWithDaysPerSeverityAndAFastTrackFromImportant() {
        assertThat(Cadence.DEFAULT.mode()).isEqualTo(CadenceMode.IMMEDIATE);
        assertThat(Cadence.DEFAULT.windows()).isEmpty();
        assertThat(Cadence.DEFAULT.minDaysInTesting()).containsExactly(Map.entry(Severity.CRITICAL, 0),
                Map.entry(Severity.IMPORTANT, 2), Map.entry(Severity.MODERATE, 5), Map.entry(Severity.LOW, 7),
                Map.entry(Severity.NONE, 7));
        assertThat(Cadence.DEFAULT.minDaysByWord()).containsExactly(Map.entry("critical", 0), Map.entry("important", 2),
                Map.entry("moderate", 5), Map.entry("low", 7), Map.entry("none", 7));
        assertThat(Cadence.DEFAULT.fastTrackSeverity()).isEqualTo(Severity.IMPORTANT);
    }

    @ParameterizedTest(name = "{0}: {1} days")
    @CsvSource({"critical, 0", "important, 2", "moderate, 5", "low, 7", "none, 7", "Moderate, 5"})
    void minDays(String severity, int days) {
        assertThat(Cadence.DEFAULT.minDays(Severity.fromWord(severity))).isEqualTo(days);
    }

    /** fast track, type, severity: fast-tracked? */
    @ParameterizedTest(name = "fast track {0}: {1} {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "important, security, critical, true",
            "important, security, important, true",
            "important, security, moderate, false",
            "important, security, low, false",
            "important, bugfix, critical, false",
            "important, enhancement, critical, false",
            "critical, security, critical, true",
            "critical, security, important, false",
            "low, security, low, true",
            "low, security, none, false",
            "null, security, critical, false"})
    void fastTracks(String fastTrack, String type, String severity, boolean fastTracked) {
        Cadence cadence = cadence(CadenceMode.IMMEDIATE, List.of(), DAYS, fastTrack);
        assertThat(cadence.fastTracks(org.paddock.update.UpdateType.fromWord(type), org.paddock.update.Severity.fromWord(severity)))
                .isEqualTo(fastTracked);
    }

    @Test
    void severityWordsAreReadInAnyCaseAndABlankFastTrackIsNone() {
        Map<String, Integer> upper = new HashMap<>();
        DAYS.forEach((k, v) -> upper.put(k.toUpperCase(), v));
        Cadence cadence = cadence(CadenceMode.IMMEDIATE, null, upper, " ");

        assertThat(cadence.minDaysByWord()).isEqualTo(DAYS);
        assertThat(cadence.windows()).isEmpty();
        assertThat(cadence.fastTrackSeverity()).isNull();
        assertThat(cadence(CadenceMode.IMMEDIATE, null, DAYS, "Critical").fastTrackSeverity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void nextWindowStartIsTheEarliestOverTheWindows() {
        // Tue 20 Oct 2026 14:00 CEST = 12:00Z; Thu 22 Oct 09:00 EDT = 13:00Z
        assertThat(TWO.nextWindowStart(at("2026-10-19T00:00:00Z"))).contains(at("2026-10-20T12:00:00Z"));
        assertThat(TWO.nextWindowStart(at("2026-10-20T12:00:00Z"))).contains(at("2026-10-22T13:00:00Z"));
        // after Europe's change, before America's: Tue 27 Oct 14:00 CET = 13:00Z, Thu 29 Oct 09:00 EDT = 13:00Z
        assertThat(TWO.nextWindowStart(at("2026-10-23T00:00:00Z"))).contains(at("2026-10-27T13:00:00Z"));
        assertThat(TWO.nextWindowStart(at("2026-10-27T13:00:00Z"))).contains(at("2026-10-29T13:00:00Z"));
        // after America's: Thu 5 Nov 09:00 EST = 14:00Z
        assertThat(TWO.nextWindowStart(at("2026-11-03T13:00:00Z"))).contains(at("2026-11-05T14:00:00Z"));
    }

    /** instant, open?, next opening at or after it */
    @ParameterizedTest(name = "{0}: open {1}, opens {2}")
    @CsvSource({
            "2026-10-20T11:00:00Z, false, 2026-10-20T12:00:00Z",
            "2026-10-20T12:00:00Z, true,  2026-10-20T12:00:00Z",
            "2026-10-20T13:30:00Z, true,  2026-10-20T13:30:00Z",
            "2026-10-20T14:00:00Z, false, 2026-10-22T13:00:00Z",
            "2026-10-22T13:59:59Z, true,  2026-10-22T13:59:59Z",
            "2026-10-22T14:00:00Z, false, 2026-10-27T13:00:00Z"})
    void windowOpenAndNextOpening(String instant, boolean open, String opening) {
        assertThat(TWO.windowOpen(at(instant))).isEqualTo(open);
        assertThat(TWO.nextOpening(at(instant))).contains(at(opening));
    }

    @Test
    void anImmediateCadenceIsAlwaysOpenEvenWithWindowsKept() {
        Cadence kept = cadence(CadenceMode.IMMEDIATE, TWO.windows(), DAYS, "important");
        Instant shut = at("2026-10-20T11:00:00Z");

        for (Cadence c : List.of(Cadence.DEFAULT, kept)) {
            assertThat(c.windowOpen(shut)).isTrue();
            assertThat(c.nextOpening(shut)).contains(shut);
            assertThat(c.nextWindowStart(shut)).isEmpty();
        }
    }

    @Test
    void ofReadsWhatAPolicyEditorTyped() {
        Cadence c = Cadence.of("Windows", List.of("0 14 * * TUE Europe/Prague 2h"), DAYS, null);

        assertThat(c.mode()).isEqualTo(CadenceMode.WINDOWS);
        assertThat(c.windows()).extracting(Window::describe).containsExactly("Tue 14:00 Europe/Prague for 2 h");
        assertThat(c.fastTrackSeverity()).isNull();
        assertThat(Cadence.of("immediate", List.of(), DAYS, "important")).isEqualTo(Cadence.DEFAULT);
    }

    @Test
    void ofNamesTheWindowThatIsWrong() {
        assertThatThrownBy(() -> Cadence.of("windows", List.of("TUE 14 Europe/Prague 2h"), DAYS, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("windows[0].cron: 'TUE 14' is not a cron expression: ");
        assertThatThrownBy(() -> Cadence.of("windows", List.of("0 14 * * TUE Europe/Prague 2h", "0 14 * * TUE Europe/Paris 0m"),
                DAYS, null)).hasMessage("windows[1].length: must be between 1 minute and 7 days, not 0m");
        assertThatThrownBy(() -> Cadence.of("windows", List.of("0 14 * * TUE Europe/Prague 2h", "0 9 * * * Moon/Base 1h"),
                DAYS, null)).hasMessageStartingWith("windows[1].zone: 'Moon/Base' is not a time zone");
        assertThatThrownBy(() -> Cadence.of("weekly", List.of(), DAYS, null))
                .hasMessage("mode must be one of immediate, windows, not 'weekly'");
    }

    @Test
    void refusals() {
        List<Window> none = List.of();
        assertThatThrownBy(() -> cadence(CadenceMode.WINDOWS, none, DAYS, null))
                .hasMessage("windows: a windows cadence needs at least one window, e.g. '0 14 * * TUE Europe/Prague 2h'");
        assertThatThrownBy(() -> cadence(CadenceMode.WINDOWS, null, DAYS, null))
                .hasMessageStartingWith("windows: a windows cadence needs at least one window");
        assertThatThrownBy(() -> cadence(null, none, DAYS, null)).hasMessage("mode: required");
        assertThatThrownBy(() -> cadence(CadenceMode.WINDOWS, java.util.Arrays.asList(TWO.windows().get(0), null), DAYS, null))
                .hasMessage("windows[1]: required");
        assertThatThrownBy(() -> cadence(CadenceMode.IMMEDIATE, none, null, null)).hasMessage("minDaysInTesting: required");
        assertThatThrownBy(() -> cadence(CadenceMode.IMMEDIATE, none, days("low", null, null), null))
                .hasMessage("minDaysInTesting.low: required");
        assertThatThrownBy(() -> cadence(CadenceMode.IMMEDIATE, none, days("low", "low", null), null))
                .hasMessage("minDaysInTesting.low: required");
        assertThatThrownBy(() -> cadence(CadenceMode.IMMEDIATE, none, days("none", "urgent", 1), null))
                .hasMessage("minDaysInTesting: 'urgent' is not a severity (critical, important, moderate, low, none)");
        assertThatThrownBy(() -> cadence(CadenceMode.IMMEDIATE, none, days("moderate", "moderate", -1), null))
                .hasMessage("minDaysInTesting.moderate: must be between 0 and 365 days, not -1");
        assertThatThrownBy(() -> cadence(CadenceMode.IMMEDIATE, none, days("moderate", "moderate", 366), null))
                .hasMessage("minDaysInTesting.moderate: must be between 0 and 365 days, not 366");
        assertThatThrownBy(() -> cadence(CadenceMode.IMMEDIATE, none, DAYS, "none"))
                .hasMessageStartingWith("fastTrackSeverity: a fast track names a severity of security updates");
        assertThatThrownBy(() -> cadence(CadenceMode.IMMEDIATE, none, DAYS, "urgent"))
                .hasMessage("fastTrackSeverity: 'urgent' is not a severity (critical, important, moderate, low, none)");
        assertThatThrownBy(() -> Cadence.DEFAULT.minDays(null)).hasMessage("severity: required");
    }

    @Test
    void theLimitsAreAccepted() {
        Cadence c = cadence(CadenceMode.IMMEDIATE, List.of(), days("low", "low", 365), null);
        assertThat(c.minDays(Severity.LOW)).isEqualTo(365);
        assertThat(Cadence.DEFAULT.minDays(Severity.CRITICAL)).isZero();
    }

    @Test
    void modeWords() {
        assertThat(CadenceMode.IMMEDIATE.word()).isEqualTo("immediate");
        assertThat(CadenceMode.WINDOWS.word()).isEqualTo("windows");
        assertThat(CadenceMode.fromWord(" WINDOWS ")).isEqualTo(CadenceMode.WINDOWS);
    }
}

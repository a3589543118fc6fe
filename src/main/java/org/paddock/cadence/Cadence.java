package org.paddock.cadence;

import org.paddock.update.Severity;
import org.paddock.update.UpdateType;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a module's updates may go stable: immediately or only in {@code windows}; after at least
 * {@code minDaysInTesting} days in testing, per {@link Severity} (every one of them; 0 to 365); and a fast track for
 * security updates at least as severe as {@code fastTrackSeverity} (critical, important, moderate or low;
 * {@code null}: no fast track) that skips days, windows and freezes.
 *
 * <p>An immediate cadence may keep windows (for when the module goes back to windows), but they do not apply:
 * it is always open.
 */
public record Cadence(CadenceMode mode, List<Window> windows, Map<Severity, Integer> minDaysInTesting,
                      Severity fastTrackSeverity) {

    public static final int MAX_DAYS = 365;
    public static final Map<Severity, Integer> DEFAULT_MIN_DAYS = days(0, 2, 5, 7, 7);
    /** Security updates of severity important or critical skip the queue. */
    public static final Severity DEFAULT_FAST_TRACK = Severity.IMPORTANT;
    public static final Cadence DEFAULT = new Cadence(CadenceMode.IMMEDIATE, List.of(), DEFAULT_MIN_DAYS, DEFAULT_FAST_TRACK);

    public Cadence {
        Check.required(mode, "mode");
        windows = windows == null ? List.of() : List.copyOf(windows(windows));
        if (mode == CadenceMode.WINDOWS && windows.isEmpty()) {
            throw new IllegalArgumentException("windows: a windows cadence needs at least one window,"
                    + " e.g. '0 14 * * TUE Europe/Prague 2h'");
        }
        minDaysInTesting = minDays(Check.required(minDaysInTesting, "minDaysInTesting"));
        if (fastTrackSeverity == Severity.NONE) {
            throw new IllegalArgumentException("fastTrackSeverity: a fast track names a severity of security updates"
                    + " (critical, important, moderate or low); no fast track is null");
        }
    }

    /**
     * A cadence from what a policy editor typed: the mode word, one {@link Window#parse} text per window, days per
     * severity word, the fast track's severity word ({@code null} or blank: none). Refusals name the field:
     * {@code windows[0].cron: 'TUE 14' is not a cron expression: …}, {@code minDaysInTesting: 'urgent' is not a severity}.
     */
    public static Cadence of(String mode, List<String> windows, Map<String, Integer> minDaysInTesting,
                             String fastTrackSeverity) {
        List<Window> parsed = new ArrayList<>();
        for (int i = 0; i < Check.required(windows, "windows").size(); i++) {
            try {
                parsed.add(Window.parse(windows.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("windows[" + i + "]." + e.getMessage(), e);
            }
        }
        return new Cadence(CadenceMode.fromWord(mode), parsed, daysOf(minDaysInTesting), fastTrackOf(fastTrackSeverity));
    }

    /** Days per severity word as days per {@link Severity}; a word that is no severity is refused. */
    static Map<Severity, Integer> daysOf(Map<String, Integer> byWord) {
        Map<Severity, Integer> days = new EnumMap<>(Severity.class);
        if (byWord != null) {
            byWord.forEach((word, n) -> days.put(severity("minDaysInTesting", word), n));
        }
        return byWord == null ? null : days;
    }

    /** A fast track's severity word ({@code null} or blank: no fast track). */
    static Severity fastTrackOf(String word) {
        return word == null || word.isBlank() ? null : severity("fastTrackSeverity", word);
    }

    private static Severity severity(String field, String word) {
        try {
            return Severity.fromWord(word);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": '" + word + "' is not a severity ("
                    + String.join(", ", java.util.Arrays.stream(Severity.values()).map(Severity::word).toList()) + ")", e);
        }
    }

    /** The days an update of this severity stays in testing at least. */
    public int minDays(Severity severity) {
        return minDaysInTesting.get(Check.required(severity, "severity"));
    }

    /** The days per severity word, most severe first: as forms and the API show them. */
    public Map<String, Integer> minDaysByWord() {
        Map<String, Integer> byWord = new LinkedHashMap<>();
        minDaysInTesting.forEach((s, d) -> byWord.put(s.word(), d));
        return Collections.unmodifiableMap(byWord);
    }

    /** Whether a security update of this severity skips days, windows and freezes: as severe as the fast track, or more. */
    public boolean fastTracks(UpdateType type, Severity severity) {
        return fastTrackSeverity != null && type == UpdateType.SECURITY && severity.isAtLeastAsSevereAs(fastTrackSeverity);
    }

    /** The earliest window start strictly after {@code after}; empty for an immediate cadence (no windows apply). */
    public Optional<Instant> nextWindowStart(Instant after) {
        if (mode == CadenceMode.IMMEDIATE) {
            return Optional.empty();
        }
        return windows.stream().map(w -> w.nextStartAfter(after)).flatMap(Optional::stream)
                .map(ZonedDateTime::toInstant).min(Comparator.naturalOrder());
    }

    /** Whether updates may move at {@code at} as far as windows go: always for an immediate cadence. */
    public boolean windowOpen(Instant at) {
        return mode == CadenceMode.IMMEDIATE || windows.stream().anyMatch(w -> w.isOpenAt(at));
    }

    /** The first instant at or after {@code notBefore} at which {@link #windowOpen} holds. */
    public Optional<Instant> nextOpening(Instant notBefore) {
        return opening(notBefore).map(o -> o.start().toInstant());
    }

    /** The first opening at or after {@code notBefore}, and the window it belongs to (none for an immediate cadence). */
    Optional<Opening> opening(Instant notBefore) {
        if (mode == CadenceMode.IMMEDIATE) {
            return Optional.of(new Opening(null, notBefore.atZone(java.time.ZoneOffset.UTC)));
        }
        for (Window w : windows) {
            if (w.isOpenAt(notBefore)) {
                return Optional.of(new Opening(w, notBefore.atZone(w.zone())));
            }
        }
        return windows.stream().flatMap(w -> w.nextStartAfter(notBefore).map(s -> new Opening(w, s)).stream())
                .min(Comparator.comparing(o -> o.start().toInstant()));
    }

    /** When a window is open: from {@code start}, in the window's zone. */
    record Opening(Window window, ZonedDateTime start) {
    }

    private static List<Window> windows(List<Window> windows) {
        for (int i = 0; i < windows.size(); i++) {
            Check.required(windows.get(i), "windows[" + i + "]");
        }
        return windows;
    }

    private static Map<Severity, Integer> minDays(Map<Severity, Integer> given) {
        Map<Severity, Integer> ordered = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            Integer days = given.get(severity);
            if (days == null) {
                throw new IllegalArgumentException("minDaysInTesting." + severity.word() + ": required");
            }
            if (days < 0 || days > MAX_DAYS) {
                throw new IllegalArgumentException("minDaysInTesting." + severity.word() + ": must be between 0 and "
                        + MAX_DAYS + " days, not " + days);
            }
            ordered.put(severity, days);
        }
        return Collections.unmodifiableMap(ordered);
    }

    private static Map<Severity, Integer> days(int critical, int important, int moderate, int low, int none) {
        Map<Severity, Integer> days = new EnumMap<>(Severity.class);
        days.put(Severity.CRITICAL, critical);
        days.put(Severity.IMPORTANT, important);
        days.put(Severity.MODERATE, moderate);
        days.put(Severity.LOW, low);
        days.put(Severity.NONE, none);
        return Collections.unmodifiableMap(days);
    }
}

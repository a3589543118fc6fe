package org.paddock.cadence;

import org.paddock.update.Severity;
import org.paddock.update.UpdateType;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a module's updates may go stable: immediately or only in {@code windows}; after at least
 * {@code minDaysInTesting} days in testing, per severity word (all of critical, important, moderate, low,
 * none; 0 to 365); and a fast track for security updates at least as severe as {@code fastTrackSeverity}
 * (critical, important, moderate or low; {@code null}: no fast track) that skips days, windows and freezes.
 *
 * <p>An immediate cadence may keep windows (for when the module goes back to windows), but they do not apply:
 * it is always open.
 */
public record Cadence(CadenceMode mode, List<Window> windows, Map<String, Integer> minDaysInTesting,
                      String fastTrackSeverity) {

    /** The severity words, from most to least severe (as {@code update.Severity}). */
    public static final List<String> SEVERITIES = List.of("critical", "important", "moderate", "low", "none");
    private static final List<String> FAST_TRACKS = SEVERITIES.subList(0, 4);
    public static final int MAX_DAYS = 365;
    public static final Map<String, Integer> DEFAULT_MIN_DAYS = days(0, 2, 5, 7, 7);
    /** Security updates of severity important or critical skip the queue. */
    public static final String DEFAULT_FAST_TRACK = "important";
    public static final Cadence DEFAULT = new Cadence(CadenceMode.IMMEDIATE, List.of(), DEFAULT_MIN_DAYS, DEFAULT_FAST_TRACK);


    public Cadence {
        Check.required(mode, "mode");
        windows = windows == null ? List.of() : List.copyOf(windows(windows));
        if (mode == CadenceMode.WINDOWS && windows.isEmpty()) {
            throw new IllegalArgumentException("windows: a windows cadence needs at least one window,"
                    + " e.g. '0 14 * * TUE Europe/Prague 2h'");
        }
        minDaysInTesting = minDays(Check.required(minDaysInTesting, "minDaysInTesting"));
        fastTrackSeverity = fastTrackSeverity == null || fastTrackSeverity.isBlank() ? null
                : Check.word(fastTrackSeverity, "fastTrackSeverity", FAST_TRACKS);
    }

    /**
     * A cadence from what a policy editor typed: the mode word, one {@link Window#parse} text per window.
     * Refusals name the window: {@code windows[0].cron: 'TUE 14' is not a cron expression: …}.
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
        return new Cadence(CadenceMode.fromWord(mode), parsed, minDaysInTesting, fastTrackSeverity);
    }

    /** The days an update of this severity word stays in testing at least. */
    public int minDays(String severity) {
        return minDaysInTesting.get(Check.word(severity, "severity", SEVERITIES));
    }

    /** The days an update of this severity stays in testing at least. */
    public int minDays(Severity severity) {
        return minDaysInTesting.get(severity.word());
    }

    /** Whether a security update of this severity skips days, windows and freezes: as severe as the fast track, or more. */
    public boolean fastTracks(UpdateType type, Severity severity) {
        return fastTrackSeverity != null && type == UpdateType.SECURITY
                && severity.isAtLeastAsSevereAs(Severity.fromWord(fastTrackSeverity));
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

    private static Map<String, Integer> minDays(Map<String, Integer> given) {
        Map<String, Integer> byWord = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : given.entrySet()) {
            String word = e.getKey() == null ? null : e.getKey().strip().toLowerCase(Locale.ROOT);
            if (!SEVERITIES.contains(word)) {
                throw new IllegalArgumentException("minDaysInTesting: '" + e.getKey() + "' is not a severity ("
                        + String.join(", ", SEVERITIES) + ")");
            }
            byWord.put(word, e.getValue());
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String severity : SEVERITIES) {
            Integer days = byWord.get(severity);
            if (days == null) {
                throw new IllegalArgumentException("minDaysInTesting." + severity + ": required");
            }
            if (days < 0 || days > MAX_DAYS) {
                throw new IllegalArgumentException("minDaysInTesting." + severity + ": must be between 0 and "
                        + MAX_DAYS + " days, not " + days);
            }
            ordered.put(severity, days);
        }
        return Collections.unmodifiableMap(ordered);
    }

    private static Map<String, Integer> days(int critical, int important, int moderate, int low, int none) {
        Map<String, Integer> days = new LinkedHashMap<>();
        days.put("critical", critical);
        days.put("important", important);
        days.put("moderate", moderate);
        days.put("low", low);
        days.put("none", none);
        return Collections.unmodifiableMap(days);
    }
}

package org.paddock.cadence;

import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Words;
import org.paddock.update.Severity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cadence as a person or a client sends it: the mode word, windows one per line as
 * {@code <cron> <zone> <length>}, minimum days in testing per severity word, and the fast-track severity
 * ({@code none}: no fast track). {@link #toCadence()} checks it, naming every problem by its field.
 */
public record CadenceForm(String mode, List<String> windows, Map<String, Integer> minDays, String fastTrack) {

    /** The keys {@link #minDays} takes: every severity's word, most severe first. */
    public static final List<String> SEVERITIES = Arrays.stream(Severity.values()).map(Severity::word).toList();

    /** The cadence this form describes, or every problem at once, each named by its field ({@code windows[2]}). */
    public Cadence toCadence() {
        List<FieldError> errors = new ArrayList<>();
        CadenceMode checkedMode = FieldError.collect(errors, "mode", () -> CadenceMode.fromWord(mode));
        List<Window> checkedWindows = new ArrayList<>();
        List<String> lines = windows == null ? List.of() : windows;
        boolean any = false;
        for (int i = 0; i < lines.size(); i++) { // blank lines are skipped, but counted: windows[i] is the line typed
            String line = lines.get(i);
            if (line == null || line.isBlank()) {
                continue;
            }
            any = true;
            try {
                checkedWindows.add(Window.parse(line.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("windows[" + i + "]", e.getMessage()));
            }
        }
        if (checkedMode == CadenceMode.WINDOWS && !any) {
            errors.add(new FieldError("windows", "give at least one window, e.g. 0 14 * * TUE Europe/Prague 2h"));
        }
        Map<Severity, Integer> days = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            Integer d = minDays == null ? null : minDays.get(s.word());
            if (d == null) {
                d = Cadence.DEFAULT.minDays(s);
            }
            if (d < 0 || d > Cadence.MAX_DAYS) {
                errors.add(new FieldError("minDays." + s.word(), "must be between 0 and " + Cadence.MAX_DAYS
                        + " days, not " + d));
            }
            days.put(s, d);
        }
        if (minDays != null) {
            minDays.keySet().stream().filter(k -> !SEVERITIES.contains(k)).forEach(k -> errors.add(
                    new FieldError("minDays." + k, "is not a severity: use " + Words.choices(Severity.class))));
        }
        // a fast track names the least severe severity it takes; none (the word of Severity.NONE) is no fast track
        Severity fast = fastTrack == null || fastTrack.isBlank() ? Severity.NONE
                : FieldError.collect(errors, "fastTrack", () -> Severity.fromWord(fastTrack));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            return new Cadence(checkedMode, checkedMode == CadenceMode.WINDOWS ? checkedWindows : List.of(), days,
                    fast == Severity.NONE ? null : fast);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cadence", e.getMessage());
        }
    }
}

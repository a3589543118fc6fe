package org.paddock.cadence;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A time when a module's updates may go stable: it opens at each start given by a 5-field Unix cron expression
 * (minute hour day-of-month month day-of-week; {@code 0 14 * * TUE} is Tuesdays 14:00), read on the wall clock
 * of {@code zone}, and stays open for {@code length} (1 minute to 7 days) of elapsed time.
 *
 * <p>Daylight saving: a start that falls in a gap (02:30 on the night Europe springs forward) opens when the
 * wall clock would have shown it, moved forward by the gap — 03:30 summer time, as {@link ZonedDateTime#ofLocal}
 * places it. Left alone, cron-utils skips that day, which would keep a weekly Sunday 02:30 window shut for two
 * weeks. A start in an overlap (02:30 on the night clocks go back) opens once, at its first occurrence (summer
 * time), as cron-utils does. The window then lasts {@code length} of real time, whatever the clocks do.
 */
public record Window(String cron, ZoneId zone, Duration length) {

    public static final Duration SHORTEST = Duration.ofMinutes(1);
    public static final Duration LONGEST = Duration.ofDays(7);

    private static final String FORM = "expected '<cron> <zone> <length>', e.g. '0 14 * * TUE Europe/Prague 2h'";
    private static final String[] DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    public Window {
        cron = String.join(" ", Check.text(cron, "cron").split("\\s+"));
        Schedules.of(cron);
        Check.required(zone, "zone");
        Check.required(length, "length");
        if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("length: must be between 1 minute and 7 days, not " + Lengths.typed(length));
        }
    }

    /**
     * A window as a person types it on a page: {@code "<cron> <zone> <length>"}, e.g.
     * {@code "0 14 * * TUE Europe/Prague 2h"}; the length in days, hours and minutes ({@code 30m}, {@code 2h},
     * {@code 1d}, {@code 1h30m}). Refusals name the part that is wrong: {@code cron:}, {@code zone:} or {@code length:}.
     */
    public static Window parse(String text) {
        String[] words = text == null ? new String[0] : text.strip().split("\\s+");
        if (text == null || text.isBlank() || words.length < 3) {
            throw new IllegalArgumentException("cron: missing; " + FORM + (text == null ? "" : ", not '" + text.strip() + "'"));
        }
        String lengthText = words[words.length - 1];
        String zoneText = words[words.length - 2];
        String cronText = String.join(" ", List.of(words).subList(0, words.length - 2));
        Duration length;
        try {
            length = Lengths.parse(lengthText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; " + FORM);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone: '" + zoneText + "' is not a time zone (an IANA name like Europe/Prague"
                    + " or UTC); " + FORM);
        }
        return new Window(cronText, zone, length);
    }

    /** The form {@link #parse} reads: {@code 0 14 * * TUE Europe/Prague 2h}. */
    public String text() {
        return cron + " " + zone.getId() + " " + Lengths.typed(length);
    }

    /** For people: {@code Tue 14:00 Europe/Prague for 2 h}, {@code Mon-Fri 09:00 UTC for 1 h}, {@code daily 02:30 …}. */
    public String describe() {
        return when() + " " + zone.getId() + " for " + Lengths.words(length);
    }

    private String when() {
        String[] f = Schedules.of(cron).normal().split(" ");
        if (f.length == 5 && f[0].matches("\\d{1,2}") && f[1].matches("\\d{1,2}") && f[2].equals("*") && f[3].equals("*")) {
            String time = String.format("%02d:%02d", Integer.parseInt(f[1]), Integer.parseInt(f[0]));
            if (f[4].equals("*")) {
                return "daily " + time;
            }
            if (f[4].matches("[0-7](-[0-7])?(,[0-7](-[0-7])?)*")) {
                List<String> days = new ArrayList<>();
                for (String item : f[4].split(",")) {
                    String[] range = item.split("-");
                    days.add(range.length == 1 ? DAYS[Integer.parseInt(item)]
                            : DAYS[Integer.parseInt(range[0])] + "-" + DAYS[Integer.parseInt(range[1])]);
                }
                return String.join(", ", days) + " " + time;
            }
        }
        return "cron " + cron;
    }

    /** The latest start at or before {@code at}, in the window's zone; empty only when it never started. */
    public Optional<ZonedDateTime> lastStartAtOrBefore(Instant at) {
        Schedules.Schedule schedule = Schedules.of(cron);
        LocalDateTime wall = LocalDateTime.ofInstant(at, zone).plus(spread(at)).plusMinutes(1);
        ZonedDateTime best = null;
        LocalDateTime stop = null;
        for (Optional<LocalDateTime> start = schedule.before(wall); start.isPresent(); start = schedule.before(start.get())) {
            if (stop != null && start.get().isBefore(stop)) {
                break;
            }
            ZonedDateTime placed = ZonedDateTime.ofLocal(start.get(), zone, null);
            if (!placed.toInstant().isAfter(at) && (best == null || placed.toInstant().isAfter(best.toInstant()))) {
                best = placed;
                if (stop == null) {
                    stop = start.get().minus(spread(placed.toInstant()));
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The earliest start strictly after {@code after}, in the window's zone. */
    public Optional<ZonedDateTime> nextStartAfter(Instant after) {
        Schedules.Schedule schedule = Schedules.of(cron);
        LocalDateTime wall = LocalDateTime.ofInstant(after, zone).minus(spread(after)).minusMinutes(1);
        ZonedDateTime best = null;
        LocalDateTime stop = null;
        for (Optional<LocalDateTime> start = schedule.after(wall); start.isPresent(); start = schedule.after(start.get())) {
            if (stop != null && start.get().isAfter(stop)) {
                break;
            }
            ZonedDateTime placed = ZonedDateTime.ofLocal(start.get(), zone, null);
            if (placed.toInstant().isAfter(after) && (best == null || placed.toInstant().isBefore(best.toInstant()))) {
                best = placed;
                if (stop == null) {
                    stop = start.get().plus(spread(placed.toInstant()));
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Open from each start (included) for {@code length} (end excluded). */
    public boolean isOpenAt(Instant at) {
        return lastStartAtOrBefore(at).map(start -> at.isBefore(start.toInstant().plus(length))).orElse(false);
    }

    /**
     * How far apart the zone's offsets are within three days of {@code around}: zero in most weeks, an hour
     * around a daylight-saving change. Wall-clock times this far from the one looked for may still map to the
     * instant looked for, so the searches above look that far beyond it.
     */
    private Duration spread(Instant around) {
        ZoneRules rules = zone.getRules();
        Instant from = around.minus(Duration.ofDays(3));
        Instant to = around.plus(Duration.ofDays(3));
        int min = rules.getOffset(from).getTotalSeconds();
        int max = min;
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && !t.getInstant().isAfter(to);
                t = rules.nextTransition(t.getInstant())) {
            min = Math.min(min, t.getOffsetAfter().getTotalSeconds());
            max = Math.max(max, t.getOffsetAfter().getTotalSeconds());
        }
        return Duration.ofSeconds(max - min);
    }
}

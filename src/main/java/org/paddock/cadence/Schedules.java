package org.paddock.cadence;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * Unix cron expressions, parsed by cron-utils, matched against wall-clock times (a {@link LocalDateTime} with
 * no zone): {@link Window} decides how a wall-clock time becomes an instant. Parsing is slow next to matching
 * (about 0.2 ms), so parsed expressions are kept, a bounded number of them.
 */
final class Schedules {

    /** A parsed expression: how to step through its times, and its normal form ({@code 0 14 * * 2}). */
    record Schedule(ExecutionTime times, String normal) {

        Optional<LocalDateTime> after(LocalDateTime wall) {
            return times.nextExecution(wall.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime);
        }

        Optional<LocalDateTime> before(LocalDateTime wall) {
            return times.lastExecution(wall.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime);
        }
    }

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final LocalDateTime REFERENCE = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final int KEPT = 1000;
    private static final Map<String, Schedule> PARSED = new ConcurrentHashMap<>();

    private Schedules() {
    }

    /** The schedule of a 5-field Unix cron expression, or a refusal that names the field {@code cron}. */
    static Schedule of(String cron) {
        Schedule known = PARSED.get(cron);
        if (known != null) {
            return known;
        }
        Schedule parsed = parse(cron);
        if (PARSED.size() >= KEPT) {
            PARSED.clear();
        }
        PARSED.put(cron, parsed);
        return parsed;
    }

    private static Schedule parse(String cron) {
        Cron parsed;
        try {
            parsed = PARSER.parse(cron).validate();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cron: '" + cron + "' is not a cron expression: " + e.getMessage()
                    + " (expected minute hour day-of-month month day-of-week, e.g. '0 14 * * TUE')", e);
        }
        Schedule schedule = new Schedule(ExecutionTime.forCron(parsed), parsed.asString());
        if (schedule.after(REFERENCE).isEmpty()) {
            throw new IllegalArgumentException("cron: '" + cron + "' never fires (no such day, like 30 February)");
        }
        return schedule;
    }
}

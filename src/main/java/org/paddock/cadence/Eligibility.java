package org.paddock.cadence;

import org.paddock.update.UpdateStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.paddock.cadence.Verdict.Reason;

/**
 * The one rule that says whether an update may move now — to testing or to stable — and if not, why and when.
 * Pure: every fact and the instant {@code now} are arguments.
 *
 * <p>To stable, in this order: the release is archived; the update is held; gating is not satisfied (blocked or
 * waiting for tests); a severe enough security update goes now (fast track); the release is frozen; the update
 * has not been in testing for its severity's days; the module's windows are shut (unless a policy editor
 * overrode them). The verdict's {@code earliest} combines what still applies after the first obstacle: after
 * a freeze the days and the windows, after the days the next window, a freeze that a window falls into.
 */
public final class Eligibility {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

    private Eligibility() {
    }

    /**
     * May a pending or unpushed update go (back) to testing, or an update in testing's new builds reach it: archived,
     * held, gating, or eligible.
     */
    public static Verdict toTesting(Candidate c, Gate pushTesting, ReleaseFacts r, Instant now) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(pushTesting, "pushTesting");
        switch (c.status()) {
            case PENDING, UNPUSHED -> {
            }
            case TESTING -> {
                if (!c.newBuilds()) {
                    return Verdict.no(Reason.DONE, "already in testing");
                }
            }
            default -> {
                return done(c);
            }
        }
        return first(c, pushTesting, r).orElseGet(() -> Verdict.now(Reason.ELIGIBLE, "eligible now"));
    }

    /** May an update in testing go stable, and if not, why and from when. */
    public static Verdict toStable(Candidate c, Gate pushStable, Cadence cadence, ReleaseFacts r, Instant now) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(pushStable, "pushStable");
        Objects.requireNonNull(cadence, "cadence");
        switch (c.status()) {
            case TESTING -> {
                if (c.newBuilds()) {
                    return Verdict.no(Reason.NOT_IN_TESTING, "its new builds must reach testing first");
                }
            }
            case PENDING -> {
                return Verdict.no(Reason.NOT_IN_TESTING, "must be in testing first");
            }
            default -> {
                return done(c);
            }
        }
        Optional<Verdict> refused = first(c, pushStable, r);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (cadence.fastTracks(c.type(), c.severity())) {
            return Verdict.now(Reason.FAST_TRACK, "fast track: " + c.type().word() + ", " + c.severity().word());
        }
        Plan plan = new Plan(c, cadence, r, now);
        Optional<Freeze> freeze = r.freezeAt(now);
        if (freeze.isPresent()) {
            Plan.Earliest e = plan.from(freeze.get().end());
            return Verdict.notBefore(Reason.FROZEN, frozen(freeze.get()) + e.then(), e.at());
        }
        if (plan.daysDone().isAfter(now)) {
            Plan.Earliest e = plan.from(plan.daysDone());
            String in = e.at() == null ? "not eligible" : "eligible " + in(Duration.between(now, e.at()));
            return Verdict.notBefore(Reason.DAYS_IN_TESTING, in + " (" + c.severity().word() + ": " + plan.days() + e.then() + ")",
                    e.at());
        }
        if (plan.windowsApply() && !cadence.windowOpen(now)) {
            Optional<Cadence.Opening> opening = cadence.opening(now);
            if (opening.isEmpty()) {
                return Verdict.no(Reason.WAITING_FOR_WINDOW, "waiting for a window: none opens again");
            }
            Plan.Earliest e = plan.from(opening.get().start().toInstant());
            return Verdict.notBefore(Reason.WAITING_FOR_WINDOW, "waiting for " + window(opening.get(), now) + e.then(),
                    e.at());
        }
        return Verdict.now(Reason.ELIGIBLE, "eligible now");
    }

    /** The refusals both pushes share, in order: archived, held, gating. */
    private static Optional<Verdict> first(Candidate c, Gate gate, ReleaseFacts r) {
        if (r.archived()) {
            return Optional.of(Verdict.no(Reason.ARCHIVED, r.name() + " is archived: it never pushes"));
        }
        if (c.held()) {
            return Optional.of(Verdict.no(Reason.HELD, "held: " + c.holdReason()));
        }
        if (!gate.satisfied()) {
            return Optional.of(gate.status().equals("failed") ? Verdict.no(Reason.BLOCKED, "blocked: " + gate.summary())
                    : Verdict.no(Reason.WAITING_FOR_TESTS, "waiting for tests: " + gate.summary()));
        }
        return Optional.empty();
    }

    private static Verdict done(Candidate c) {
        return Verdict.no(Reason.DONE, c.status() == UpdateStatus.STABLE ? "already stable" : c.status().word() + ": nothing to move");
    }

    /**
     * The constraints that still apply to a candidate past its first obstacle. {@link #from} moves an instant
     * forward until it satisfies them all — past the days in testing, out of freezes, into a window — and
     * remembers what moved it last.
     */
    private record Plan(Candidate c, Cadence cadence, ReleaseFacts r, Instant now) {

        /** The earliest instant, and what moved it there in order ({@code 5 days in testing (moderate)}, {@code window …}). */
        record Earliest(Instant at, List<String> steps) {
            /** {@code ; then <step>; then <step>}, or nothing when nothing moved it. */
            String then() {
                return steps.stream().map(step -> "; then " + step).collect(Collectors.joining());
            }
        }

        Instant daysDone() {
            return c.testingSince().plus(Duration.ofDays(cadence.minDays(c.severity())));
        }

        String days() {
            int days = cadence.minDays(c.severity());
            return days + (days == 1 ? " day" : " days") + " in testing";
        }

        boolean windowsApply() {
            return cadence.mode() == CadenceMode.WINDOWS && !c.windowOverride();
        }

        Earliest from(Instant start) {
            Instant at = start;
            List<String> steps = new ArrayList<>();
            for (int round = 0; round <= r.freezes().size() + 2; round++) {
                boolean moved = false;
                if (at.isBefore(daysDone())) {
                    at = daysDone();
                    steps.add(days() + " (" + c.severity().word() + ")");
                    moved = true;
                }
                Optional<Freeze> freeze = r.freezeAt(at);
                if (freeze.isPresent()) {
                    at = freeze.get().end();
                    steps.add(frozen(freeze.get()));
                    moved = true;
                }
                if (windowsApply() && !cadence.windowOpen(at)) {
                    Optional<Cadence.Opening> opening = cadence.opening(at);
                    if (opening.isEmpty()) {
                        steps.add("no window opens again");
                        return new Earliest(null, steps);
                    }
                    at = opening.get().start().toInstant();
                    steps.add(window(opening.get(), now));
                    moved = true;
                }
                if (!moved) {
                    return new Earliest(at, steps);
                }
            }
            throw new IllegalStateException("no earliest instant found after " + start);
        }
    }

    /** {@code frozen until 2026-12-01 00:00 UTC: F45 final freeze}. */
    private static String frozen(Freeze f) {
        return "frozen until " + UTC.format(f.end()) + (f.reason().isEmpty() ? "" : ": " + f.reason());
    }

    /** {@code window Tue 14:00 CET}, with the date when it is a week or more after {@code now}: {@code window Tue 1 Dec 14:00 CET}. */
    private static String window(Cadence.Opening opening, Instant now) {
        ZonedDateTime start = opening.start();
        boolean soon = !start.toLocalDate().isAfter(now.atZone(start.getZone()).toLocalDate().plusDays(6));
        return "window " + (soon ? WEEKDAY : DATE).format(start);
    }

    /** {@code in 2 days}, {@code in 5 hours}, {@code in 20 minutes}: rounded up. */
    static String in(Duration d) {
        long minutes = ceil(d.toSeconds(), 60);
        long hours = ceil(d.toSeconds(), 3600);
        if (hours >= 24) {
            return "in " + count(ceil(d.toSeconds(), 86400), "day");
        }
        if (minutes >= 60) {
            return "in " + count(hours, "hour");
        }
        return "in " + count(Math.max(1, minutes), "minute");
    }

    private static long ceil(long n, long unit) {
        return Math.floorDiv(n + unit - 1, unit);
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}

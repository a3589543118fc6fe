package org.paddock.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The application's clock ({@link ClockProducer}): UTC now — except on a thread running {@link #at}, which reads the
 * instant it was given. That is how the demo history replays weeks of a distribution's life through the same services
 * a click goes through, each step at the instant it happened, so what they store (history, decisions, pushes, feed
 * dates) agrees with itself. Only the calling thread sees the instant: every other request, timer and instance keeps
 * the real time.
 */
public final class ReplayClock extends Clock {

    private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();

    private final Clock real;

    ReplayClock(Clock real) {
        this.real = Objects.requireNonNull(real);
    }

    /** Runs {@code work} on this thread with the application's clock reading {@code when}; the real time after. */
    public static <T> T at(Instant when, Supplier<T> work) {
        Instant before = REPLAYED.get();
        REPLAYED.set(Objects.requireNonNull(when));
        try {
            return work.get();
        } finally {
            if (before == null) {
                REPLAYED.remove();
            } else {
                REPLAYED.set(before);
            }
        }
    }

    @Override
    public Instant instant() {
        Instant replayed = REPLAYED.get();
        return replayed != null ? replayed : real.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("the application's clock is UTC");
    }
}

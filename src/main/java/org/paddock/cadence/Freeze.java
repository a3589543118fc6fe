package org.paddock.cadence;

import java.time.Instant;

/** A time when a release pushes nothing to stable but fast-tracked updates: from {@code start} (included) to {@code end} (excluded). */
public record Freeze(Instant start, Instant end, String reason) {

    public Freeze {
        Check.required(start, "start");
        Check.required(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("end: must be after start " + start + ", not " + end);
        }
        reason = reason == null ? "" : reason.strip();
    }

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}

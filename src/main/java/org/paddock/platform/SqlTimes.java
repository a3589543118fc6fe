package org.paddock.platform;

import java.time.Instant;

/** Times read by native SQL arrive as {@code Timestamp}, {@code OffsetDateTime} or {@code Instant}, by driver and type. */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return (Instant) o;
    }
}

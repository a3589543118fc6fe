package org.paddock.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages write times: UTC, to the minute or second, as {@code #{fmt.minute(t)}} and {@code #{fmt.second(t)}}. */
@Named("fmt")
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public String minute(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }

    public String second(Instant t) {
        return t == null ? "" : SECOND.format(t);
    }
}

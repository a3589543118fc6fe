package org.paddock.platform;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The one reader of times that people and tools send: API fields and filters, policy YAML, page forms. It
 * takes ISO-8601 with an offset ({@code 2026-12-07T14:00:00Z}, {@code …+01:00}), without one (UTC, as
 * ResultsDB and Greenwave read it), with a space for the {@code T} ({@code 2026-12-07 14:00}), a date alone
 * (its midnight UTC) or epoch seconds (ResultsDB). Times are kept from year 1 to 9999: inside what
 * PostgreSQL stores and what every feed format writes.
 */
public final class Times {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static final Pattern EPOCH = Pattern.compile("\\d{9,11}(\\.\\d{1,9})?");
    private static final String LIKE = "a time like 2026-12-07T14:00:00Z (ISO 8601; without an offset it is UTC)";

    private Times() {
    }

    /** {@code text} as an instant, or an {@link InvalidInputException} naming {@code field} and why. */
    public static Instant parse(String field, String text) {
        Instant when = read(text == null ? "" : text.strip());
        if (when == null) {
            throw new InvalidInputException(field, "'" + shorten(text) + "' is not " + LIKE);
        }
        String why = outOfRange(when);
        if (why != null) {
            throw new InvalidInputException(field, "'" + shorten(text) + "' " + why);
        }
        return when;
    }

    /** {@code text} as an instant, or null when it is blank. */
    public static Instant parseOptional(String field, String text) {
        return text == null || text.isBlank() ? null : parse(field, text);
    }

    /** Why {@code when} cannot be kept, or null. */
    public static String outOfRange(Instant when) {
        return when.isBefore(EARLIEST) || when.isAfter(LATEST)
                ? "is outside the times Paddock keeps (years 1 to 9999)" : null;
    }

    private static Instant read(String t) {
        if (t.isEmpty()) {
            return null;
        }
        try {
            if (EPOCH.matcher(t).matches()) {
                BigDecimal seconds = new BigDecimal(t);
                return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
            char last = iso.charAt(iso.length() - 1);
            boolean offset = last == 'Z' || last == 'z' || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
            return offset ? OffsetDateTime.parse(iso.replace('z', 'Z')).toInstant()
                    : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}

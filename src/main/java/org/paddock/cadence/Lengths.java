package org.paddock.cadence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Window lengths as people type them ({@code 30m}, {@code 2h}, {@code 1d}, {@code 1h30m}) and read them ({@code 1 h 30 min}). */
final class Lengths {

    private static final Pattern TYPED = Pattern.compile("(?:(\\d{1,4})d)?(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?");

    private Lengths() {
    }

    static Duration parse(String text) {
        Matcher m = TYPED.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("length: '" + text + "' is not a length like 30m, 2h, 1d or 1h30m");
        }
        return Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2))).plusMinutes(number(m.group(3)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** The typed form: {@code 2h}, {@code 1d2h30m}, {@code 0m}; a length that is not whole minutes as ISO-8601. */
    static String typed(Duration length) {
        if (length.isNegative() || length.toSecondsPart() != 0 || length.toNanosPart() != 0) {
            return length.toString();
        }
        if (length.isZero()) {
            return "0m";
        }
        return part(length.toDays(), "d") + part(length.toHoursPart(), "h") + part(length.toMinutesPart(), "m");
    }

    private static String part(long n, String unit) {
        return n == 0 ? "" : n + unit;
    }

    /** The read form: {@code 2 h}, {@code 30 min}, {@code 1 d 12 h}. */
    static String words(Duration length) {
        List<String> parts = new ArrayList<>();
        if (length.toDays() > 0) {
            parts.add(length.toDays() + " d");
        }
        if (length.toHoursPart() > 0) {
            parts.add(length.toHoursPart() + " h");
        }
        if (length.toMinutesPart() > 0 || parts.isEmpty()) {
            parts.add(length.toMinutesPart() + " min");
        }
        return String.join(" ", parts);
    }
}

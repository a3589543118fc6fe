package org.paddock.cadence;

import java.util.List;
import java.util.Locale;

/** The refusals the records of this package share: one wording for a missing value and for a wrong word. */
final class Check {

    private Check() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        return value.strip();
    }

    /** {@code value} as one of {@code words} (lower case), or a refusal naming the field and the choices. */
    static String word(String value, String field, List<String> words) {
        String w = value == null ? null : value.strip().toLowerCase(Locale.ROOT);
        if (w == null || !words.contains(w)) {
            throw new IllegalArgumentException(field + ": must be one of " + String.join(", ", words)
                    + (value == null ? "" : ", not '" + value + "'"));
        }
        return w;
    }
}

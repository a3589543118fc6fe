package org.paddock.testresult;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** ResultsDB's outcomes, stored in upper case. PASSED and INFO pass; QUEUED and RUNNING are still going. */
public enum Outcome {
    PASSED, INFO, FAILED, NEEDS_INSPECTION, QUEUED, RUNNING, ERROR;

    /** Case-insensitive, as ResultsDB accepts them; a refusal names the outcomes it knows. */
    public static Outcome parse(String word) {
        if (word != null) {
            String w = word.strip().toUpperCase(Locale.ROOT);
            for (Outcome o : values()) {
                if (o.name().equals(w)) {
                    return o;
                }
            }
        }
        throw new IllegalArgumentException("outcome must be one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
                + (word == null ? "" : ", not '" + word + "'"));
    }
}

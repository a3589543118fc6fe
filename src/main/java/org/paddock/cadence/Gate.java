package org.paddock.cadence;

import java.util.List;

/**
 * The gating decision for the push at hand, computed elsewhere: {@code status} passed, failed, waiting
 * (results missing or running) or ignored (no policy applies); {@code satisfied} as the caller decides —
 * passed is always satisfied, failed and waiting never, ignored either way; {@code summary} is the line
 * shown after "blocked: " or "waiting for tests: " ({@code ci.tier0 failed}).
 */
public record Gate(String status, boolean satisfied, String summary) {

    public static final List<String> STATUSES = List.of("passed", "failed", "waiting", "ignored");

    public Gate {
        status = Check.word(status, "status", STATUSES);
        if (status.equals("passed") && !satisfied || (status.equals("failed") || status.equals("waiting")) && satisfied) {
            throw new IllegalArgumentException("satisfied: a " + status + " gate is " + (satisfied ? "never" : "always")
                    + " satisfied");
        }
        summary = summary == null || summary.isBlank() ? status : summary.strip();
    }
}

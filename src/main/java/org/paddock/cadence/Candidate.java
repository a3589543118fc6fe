package org.paddock.cadence;

import java.time.Instant;
import java.util.List;

/**
 * What the rule needs to know about an update, in Paddock's words: its {@code type} (security, bugfix,
 * enhancement, newpackage), {@code severity} (critical, important, moderate, low, none), {@code status}
 * (pending, testing, stable, unpushed, obsolete, revoked), when it entered testing ({@code null} if it never
 * did; required in testing), why it is held ({@code null}: not held), and whether a policy editor let it
 * move outside the module's windows.
 */
public record Candidate(String alias, String type, String severity, String status, Instant testingSince,
                        String holdReason, boolean windowOverride) {

    public static final List<String> TYPES = List.of("security", "bugfix", "enhancement", "newpackage");
    public static final List<String> STATUSES = List.of("pending", "testing", "stable", "unpushed", "obsolete", "revoked");

    public Candidate {
        alias = Check.text(alias, "alias");
        type = Check.word(type, "type", TYPES);
        severity = Check.word(severity, "severity", Cadence.SEVERITIES);
        status = Check.word(status, "status", STATUSES);
        if (status.equals("testing") && testingSince == null) {
            throw new IllegalArgumentException("testingSince: required for an update in testing");
        }
        holdReason = holdReason == null || holdReason.isBlank() ? null : holdReason.strip();
    }

    public boolean held() {
        return holdReason != null;
    }
}

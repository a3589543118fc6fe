package org.paddock.cadence;

import org.paddock.update.Severity;
import org.paddock.update.UpdateStatus;
import org.paddock.update.UpdateType;

import java.time.Instant;

/**
 * What the rule needs to know about an update: its type, severity and status, when it entered testing
 * ({@code null} if it never did; required in testing), why it is held ({@code null}: not held), whether a
 * policy editor let it move outside the module's windows, and whether it is in testing with new builds that must
 * reach testing before it may go stable.
 */
public record Candidate(String alias, UpdateType type, Severity severity, UpdateStatus status, Instant testingSince,
                        String holdReason, boolean windowOverride, boolean newBuilds) {

    public Candidate {
        alias = Check.text(alias, "alias");
        Check.required(type, "type");
        Check.required(severity, "severity");
        Check.required(status, "status");
        if (status == UpdateStatus.TESTING && testingSince == null) {
            throw new IllegalArgumentException("testingSince: required for an update in testing");
        }
        holdReason = holdReason == null || holdReason.isBlank() ? null : holdReason.strip();
        if (newBuilds && status != UpdateStatus.TESTING) {
            throw new IllegalArgumentException("newBuilds: only an update in testing waits for new builds to reach it");
        }
    }

    public Candidate(String alias, UpdateType type, Severity severity, UpdateStatus status, Instant testingSince,
                     String holdReason, boolean windowOverride) {
        this(alias, type, severity, status, testingSince, holdReason, windowOverride, false);
    }

    public boolean held() {
        return holdReason != null;
    }
}

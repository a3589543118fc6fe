package org.paddock.cadence;

import java.time.Instant;

import org.paddock.platform.Words;

/**
 * May the update move now: {@code eligible}, the {@code reason} (the first rule that said no, or why yes),
 * one line {@code why} for the update page, and the {@code earliest} instant it may move if nothing else
 * changes ({@code null} when eligible now, or when nobody can say: gating, a hold, nothing to move).
 */
public record Verdict(boolean eligible, Reason reason, String why, Instant earliest) {

    public enum Reason {
        /** May move now. */
        ELIGIBLE,
        /** May move now: a security update severe enough to skip days, windows and freezes. */
        FAST_TRACK,
        /** The release is archived: it never pushes. */
        ARCHIVED,
        /** Someone holds the update. */
        HELD,
        /** Gating failed. */
        BLOCKED,
        /** Gating waits for test results. */
        WAITING_FOR_TESTS,
        /** Only updates in testing go stable. */
        NOT_IN_TESTING,
        /** Not yet in testing for the days its severity needs. */
        DAYS_IN_TESTING,
        /** The release is frozen. */
        FROZEN,
        /** The module's windows are shut. */
        WAITING_FOR_WINDOW,
        /** Nothing to move: already there, or stable, obsolete, revoked or unpushed. */
        DONE;

        public String word() {
            return Words.word(this);
        }

        public boolean moves() {
            return this == ELIGIBLE || this == FAST_TRACK;
        }
    }

    public Verdict {
        Check.required(reason, "reason");
        why = Check.text(why, "why");
        if (eligible != reason.moves()) {
            throw new IllegalArgumentException("eligible: must be " + reason.moves() + " for " + reason.word());
        }
        if (eligible && earliest != null) {
            throw new IllegalArgumentException("earliest: an eligible update moves now, not at " + earliest);
        }
    }

    static Verdict now(Reason reason, String why) {
        return new Verdict(true, reason, why, null);
    }

    static Verdict no(Reason reason, String why) {
        return new Verdict(false, reason, why, null);
    }

    static Verdict notBefore(Reason reason, String why, Instant earliest) {
        return new Verdict(false, reason, why, earliest);
    }
}

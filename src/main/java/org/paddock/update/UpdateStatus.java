package org.paddock.update;

import org.paddock.platform.Words;

/** Where an update is: pending (in no repository yet), testing, stable, unpushed (taken out of testing), obsolete (replaced by a newer update), revoked (withdrawn). */
public enum UpdateStatus {
    PENDING, TESTING, STABLE, UNPUSHED, OBSOLETE, REVOKED;

    /** Pending or testing: still on its way, so a newer build obsoletes it and gating decides it. */
    public boolean isActive() {
        return this == PENDING || this == TESTING;
    }

    public String word() {
        return Words.word(this);
    }

    public static UpdateStatus fromWord(String word) {
        return Words.parse(UpdateStatus.class, word, "status");
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class JpaConverter extends Words.Converter<UpdateStatus> {
        public JpaConverter() {
            super(UpdateStatus.class);
        }
    }
}

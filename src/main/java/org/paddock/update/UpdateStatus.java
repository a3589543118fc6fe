package org.paddock.update;

import org.paddock.platform.Words;

/** Where an update is: pending (in no repository yet), testing, stable, unpushed (taken out of testing), obsolete (replaced by a newer update), revoked (withdrawn). */
public enum UpdateStatus {
    PENDING, TESTING, STABLE, UNPUSHED, OBSOLETE, REVOKED;

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

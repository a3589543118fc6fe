package org.paddock.update;

import org.paddock.platform.Words;

/** What an update is for, as dnf's advisory types: security, bugfix, enhancement, newpackage. */
public enum UpdateType {
    SECURITY, BUGFIX, ENHANCEMENT, NEWPACKAGE;

    public String word() {
        return Words.word(this);
    }

    public static UpdateType fromWord(String word) {
        return Words.parse(UpdateType.class, word, "type");
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class JpaConverter extends Words.Converter<UpdateType> {
        public JpaConverter() {
            super(UpdateType.class);
        }
    }
}

package org.paddock.update;

import org.paddock.platform.Words;

/** The kinds of advisory references an update carries. */
public enum ReferenceKind {
    CVE, BUGZILLA, URL;

    public String word() {
        return Words.word(this);
    }

    public static ReferenceKind fromWord(String word) {
        return Words.parse(ReferenceKind.class, word, "reference kind");
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class JpaConverter extends Words.Converter<ReferenceKind> {
        public JpaConverter() {
            super(ReferenceKind.class);
        }
    }
}

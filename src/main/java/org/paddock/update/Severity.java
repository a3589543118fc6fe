package org.paddock.update;

import org.paddock.platform.Words;

/**
 * How urgent an update is, in dnf's words; declared from most to least severe. Security updates need one
 * of critical, important, moderate or low; other types may say none.
 */
public enum Severity {
    CRITICAL, IMPORTANT, MODERATE, LOW, NONE;

    public String word() {
        return Words.word(this);
    }

    /** How dnf spells it in updateinfo.xml: Critical, Important, Moderate, Low (none has no spelling). */
    public String dnfWord() {
        return this == NONE ? "" : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The one severity order: critical, important, moderate, low, none (declaration order). */
    public boolean isMoreSevereThan(Severity other) {
        return ordinal() < other.ordinal();
    }

    public boolean isAtLeastAsSevereAs(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Severity fromWord(String word) {
        return Words.parse(Severity.class, word, "severity");
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class JpaConverter extends Words.Converter<Severity> {
        public JpaConverter() {
            super(Severity.class);
        }
    }
}

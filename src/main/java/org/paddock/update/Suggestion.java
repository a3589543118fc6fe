package org.paddock.update;

import org.paddock.platform.Words;

/** What a user should do after installing the update (dnf's reboot_suggested, restart_suggested, relogin_suggested). */
public enum Suggestion {
    NONE, REBOOT, RESTART, RELOGIN;

    public String word() {
        return Words.word(this);
    }

    public static Suggestion fromWord(String word) {
        return Words.parse(Suggestion.class, word, "suggestion");
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class JpaConverter extends Words.Converter<Suggestion> {
        public JpaConverter() {
            super(Suggestion.class);
        }
    }
}

package org.paddock.update;

import org.paddock.platform.Words;

/** What the next push should do with an update; none when nothing is asked. */
public enum UpdateRequest {
    NONE, TESTING, STABLE, UNPUSH, REVOKE;

    public String word() {
        return Words.word(this);
    }

    public static UpdateRequest fromWord(String word) {
        return Words.parse(UpdateRequest.class, word, "request");
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class JpaConverter extends Words.Converter<UpdateRequest> {
        public JpaConverter() {
            super(UpdateRequest.class);
        }
    }
}

package org.paddock.cadence;

import org.paddock.platform.Words;

/** When a module's updates may go stable: immediately (once days in testing have passed), or only in windows. */
public enum CadenceMode {
    IMMEDIATE, WINDOWS;

    public String word() {
        return Words.word(this);
    }

    public static CadenceMode fromWord(String word) {
        return Words.parse(CadenceMode.class, word, "mode");
    }
}

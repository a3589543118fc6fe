package org.paddock.release;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Locale;

/** Where a release is in its life: pending (not out yet), current, frozen (only fast-track fixes), archived. */
public enum ReleaseState {
    PENDING, CURRENT, FROZEN, ARCHIVED;

    /** The word used in the database, the API and on pages. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReleaseState fromWord(String word) {
        return Arrays.stream(values())
                .filter(s -> s.word().equals(word))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown release state '" + word
                        + "', expected one of pending, current, frozen, archived"));
    }

    @Converter(autoApply = true)
    public static class JpaConverter implements AttributeConverter<ReleaseState, String> {
        @Override
        public String convertToDatabaseColumn(ReleaseState state) {
            return state == null ? null : state.word();
        }

        @Override
        public ReleaseState convertToEntityAttribute(String word) {
            return word == null ? null : fromWord(word);
        }
    }
}

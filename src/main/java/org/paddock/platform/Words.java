package org.paddock.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enums that Paddock shows, stores and accepts as lower-case words ({@code security}, {@code push_stable}).
 * One place turns words into constants, with one message naming the accepted words.
 */
public final class Words {

    private Words() {
    }

    public static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose word is {@code word} (case-insensitive), or a refusal naming {@code what} and the choices. */
    public static <E extends Enum<E>> E parse(Class<E> type, String word, String what) {
        if (word != null) {
            String w = word.strip().toLowerCase(Locale.ROOT);
            for (E e : type.getEnumConstants()) {
                if (word(e).equals(w)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException(what + " must be one of " + choices(type)
                + (word == null ? "" : ", not '" + word + "'"));
    }

    public static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Words::word).collect(Collectors.joining(", "));
    }

    /** Base of the JPA converters that store such enums as their words. */
    public abstract static class Converter<E extends Enum<E>> implements jakarta.persistence.AttributeConverter<E, String> {
        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : word(value);
        }

        @Override
        public E convertToEntityAttribute(String word) {
            return word == null ? null : parse(type, word, type.getSimpleName());
        }
    }
}

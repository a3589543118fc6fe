package org.paddock.platform;

import java.util.List;
import java.util.function.Supplier;

/** One refused input: the field (as the API and the form name it) and the reason, in words a person reads. */
public record FieldError(String field, String reason) {

    /**
     * What {@code parse} gives; when it refuses ({@link IllegalArgumentException}), null, with its message added to
     * {@code errors} under {@code field} — so a form's every problem is told at once.
     */
    public static <T> T collect(List<FieldError> errors, String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}

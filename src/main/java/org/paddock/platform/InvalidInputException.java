package org.paddock.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot be accepted, with every field that is wrong. REST answers it with 422 and a problem
 * document listing the fields; pages show each reason next to its field. Nothing is stored.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

package org.paddock.platform;

/** One refused input: the field (as the API and the form name it) and the reason, in words a person reads. */
public record FieldError(String field, String reason) {
}

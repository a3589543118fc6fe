package org.paddock.platform;

/** The request is well-formed but the thing's current state refuses it (HTTP 409), e.g. an illegal life-cycle move. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}

package org.paddock.platform;

/** The caller is known but may not do this (HTTP 403); the message says why. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}

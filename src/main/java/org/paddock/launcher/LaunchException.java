package org.paddock.launcher;

/** A reason the launcher cannot go on, worded for the person who started it; printed as one line. */
class LaunchException extends RuntimeException {

    private final int exitCode;

    LaunchException(String message) {
        this(message, 1);
    }

    LaunchException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /** The first line of the outermost message of a failure, without class names or stack frames. */
    static String causeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                return message.strip().lines().findFirst().orElse(message).strip();
            }
        }
        return failure.getClass().getSimpleName();
    }
}

package org.paddock.client;

/** A problem the client reports as one line and exit status 1: a file it cannot read, a server it cannot reach. */
public class ClientException extends RuntimeException {

    public ClientException(String message) {
        super(message);
    }

    public ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.paddock.artifact;

/**
 * Why a modulemd text was refused, in one line that names the line of the input where it can, e.g.
 * {@code modulemd line 7: data.stream is missing}.
 */
public class ModulemdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    ModulemdException(String message) {
        super(message);
    }

    ModulemdException(String message, Throwable cause) {
        super(message, cause);
    }
}

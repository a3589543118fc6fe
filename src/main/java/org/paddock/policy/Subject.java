package org.paddock.policy;

import java.time.Instant;

/**
 * What a decision is about.
 *
 * @param type        subject type, e.g. {@code koji_build}, {@code module_build}, {@code compose}
 * @param identifier  e.g. an NVR, a module NSVCA or an update alias
 * @param packageName the name the policies' {@code packages} / {@code excluded_packages} globs are matched
 *                    against: the RPM name, or a module stream as {@code name:stream}; {@code null} when the
 *                    subject has none (a policy limited to packages then does not apply)
 * @param since       when testing of the subject started, for the missing-result timeout; may be {@code null}
 */
public record Subject(String type, String identifier, String packageName, Instant since) {

    public Subject {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("subject: type must not be empty");
        }
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("subject: identifier must not be empty");
        }
    }

    public Subject(String type, String identifier, String packageName) {
        this(type, identifier, packageName, null);
    }
}

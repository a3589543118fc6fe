package org.paddock.testresult;

import java.util.regex.Pattern;

/**
 * What a result is about: an update (by alias), a module build (name:stream:version:context:arch) or an
 * RPM build (NVR; {@code koji_build} and {@code brew-build} are accepted as its other names).
 */
public enum SubjectType {
    PADDOCK_UPDATE("paddock_update", Pattern.compile("[A-Z][A-Z0-9]*-\\d{4}-[0-9a-f]{10}"),
            "an update alias such as PADDOCK-2026-1a2b3c4d5e"),
    MODULE_BUILD("module_build", Pattern.compile("[^:\\s]+:[^:\\s]+:\\d+:[^:\\s]+:[^:\\s]+"),
            "name:stream:version:context:arch"),
    RPM_BUILD("rpm_build", Pattern.compile("\\S+-[^-\\s]+-[^-\\s]+"), "an NVR such as nginx-1.24.0-1.fc45");

    private final String word;
    private final Pattern identifier;
    private final String shape;

    SubjectType(String word, Pattern identifier, String shape) {
        this.word = word;
        this.identifier = identifier;
        this.shape = shape;
    }

    public String word() {
        return word;
    }

    public static SubjectType parse(String type) {
        if (type != null) {
            switch (type.strip()) {
                case "paddock_update": return PADDOCK_UPDATE;
                case "module_build": return MODULE_BUILD;
                case "rpm_build", "koji_build", "brew-build": return RPM_BUILD;
                default: break;
            }
        }
        throw new IllegalArgumentException("type must be one of paddock_update, module_build, rpm_build "
                + "(or koji_build)" + (type == null ? "" : ", not '" + type + "'"));
    }

    /** Checks an identifier of this type; the message says what it should look like. */
    public String checkIdentifier(String item) {
        String v = item == null ? "" : item.strip();
        if (v.isEmpty() || v.length() > 500 || !identifier.matcher(v).matches()) {
            throw new IllegalArgumentException("item '" + item + "' is not a " + word + ": expected " + shape);
        }
        return v;
    }
}

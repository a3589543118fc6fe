package org.paddock.artifact;

import java.util.Objects;

/**
 * The {@code [epoch:]version[-release]} of an RPM package, ordered exactly as rpm orders them
 * ({@code rpmverCmp()}): epochs first (a missing epoch counts as 0), then versions, then releases, each
 * with {@link RpmVersion#compare}. A missing release sorts before any present one, so {@code 1.2 < 1.2-1}.
 *
 * <p>The parts are kept as written: {@code toString()} gives back exactly what {@link #parse} read, and
 * {@link #equals} compares the written parts. So {@code 1.0} and {@code 0:1.0} compare as equal but are
 * not {@code equals} (like {@link java.math.BigDecimal}'s {@code 1.0} and {@code 1.00}).
 *
 * <p>Only what rpmbuild would accept is allowed: the epoch is digits; version and release are non-empty
 * and hold ASCII letters, digits and {@code . _ + % { } ~ ^} only, without {@code ..}.
 *
 * @param epoch   digits, or {@code null} when there is none (counts as 0)
 * @param version the upstream version, never {@code null}
 * @param release the package release, or {@code null} when there is none
 */
public record Evr(String epoch, String version, String release) implements Comparable<Evr> {

    /** What rpmbuild allows in a version or release besides ASCII letters and digits. */
    private static final String VERSION_CHARS = "._+%{}~^";

    public Evr {
        String problem = problem(epoch, version, release);
        if (problem != null) {
            throw new IllegalArgumentException("EVR '" + written(epoch, version, release) + "' " + problem);
        }
    }

    /**
     * Reads {@code [epoch:]version[-release]}: the epoch is what comes before the first {@code :}, the
     * release what comes after the last {@code -}.
     *
     * @throws IllegalArgumentException naming {@code s} and what is wrong with it
     */
    public static Evr parse(String s) {
        Objects.requireNonNull(s, "EVR string");
        String epoch = null;
        String rest = s;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            epoch = s.substring(0, colon);
            rest = s.substring(colon + 1);
        }
        int dash = rest.lastIndexOf('-');
        if (dash < 0) {
            return new Evr(epoch, rest, null);
        }
        return new Evr(epoch, rest.substring(0, dash), rest.substring(dash + 1));
    }

    /** rpm's order: epoch (missing = 0), then version, then release (missing sorts first). */
    @Override
    public int compareTo(Evr other) {
        int rc = RpmVersion.compare(epoch == null ? "0" : epoch, other.epoch == null ? "0" : other.epoch);
        if (rc == 0) {
            rc = RpmVersion.compare(version, other.version);
        }
        if (rc == 0) {
            if (release == null || other.release == null) {
                rc = Boolean.compare(release != null, other.release != null);
            } else {
                rc = RpmVersion.compare(release, other.release);
            }
        }
        return rc;
    }

    /** {@code [epoch:]version[-release]}, with the parts as given. */
    @Override
    public String toString() {
        return written(epoch, version, release);
    }

    private static String written(String epoch, String version, String release) {
        return (epoch == null ? "" : epoch + ":") + (version == null ? "" : version)
                + (release == null ? "" : "-" + release);
    }

    /** What is wrong with these parts, worded to follow "EVR 'x' " or "NEVRA 'x' "; {@code null} if nothing. */
    static String problem(String epoch, String version, String release) {
        if (epoch != null) {
            if (epoch.isEmpty()) {
                return "has an empty epoch";
            }
            if (!epoch.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return "has a non-numeric epoch '" + epoch + "'";
            }
        }
        if (version == null) {
            return "has no version";
        }
        String problem = partProblem("version", version, VERSION_CHARS);
        if (problem == null && release != null) {
            problem = partProblem("release", release, VERSION_CHARS);
        }
        return problem;
    }

    /** Checks a name, version or release against rpmbuild's rules: not empty, allowed characters, no "..". */
    static String partProblem(String what, String value, String allowed) {
        if (value.isEmpty()) {
            return "has an empty " + what;
        }
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (!RpmVersion.isLetterOrDigit(c) && allowed.indexOf(c) < 0) {
                return "has an illegal character " + shown(c) + " in its " + what + " '" + value
                        + "' (allowed: ASCII letters, digits and " + String.join(" ", allowed.split("")) + ")";
            }
        }
        if (value.contains("..")) {
            return "has '..' in its " + what + " '" + value + "'";
        }
        return null;
    }

    private static String shown(char c) {
        return Character.isISOControl(c) || (Character.isWhitespace(c) && c != ' ')
                ? String.format("U+%04X", (int) c)
                : "'" + c + "'";
    }
}

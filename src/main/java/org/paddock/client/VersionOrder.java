package org.paddock.client;

import org.apache.maven.artifact.versioning.ComparableVersion;
import org.paddock.artifact.GemVersion;
import org.paddock.artifact.Pep440Version;

/**
 * How two versions of a package inside a module compare, by its ecosystem's own rule: RubyGems for gems, PEP 440 for
 * Python, Maven's {@link ComparableVersion} for jars. A version its ecosystem refuses compares as unknown.
 */
final class VersionOrder {

    private VersionOrder() {
    }

    /** -1, 0 or 1; {@code null} when either version is not one its ecosystem accepts, or the kind is unknown. */
    static Integer compare(String kind, String a, String b) {
        try {
            return switch (kind) {
                case "gem" -> Integer.signum(GemVersion.compare(a, b));
                case "pypi" -> Integer.signum(Pep440Version.compare(a, b));
                case "maven" -> Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package org.paddock.artifact;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One RPM package build, named {@code name-[epoch:]version-release.arch} as modulemd's
 * {@code artifacts.rpms} lists them (e.g. {@code nginx-1:1.24.0-1.module_f45+123+abcd.x86_64}).
 *
 * <p>The name follows rpmbuild's rules (ASCII letters, digits and {@code . - _ + % { }}, starting with a
 * letter, digit, {@code _} or {@code %}, no {@code ..}); epoch, version and release follow {@link Evr}'s;
 * the arch must be one of the rpm architectures Paddock knows, {@code src} and {@code nosrc} included.
 *
 * @param name    the package name; may contain dashes
 * @param epoch   digits, or {@code null} when there is none
 * @param version the upstream version
 * @param release the package release, often with a dist tag such as {@code .fc45} or {@code .module_f45+1+ab}
 * @param arch    the architecture, e.g. {@code x86_64}, {@code noarch}, {@code src}
 */
public record Nevra(String name, String epoch, String version, String release, String arch) {

    private static final String SHAPE = "name-[epoch:]version-release.arch";
    /** rpm keeps a package's epoch in an unsigned 32-bit tag (comparing, {@link Evr} takes any digits). */
    static final long MAX_EPOCH = 4_294_967_295L;

    /** Package architectures from rpm's rpmrc, plus the source kinds. */
    private static final SortedSet<String> ARCHES = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
            "noarch", "src", "nosrc",
            "i386", "i486", "i586", "i686", "athlon", "geode", "pentium3", "pentium4",
            "x86_64", "amd64", "ia32e", "x86_64_v2", "x86_64_v3", "x86_64_v4",
            "aarch64", "armv5tel", "armv6l", "armv6hl", "armv7l", "armv7hl", "armv7hnl", "armv8l", "armv8hl",
            "ppc", "ppc64", "ppc64le", "ppc64p7",
            "s390", "s390x",
            "riscv64", "loongarch64",
            "mips", "mipsel", "mips64", "mips64el",
            "sparc", "sparcv9", "sparc64",
            "alpha", "ia64", "m68k", "sh4")));

    public Nevra {
        check(written(name, epoch, version, release, arch), name, epoch, version, release, arch);
    }

    /**
     * Reads {@code name-[epoch:]version-release.arch}, or a file name {@code name-version-release.arch.rpm}.
     * Version and release are the last two dash-separated parts, so the name may contain dashes; the arch
     * is what follows the last dot.
     *
     * @throws IllegalArgumentException naming {@code s} and what is wrong with it
     */
    public static Nevra parse(String s) {
        Objects.requireNonNull(s, "NEVRA string");
        String body = s.endsWith(".rpm") ? s.substring(0, s.length() - ".rpm".length()) : s;
        int dot = body.lastIndexOf('.');
        if (dot < 0 || dot < body.lastIndexOf('-')) {
            throw new IllegalArgumentException("NEVRA '" + s + "' must look like " + SHAPE
                    + " (no '.arch' at the end)");
        }
        String nevr = body.substring(0, dot);
        int releaseDash = nevr.lastIndexOf('-');
        int versionDash = releaseDash <= 0 ? -1 : nevr.lastIndexOf('-', releaseDash - 1);
        if (versionDash < 0) {
            throw new IllegalArgumentException("NEVRA '" + s + "' must look like " + SHAPE
                    + " (it needs a '-' before the version and another before the release)");
        }
        String name = nevr.substring(0, versionDash);
        String epochVersion = nevr.substring(versionDash + 1, releaseDash);
        String epoch = null;
        String version = epochVersion;
        int colon = epochVersion.indexOf(':');
        if (colon >= 0) {
            epoch = epochVersion.substring(0, colon);
            version = epochVersion.substring(colon + 1);
        }
        String release = nevr.substring(releaseDash + 1);
        String arch = body.substring(dot + 1);
        check(s, name, epoch, version, release, arch);
        return new Nevra(name, epoch, version, release, arch);
    }

    /** The {@code [epoch:]version-release} part, for ordering builds of the same package. */
    public Evr evr() {
        return new Evr(epoch, version, release);
    }

    /** {@code name-version-release}, without epoch or arch, the way koji writes build NVRs. */
    public String nvr() {
        return name + "-" + version + "-" + release;
    }

    /** The package file name, {@code name-version-release.arch.rpm} (file names never carry the epoch). */
    public String filename() {
        return nvr() + "." + arch + ".rpm";
    }

    /** Whether this is a source package ({@code src} or {@code nosrc}). */
    public boolean isSource() {
        return arch.equals("src") || arch.equals("nosrc");
    }

    /** {@code name-[epoch:]version-release.arch}, with the epoch only when it is present and not zero. */
    @Override
    public String toString() {
        boolean zeroEpoch = epoch == null || epoch.chars().allMatch(c -> c == '0');
        return written(name, zeroEpoch ? null : epoch, version, release, arch);
    }

    private static String written(String name, String epoch, String version, String release, String arch) {
        return Objects.toString(name, "") + "-" + (epoch == null ? "" : epoch + ":") + Objects.toString(version, "")
                + "-" + Objects.toString(release, "") + "." + Objects.toString(arch, "");
    }

    private static void check(String input, String name, String epoch, String version, String release,
                              String arch) {
        String problem = nameProblem(name);
        if (problem == null) {
            problem = release == null ? "has no release" : Evr.problem(epoch, version, release);
        }
        if (problem == null && epoch != null && (epoch.length() > 10 || Long.parseLong(epoch) > MAX_EPOCH)) {
            problem = "has an epoch larger than rpm builds, " + MAX_EPOCH;
        }
        if (problem == null) {
            problem = archProblem(arch);
        }
        if (problem != null) {
            throw new IllegalArgumentException("NEVRA '" + input + "' " + problem);
        }
    }

    private static String nameProblem(String name) {
        if (name == null) {
            return "has no name";
        }
        if (name.indexOf(':') >= 0) {
            return "has a ':' in its name '" + name + "' (an epoch belongs before the version: " + SHAPE + ")";
        }
        String problem = Evr.partProblem("name", name, ".-_+%{}");
        if (problem == null && !RpmVersion.isLetterOrDigit(name.charAt(0)) && "_%".indexOf(name.charAt(0)) < 0) {
            problem = "has a name '" + name + "' that does not start with an ASCII letter, a digit, '_' or '%'";
        }
        return problem;
    }

    private static String archProblem(String arch) {
        if (arch == null) {
            return "has no arch";
        }
        if (arch.isEmpty()) {
            return "has an empty arch";
        }
        if (!ARCHES.contains(arch)) {
            return "has an unknown arch '" + arch + "' (the part after the last '.' must be one of: "
                    + String.join(", ", ARCHES) + ")";
        }
        return null;
    }
}

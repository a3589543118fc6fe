package org.paddock.artifact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python package version as PEP 440 defines it, and its order, so a wheel inside a module compares as pip would
 * compare it. Own code on purpose: no Java library implements PEP 440; it is tested against the PyPI cases
 * osv-scalibr keeps (src/test/resources/artifact/versions).
 *
 * <p>{@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}, in any case, with the spellings PEP 440 normalizes
 * ({@code alpha}, {@code beta}, {@code c}, {@code pre}, {@code preview}, {@code rev}, {@code r}, {@code -N} for a
 * post-release, separators {@code . _ -}, a leading {@code v}). The order: epoch; release with trailing zeros
 * ignored; a dev release of a final version before its pre-releases; pre-releases before the final version;
 * post-releases after it; a dev release before what it leads to; a local version after the same public version,
 * local segments compared numbers above words.
 */
public final class Pep440Version implements Comparable<Pep440Version> {

    private static final Pattern FORM = Pattern.compile("""
            v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)\
            (?:[-_.]?(?<pre>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?\
            (?:-(?<postImplicit>[0-9]+)|[-_.]?(?<post>post|rev|r)[-_.]?(?<postN>[0-9]+)?)?\
            (?:[-_.]?(?<dev>dev)[-_.]?(?<devN>[0-9]+)?)?\
            (?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?""", Pattern.CASE_INSENSITIVE);

    /** Pre-release kinds in their order, after PEP 440's normalization. */
    private enum Pre { A, B, RC }

    private final String text;
    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final Pre pre;
    private final BigInteger preNumber;
    private final BigInteger post;
    private final BigInteger dev;
    private final List<String> local;

    private Pep440Version(String text, BigInteger epoch, List<BigInteger> release, Pre pre, BigInteger preNumber,
                          BigInteger post, BigInteger dev, List<String> local) {
        this.text = text;
        this.epoch = epoch;
        this.release = release;
        this.pre = pre;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
    }

    /** Whether PEP 440 accepts the string (pip refuses the rest, such as {@code 0.1-bulbasaur}). */
    public static boolean isValid(String version) {
        return version != null && FORM.matcher(version.strip()).matches();
    }

    public static Pep440Version parse(String version) {
        String v = version == null ? "" : version.strip();
        Matcher m = FORM.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + version + "' is not a PEP 440 version");
        }
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        while (release.size() > 1 && release.get(release.size() - 1).signum() == 0) {
            release.remove(release.size() - 1);
        }
        Pre pre = null;
        BigInteger preNumber = null;
        if (m.group("pre") != null) {
            pre = switch (m.group("pre").toLowerCase(Locale.ROOT)) {
                case "a", "alpha" -> Pre.A;
                case "b", "beta" -> Pre.B;
                default -> Pre.RC;
            };
            preNumber = number(m.group("preN"));
        }
        BigInteger post = m.group("postImplicit") != null ? new BigInteger(m.group("postImplicit"))
                : m.group("post") != null ? number(m.group("postN")) : null;
        BigInteger dev = m.group("dev") != null ? number(m.group("devN")) : null;
        List<String> local = m.group("local") == null ? List.of()
                : List.of(m.group("local").toLowerCase(Locale.ROOT).split("[-_.]"));
        return new Pep440Version(v, epoch, List.copyOf(release), pre, preNumber, post, dev, local);
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    public boolean isPrerelease() {
        return pre != null || dev != null;
    }

    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    @Override
    public int compareTo(Pep440Version o) {
        int c = epoch.compareTo(o.epoch);
        if (c != 0) {
            return Integer.signum(c);
        }
        for (int i = 0; i < Math.max(release.size(), o.release.size()); i++) {
            BigInteger l = i < release.size() ? release.get(i) : BigInteger.ZERO;
            BigInteger r = i < o.release.size() ? o.release.get(i) : BigInteger.ZERO;
            c = l.compareTo(r);
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return Integer.signum(c);
        }
        if (pre != null && o.pre != null) {
            c = pre.compareTo(o.pre);
            if (c == 0) {
                c = preNumber.compareTo(o.preNumber);
            }
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        c = compareAbsentFirst(post, o.post);
        if (c != 0) {
            return c;
        }
        c = compareAbsentLast(dev, o.dev);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    /** 0: a dev release of a final version (before its pre-releases); 1: a pre-release; 2: neither. */
    private int preRank() {
        if (pre == null && post == null && dev != null) {
            return 0;
        }
        return pre != null ? 1 : 2;
    }

    private static int compareAbsentFirst(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    private static int compareAbsentLast(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? 1 : -1;
        }
        return Integer.signum(a.compareTo(b));
    }

    /** No local part first; then segment by segment, a number above a word, numbers as numbers, words as text. */
    private static int compareLocal(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String l = a.get(i);
            String r = b.get(i);
            boolean ln = l.chars().allMatch(Character::isDigit);
            boolean rn = r.chars().allMatch(Character::isDigit);
            int c = ln && rn ? new BigInteger(l).compareTo(new BigInteger(r)) : ln ? 1 : rn ? -1 : l.compareTo(r);
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Version p && compareTo(p) == 0;
    }

    @Override
    public int hashCode() {
        return epoch.hashCode() * 31 + release.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}

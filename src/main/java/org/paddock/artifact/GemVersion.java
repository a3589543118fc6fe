package org.paddock.artifact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RubyGems version ({@code Gem::Version}) and its order, so a gem inside a module compares as {@code gem} would
 * compare it. Own code on purpose: no Java library orders gem versions; it is tested against the RubyGems cases
 * osv-scalibr keeps (src/test/resources/artifact/versions).
 *
 * <p>The rules: a {@code -} means a prerelease ({@code 1.0-rc1} is {@code 1.0.pre.rc1}); the version is cut into
 * runs of digits (numbers of any size) and runs of letters; trailing zeros of the leading numbers and of the part
 * after the first letters are dropped ({@code 1.0 == 1}, {@code 1.0.a2 == 1.0.a.2}); then segments compare in
 * turn, a missing one counting as 0, letters before numbers ({@code 1.0.b1 < 1.0}), letters by their bytes.
 */
public final class GemVersion implements Comparable<GemVersion> {

    /** RubyGems' form, also taking letters straight after the first digits ({@code 1beta}), as gem orders them;
     *  possessive, so a long hostile string cannot make it backtrack. */
    private static final Pattern VALID =
            Pattern.compile("[0-9][0-9a-zA-Z]*+(?:\\.[0-9a-zA-Z]++)*+(?:-[0-9A-Za-z-]++(?:\\.[0-9A-Za-z-]++)*+)?");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

    private final String text;
    private final List<Object> canonical;

    private GemVersion(String text, List<Object> canonical) {
        this.text = text;
        this.canonical = canonical;
    }

    /** Whether {@code gem} would accept the string as a version. */
    public static boolean isValid(String version) {
        return version != null && (version.isBlank() || VALID.matcher(version.strip()).matches());
    }

    /** Parses a version; a blank one is {@code 0}, as in RubyGems. */
    public static GemVersion parse(String version) {
        if (!isValid(version)) {
            throw new IllegalArgumentException("'" + version + "' is not a RubyGems version");
        }
        String v = version.isBlank() ? "0" : version.strip();
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(v.replace("-", ".pre."));
        while (m.find()) {
            String s = m.group();
            segments.add(Character.isDigit(s.charAt(0)) ? new BigInteger(s) : s);
        }
        int firstLetters = 0;
        while (firstLetters < segments.size() && segments.get(firstLetters) instanceof BigInteger) {
            firstLetters++;
        }
        List<Object> canonical = new ArrayList<>(dropTrailingZeros(segments.subList(0, firstLetters)));
        canonical.addAll(dropTrailingZeros(segments.subList(firstLetters, segments.size())));
        return new GemVersion(v, List.copyOf(canonical));
    }

    private static List<Object> dropTrailingZeros(List<Object> segments) {
        int end = segments.size();
        while (end > 0 && BigInteger.ZERO.equals(segments.get(end - 1))) {
            end--;
        }
        return segments.subList(0, end);
    }

    /** Whether it is a prerelease: it holds a letter. */
    public boolean isPrerelease() {
        return canonical.stream().anyMatch(s -> s instanceof String);
    }

    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    @Override
    public int compareTo(GemVersion other) {
        int n = Math.max(canonical.size(), other.canonical.size());
        for (int i = 0; i < n; i++) {
            Object l = i < canonical.size() ? canonical.get(i) : BigInteger.ZERO;
            Object r = i < other.canonical.size() ? other.canonical.get(i) : BigInteger.ZERO;
            if (l.equals(r)) {
                continue;
            }
            if (l instanceof String && r instanceof BigInteger) {
                return -1;
            }
            if (l instanceof BigInteger && r instanceof String) {
                return 1;
            }
            int c = l instanceof BigInteger li ? li.compareTo((BigInteger) r) : compareBytes((String) l, (String) r);
            return Integer.signum(c);
        }
        return 0;
    }

    private static int compareBytes(String a, String b) {
        return a.compareTo(b); // ASCII letters only: char order is byte order
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GemVersion g && canonical.equals(g.canonical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(canonical);
    }

    @Override
    public String toString() {
        return text;
    }
}

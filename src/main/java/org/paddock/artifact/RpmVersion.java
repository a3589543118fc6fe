package org.paddock.artifact;

import java.util.Objects;

/**
 * Compares RPM version or release strings the way rpm's {@code rpmvercmp()} does, so Paddock orders
 * package builds exactly like rpm and dnf would. Own code on purpose: no Java library here does rpmvercmp
 * (rpm's is C); it is tested against rpm's own cases.
 *
 * <p>A string is read as a run of segments. A segment is a maximal run of ASCII digits or of ASCII
 * letters; every other character is a separator, and how many separators there are, or which ones,
 * never matters ({@code 1.0 == 1_0}, {@code 1.0 == 1.0.}). Two characters are special:
 * <ul>
 *   <li>{@code ~} sorts before everything, even the end of the string: {@code 1.0~rc1 < 1.0};</li>
 *   <li>{@code ^} sorts after the end of the string but before any other segment:
 *       {@code 1.0 < 1.0^git1 < 1.0.1}.</li>
 * </ul>
 * Segments are compared pairwise: numeric ones as numbers of any length (leading zeros dropped,
 * {@code 10.0001 == 10.1}), alphabetic ones by ASCII order ({@code Z < a}), and a numeric segment is
 * newer than an alphabetic one. When all paired segments are equal, the string with segments left
 * over is newer. Non-ASCII characters are separators, as they are to rpm (byte by byte): this leads to
 * rpm's own oddities such as {@code 1.1.α == 1.1.β}.
 */
public final class RpmVersion {

    private RpmVersion() {
    }

    /**
     * Compares two version (or release) strings.
     *
     * @return -1 if {@code a} is older than {@code b}, 0 if rpm considers them equal, 1 if {@code a} is newer
     */
    public static int compare(String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            i = skipSeparators(a, i);
            j = skipSeparators(b, j);
            boolean aEnded = i == a.length();
            boolean bEnded = j == b.length();
            char ca = aEnded ? 0 : a.charAt(i);
            char cb = bEnded ? 0 : b.charAt(j);

            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (aEnded) {
                    return -1;
                }
                if (bEnded) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (aEnded || bEnded) {
                break;
            }

            boolean numeric = isDigit(ca);
            int aEnd = segmentEnd(a, i, numeric);
            int bEnd = segmentEnd(b, j, numeric);
            if (bEnd == j) {
                // b's segment is of the other kind: numbers are newer than letters
                return numeric ? 1 : -1;
            }
            int rc = numeric ? compareNumbers(a, i, aEnd, b, j, bEnd) : compareLetters(a, i, aEnd, b, j, bEnd);
            if (rc != 0) {
                return rc < 0 ? -1 : 1;
            }
            i = aEnd;
            j = bEnd;
        }
        // Every paired segment was equal; whichever string still has a segment is newer.
        if (i == a.length() && j == b.length()) {
            return 0;
        }
        return i == a.length() ? -1 : 1;
    }

    /** Two runs of digits by value, leading zeros ignored, without making strings of them: it runs for every package a host compares. */
    private static int compareNumbers(String a, int i, int aEnd, String b, int j, int bEnd) {
        while (i < aEnd && a.charAt(i) == '0') {
            i++;
        }
        while (j < bEnd && b.charAt(j) == '0') {
            j++;
        }
        if (aEnd - i != bEnd - j) {
            return aEnd - i < bEnd - j ? -1 : 1;
        }
        return compareLetters(a, i, aEnd, b, j, bEnd);
    }

    /** Two runs as strings compare ({@code strcmp}). */
    private static int compareLetters(String a, int i, int aEnd, String b, int j, int bEnd) {
        for (; i < aEnd && j < bEnd; i++, j++) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(aEnd - i, bEnd - j);
    }

    private static int skipSeparators(String s, int from) {
        int k = from;
        while (k < s.length() && !isLetterOrDigit(s.charAt(k)) && s.charAt(k) != '~' && s.charAt(k) != '^') {
            k++;
        }
        return k;
    }

    private static int segmentEnd(String s, int from, boolean numeric) {
        int k = from;
        while (k < s.length() && (numeric ? isDigit(s.charAt(k)) : isLetter(s.charAt(k)))) {
            k++;
        }
        return k;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isLetterOrDigit(char c) {
        return isDigit(c) || isLetter(c);
    }
}

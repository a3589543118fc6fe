package org.paddock.policy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shell-style patterns with the meaning of Python's {@code fnmatch.fnmatchcase}, which Greenwave uses for
 * product versions and package names: {@code *} matches any run of characters (including none),
 * {@code ?} any one character, {@code [abc]} / {@code [a-z]} one character of the set and {@code [!abc]} one
 * character outside it. A {@code ]} right after {@code [} or {@code [!} belongs to the set. Matching is
 * case-sensitive and covers the whole text. Own code on purpose: java.nio's glob is not fnmatch (its
 * {@code *} stops at {@code /}, {@code {a,b}} groups), and Greenwave's policies must match here as there.
 *
 * <p>Unlike fnmatch, which reads an unclosed {@code [} as a literal, {@link #problem} calls it a mistake
 * (write {@code [[]} for a literal {@code [}); whitespace and control characters are refused too.
 */
final class Glob {

    private Glob() {
    }

    /** Whether {@code text} matches the whole {@code glob}. */
    static boolean matches(String glob, String text) {
        return toPattern(glob).matcher(text).matches();
    }

    /** Why {@code glob} is not acceptable in a policy, or empty when it is. */
    static Optional<String> problem(String glob) {
        if (glob == null || glob.isEmpty()) {
            return Optional.of("is empty");
        }
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.of("contains whitespace or a control character at position " + (i + 1));
            }
        }
        int i = 0;
        while (i < glob.length()) {
            if (glob.charAt(i) == '[') {
                int end = classEnd(glob, i);
                if (end < 0) {
                    return Optional.of("has an unclosed '[' at position " + (i + 1) + " (write [[] for a literal '[')");
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    /** The index of the ']' closing the set that opens at {@code open}, or -1 when there is none. */
    private static int classEnd(String glob, int open) {
        int j = open + 1;
        if (j < glob.length() && glob.charAt(j) == '!') {
            j++;
        }
        if (j < glob.length() && glob.charAt(j) == ']') {
            j++;
        }
        while (j < glob.length() && glob.charAt(j) != ']') {
            j++;
        }
        return j < glob.length() ? j : -1;
    }

    static Pattern toPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
                i++;
            } else if (c == '?') {
                regex.append('.');
                i++;
            } else if (c == '[' && classEnd(glob, i) >= 0) {
                int end = classEnd(glob, i);
                regex.append(characterClass(glob.substring(i + 1, end)));
                i = end + 1;
            } else {
                regex.append(literal(c));
                i++;
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String characterClass(String body) {
        boolean negated = body.startsWith("!");
        String set = negated ? body.substring(1) : body;
        StringBuilder members = new StringBuilder();
        int k = 0;
        while (k < set.length()) {
            if (k + 2 < set.length() && set.charAt(k + 1) == '-') {
                char from = set.charAt(k);
                char to = set.charAt(k + 2);
                if (from <= to) { // fnmatch drops reversed ranges
                    members.append(literal(from)).append('-').append(literal(to));
                }
                k += 3;
            } else {
                members.append(literal(set.charAt(k)));
                k++;
            }
        }
        if (members.isEmpty()) {
            return negated ? "." : "(?!)";
        }
        return (negated ? "[^" : "[") + members + "]";
    }

    private static String literal(char c) {
        return String.format("\\x{%x}", (int) c);
    }
}

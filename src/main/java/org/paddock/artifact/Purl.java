package org.paddock.artifact;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}) as defined by the package-url
 * specification (ECMA-427), such as {@code pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25}.
 * Paddock's own code on purpose: packageurl-java 1.5.0 percent-encodes {@code :} in qualifier values, which
 * mangles rpm epochs and module labels.
 *
 * <p>The components hold decoded text. The constructor normalises them, so equal packages give equal records and
 * {@link #toString()} gives the canonical purl string:
 * <ul>
 *   <li>the type is lowercased; it must start with an ASCII letter and hold only ASCII letters, digits, '.' and '-';
 *   <li>empty namespace segments are dropped; an empty namespace, version or subpath becomes {@code null};
 *   <li>qualifier keys are lowercased and sorted, qualifiers with an empty value are dropped, and {@link #qualifiers()}
 *       is never {@code null};
 *   <li>the subpath loses empty, '.' and '..' segments;
 *   <li>the purl type definitions add: an rpm namespace (the vendor) is required and lowercased; a maven namespace
 *       (the groupId) is required; gem and pypi have no namespace; a pypi name is lowercased with '_' replaced by
 *       '-', and a pypi version is lowercased. npm and generic have no further rules, and any other type is
 *       handled by the core rules only.
 * </ul>
 * In the string form every character except ASCII letters, digits, {@code . - _ ~ :} is percent-encoded (UTF-8,
 * uppercase hex), apart from the '/' that separate namespace and subpath segments.
 *
 * <p>Invalid components or strings throw {@link IllegalArgumentException} naming the input and the reason, such as
 * {@code purl 'pkg:maven/foo' is invalid: a maven purl needs a namespace (the groupId)}.
 *
 * @param type       the package type, such as {@code rpm}, {@code maven}, {@code gem}, {@code pypi}
 * @param namespace  the type-specific name prefix (rpm vendor, maven groupId, npm scope), segments joined by '/';
 *                   may be {@code null}
 * @param name       the package name
 * @param version    the version, or {@code null}
 * @param qualifiers extra key/value data such as rpm {@code arch}; {@code null} is taken as none
 * @param subpath    a path inside the package, or {@code null}
 */
public record Purl(String type, String namespace, String name, String version,
                   SortedMap<String, String> qualifiers, String subpath) {

    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9.-]*");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9._-]*");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * Normalises the components as described above.
     *
     * @throws IllegalArgumentException naming the components and what is wrong with them
     */
    public Purl {
        String canonicalType;
        String canonicalNamespace;
        String canonicalName;
        String canonicalVersion;
        SortedMap<String, String> canonicalQualifiers;
        String canonicalSubpath;
        try {
            canonicalType = canonicalType(type);
            canonicalNamespace = canonicalNamespace(canonicalType, namespace);
            canonicalName = canonicalName(canonicalType, name);
            canonicalVersion = canonicalVersion(canonicalType, version);
            canonicalQualifiers = canonicalQualifiers(qualifiers);
            canonicalSubpath = canonicalSubpath(subpath);
            checkNamespaceRule(canonicalType, canonicalNamespace);
        } catch (Invalid e) {
            throw new Invalid(describe(type, namespace, name, version, qualifiers, subpath), e.reason);
        }
        type = canonicalType;
        namespace = canonicalNamespace;
        name = canonicalName;
        version = canonicalVersion;
        qualifiers = canonicalQualifiers;
        subpath = canonicalSubpath;
    }

    /** A purl without qualifiers or subpath, such as {@code Purl.of("maven", "org.yaml", "snakeyaml", "2.5")}. */
    public static Purl of(String type, String namespace, String name, String version) {
        return new Purl(type, namespace, name, version, null, null);
    }

    /**
     * Parses a purl string as ECMA-427 requires: the scheme and type may be in any case and may be followed by extra
     * '/', components are percent-decoded and normalised as the constructor does, but a qualifier key must already
     * be lowercase.
     *
     * @throws IllegalArgumentException naming the string and what is wrong with it
     */
    public static Purl parse(String purl) {
        return parse(purl, false);
    }

    /**
     * Parses a purl string like {@link #parse}, but also repairs two common mistakes (the purl-spec "recommended"
     * normalisations): qualifier keys in any case are lowercased, and an unencoded '@' with more path after it, such
     * as the npm scope in {@code pkg:npm/@babel/core}, is read as part of the namespace rather than as the version
     * separator.
     *
     * @throws IllegalArgumentException naming the string and what is wrong with it
     */
    public static Purl parseLenient(String purl) {
        return parse(purl, true);
    }

    /** The value of a qualifier; the key is matched in any case. */
    public Optional<String> qualifier(String key) {
        return Optional.ofNullable(qualifiers.get(key.toLowerCase(Locale.ROOT)));
    }

    /** This purl with the qualifier set to the value; a {@code null} or empty value removes the qualifier. */
    public Purl withQualifier(String key, String value) {
        Objects.requireNonNull(key, "key");
        SortedMap<String, String> changed = new TreeMap<>(qualifiers);
        changed.remove(key.toLowerCase(Locale.ROOT));
        if (value != null && !value.isEmpty()) {
            changed.put(key, value);
        }
        return new Purl(type, namespace, name, version, changed, subpath);
    }

    /** The canonical purl string. */
    @Override
    public String toString() {
        StringBuilder purl = new StringBuilder("pkg:").append(type).append('/');
        if (namespace != null) {
            appendSegments(purl, namespace).append('/');
        }
        purl.append(encode(name));
        if (version != null) {
            purl.append('@').append(encode(version));
        }
        char separator = '?';
        for (Map.Entry<String, String> qualifier : qualifiers.entrySet()) {
            purl.append(separator).append(qualifier.getKey()).append('=').append(encode(qualifier.getValue()));
            separator = '&';
        }
        if (subpath != null) {
            appendSegments(purl.append('#'), subpath);
        }
        return purl.toString();
    }

    // ---- parsing (docs/how-to-parse.md of purl-spec: right to left, from subpath to type)

    private static Purl parse(String input, boolean lenient) {
        if (input == null) {
            throw new Invalid("null", "no purl string was given");
        }
        try {
            String rest = input;
            String subpath = null;
            int hash = rest.lastIndexOf('#');
            if (hash >= 0) {
                subpath = decodeSegments(rest.substring(hash + 1), "subpath");
                rest = rest.substring(0, hash);
            }
            SortedMap<String, String> qualifiers = new TreeMap<>();
            int question = rest.lastIndexOf('?');
            if (question >= 0) {
                parseQualifiers(rest.substring(question + 1), lenient, qualifiers);
                rest = rest.substring(0, question);
            }
            int colon = rest.indexOf(':');
            if (colon < 0) {
                throw new Invalid("it does not start with the scheme 'pkg:'");
            }
            String scheme = rest.substring(0, colon);
            if (!scheme.equalsIgnoreCase("pkg")) {
                throw new Invalid("the scheme is '" + scheme + "' where 'pkg' is required");
            }
            rest = stripLeadingSlashes(rest.substring(colon + 1));
            int slash = rest.indexOf('/');
            if (slash < 0) {
                throw new Invalid("there is no '/' between the type and the name");
            }
            String type = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
            String version = null;
            int at = rest.lastIndexOf('@');
            if (lenient && at >= 0 && rest.indexOf('/', at) >= 0) {
                at = -1; // an '@' followed by more path opens a namespace segment, as an npm scope does
            }
            if (at >= 0) {
                version = decode(rest.substring(at + 1));
                rest = rest.substring(0, at);
                if (stripTrailingSlashes(rest).isEmpty() && version.contains("/")) {
                    throw new Invalid("the only '@' opens the path, so no name is left before the version;"
                            + " an '@' inside the namespace or name must be percent-encoded as %40");
                }
            }
            rest = stripTrailingSlashes(rest);
            int lastSlash = rest.lastIndexOf('/');
            String name = decode(rest.substring(lastSlash + 1));
            String namespace = lastSlash < 0 ? null : decodeSegments(rest.substring(0, lastSlash), "namespace");
            return new Purl(type, namespace, name, version, qualifiers, subpath);
        } catch (Invalid e) {
            throw new Invalid("'" + input + "'", e.reason);
        }
    }

    private static void parseQualifiers(String text, boolean lenient, SortedMap<String, String> qualifiers) {
        Set<String> seen = new HashSet<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new Invalid("the qualifier '" + pair + "' has no '=' between key and value");
            }
            String key = pair.substring(0, equals);
            String lowercase = key.toLowerCase(Locale.ROOT);
            if (!lenient && !key.equals(lowercase) && KEY.matcher(lowercase).matches()) {
                throw new Invalid("the qualifier key '" + key + "' is not lowercase");
            }
            checkKey(lenient ? lowercase : key, key);
            if (!seen.add(lowercase)) {
                throw new Invalid("the qualifier key '" + lowercase + "' appears more than once");
            }
            String value = decode(pair.substring(equals + 1));
            if (!value.isEmpty()) {
                qualifiers.put(lowercase, value);
            }
        }
    }

    /** Percent-decodes each '/'-separated segment; the constructor then drops empty (and '.', '..') segments. */
    private static String decodeSegments(String text, String component) {
        StringJoiner joined = new StringJoiner("/");
        for (String segment : text.split("/")) {
            String decoded = decode(segment);
            if (decoded.contains("/")) {
                throw new Invalid("the " + component + " segment '" + segment + "' holds an encoded '/'");
            }
            joined.add(decoded);
        }
        return joined.toString();
    }

    // ---- normalisation of components (shared by the constructor and therefore by parse)

    private static String canonicalType(String type) {
        if (type == null || type.isEmpty()) {
            throw new Invalid("a purl needs a type");
        }
        if (!TYPE.matcher(type).matches()) {
            throw new Invalid("the type '" + type + "' must start with an ASCII letter and hold only ASCII letters,"
                    + " digits, '.' and '-'");
        }
        return type.toLowerCase(Locale.ROOT);
    }

    private static String canonicalNamespace(String type, String namespace) {
        if (namespace == null) {
            return null;
        }
        StringJoiner joined = new StringJoiner("/");
        for (String segment : namespace.split("/")) {
            if (!segment.isEmpty()) {
                // rpm-definition.json: the vendor "is not case sensitive and shall be lowercased"
                joined.add(type.equals("rpm") ? segment.toLowerCase(Locale.ROOT) : segment);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    private static String canonicalName(String type, String name) {
        String stripped = name == null ? "" : stripTrailingSlashes(stripLeadingSlashes(name));
        if (stripped.isEmpty()) {
            throw new Invalid("a purl needs a name");
        }
        // pypi-definition.json: not case sensitive, "Replace underscore _ with dash -"
        return type.equals("pypi") ? stripped.toLowerCase(Locale.ROOT).replace('_', '-') : stripped;
    }

    private static String canonicalVersion(String type, String version) {
        if (version == null || version.isEmpty()) {
            return null;
        }
        // pypi-definition.json: the version is not case sensitive
        return type.equals("pypi") ? version.toLowerCase(Locale.ROOT) : version;
    }

    private static SortedMap<String, String> canonicalQualifiers(Map<String, String> qualifiers) {
        SortedMap<String, String> canonical = new TreeMap<>();
        if (qualifiers != null) {
            for (Map.Entry<String, String> qualifier : qualifiers.entrySet()) {
                if (qualifier.getKey() == null) {
                    throw new Invalid("a qualifier key is null");
                }
                String key = qualifier.getKey().toLowerCase(Locale.ROOT);
                checkKey(key, qualifier.getKey());
                String value = qualifier.getValue();
                if (value != null && !value.isEmpty() && canonical.put(key, value) != null) {
                    throw new Invalid("the qualifier key '" + key + "' is given more than once");
                }
            }
        }
        return Collections.unmodifiableSortedMap(canonical);
    }

    private static String canonicalSubpath(String subpath) {
        if (subpath == null) {
            return null;
        }
        StringJoiner joined = new StringJoiner("/");
        for (String segment : subpath.split("/")) {
            if (!segment.isEmpty() && !isDotSegment(segment)) {
                joined.add(segment);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    private static void checkNamespaceRule(String type, String namespace) {
        switch (type) {
            case "maven" -> {
                if (namespace == null) {
                    throw new Invalid("a maven purl needs a namespace (the groupId)");
                }
            }
            case "rpm" -> {
                if (namespace == null) {
                    throw new Invalid("an rpm purl needs a namespace (the vendor, such as fedora)");
                }
            }
            case "gem", "pypi" -> {
                if (namespace != null) {
                    throw new Invalid("a " + type + " purl has no namespace, but '" + namespace + "' was given");
                }
            }
            default -> {
                // npm, generic and all other types: the namespace is optional
            }
        }
    }

    private static void checkKey(String key, String asGiven) {
        if (!KEY.matcher(key).matches()) {
            throw new Invalid("the qualifier key '" + asGiven + "' must start with an ASCII letter and hold only"
                    + " lowercase ASCII letters, digits, '.', '-' and '_' (keys are never percent-encoded)");
        }
    }

    private static boolean isDotSegment(String segment) {
        return segment.equals(".") || segment.equals("..");
    }

    private static String stripLeadingSlashes(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == '/') {
            start++;
        }
        return text.substring(start);
    }

    private static String stripTrailingSlashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(0, end);
    }

    // ---- percent-encoding (ECMA-427 "Character encoding"; RFC 3986 section 2.1 over UTF-8)

    private static StringBuilder appendSegments(StringBuilder purl, String segments) {
        String separator = "";
        for (String segment : segments.split("/")) {
            purl.append(separator).append(encode(segment));
            separator = "/";
        }
        return purl;
    }

    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int octet = b & 0xff;
            if (octet >= 'a' && octet <= 'z' || octet >= 'A' && octet <= 'Z' || octet >= '0' && octet <= '9'
                    || ".-_~:".indexOf(octet) >= 0) {
                encoded.append((char) octet);
            } else {
                encoded.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xf]);
            }
        }
        return encoded.toString();
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int length = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%') {
                int high = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
                int low = high >= 0 ? Character.digit(in[i + 2], 16) : -1;
                if (low < 0) {
                    throw new Invalid("in '" + text + "' a '%' is not followed by two hex digits");
                }
                out[length++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                out[length++] = in[i];
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Invalid("'" + text + "' does not percent-decode to UTF-8 text");
        }
    }

    private static String describe(String type, String namespace, String name, String version,
                                   Map<String, String> qualifiers, String subpath) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("type", type);
        given.put("namespace", namespace);
        given.put("name", name);
        given.put("version", version);
        given.put("qualifiers", qualifiers == null || qualifiers.isEmpty() ? null : qualifiers);
        given.put("subpath", subpath);
        given.values().removeIf(Objects::isNull);
        return given.toString();
    }

    /**
     * An {@link IllegalArgumentException} that keeps the bare reason, so that {@link #parse} can name the string it
     * was given rather than the components it built. Thrown with only a reason inside this class, always rethrown
     * with a subject before it leaves.
     */
    private static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Invalid(String reason) {
            super(reason);
            this.reason = reason;
        }

        Invalid(String subject, String reason) {
            super("purl " + subject + " is invalid: " + reason);
            this.reason = reason;
        }
    }
}

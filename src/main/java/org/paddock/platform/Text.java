package org.paddock.platform;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What text Paddock can keep. PostgreSQL stores UTF-8 without NUL; the JDBC driver silently turns a lone
 * UTF-16 surrogate into {@code ?}. Every way text comes in — JSON bodies, query and path parameters, forms,
 * YAML — asks here, so that nothing is stored changed and nothing fails later in the database.
 */
public final class Text {

    private Text() {
    }

    /**
     * {@code s} cut to at most {@code max} characters, an ellipsis saying it was cut: for words Paddock writes into a
     * column of its own (summaries, reasons, causes), never for what a person typed (that is refused instead).
     */
    public static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Why {@code s} cannot be stored as it is, or {@code null} when it can. */
    public static String unstorable(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "contains a NUL character (U+0000), which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains a lone surrogate (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                        + "), which is not a character";
            }
        }
        return null;
    }

    /** Decodes {@code bytes} as UTF-8, refusing (rather than replacing) anything that is not. */
    public static String utf8(byte[] bytes, String field) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidInputException(field, "is not valid UTF-8 (byte " + (in.position() + 1) + " of " + bytes.length
                    + " starts no character)");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}

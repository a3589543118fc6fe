package org.paddock.platform.rest;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Text;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * How every JSON request body is read: strictly, in one place, before any resource sees it.
 *
 * <ul>
 *   <li>Malformed JSON is a {@link MalformedJsonException} (400) however it ends — an object or list left
 *       open, trailing data, a duplicate key — found by reading the whole body once before binding. (The
 *       server's own binding skipped unknown properties with a reader that never noticed the end of the
 *       body, so {@code {"a":{} } spun forever.)</li>
 *   <li>Bytes that are not UTF-8, a NUL character or a lone surrogate in any text are refused: PostgreSQL
 *       cannot store the first two and the driver would silently turn the third into {@code ?}.</li>
 *   <li>Values are bound without guessing: a number where text is expected, text or a number where
 *       {@code true}/{@code false} is, a fraction or an out-of-range number where a whole number is,
 *       {@code null} inside a list, a body of the wrong shape — each an {@link InvalidInputException} (422)
 *       naming the field ({@code newBuilds[0].version}).</li>
 *   <li>Unknown properties are ignored, as ResultsDB, WaiverDB and Greenwave do: their clients send fields
 *       Paddock does not keep.</li>
 * </ul>
 */
public final class JsonBodies {

    /** Deeper than any body Paddock takes (results' data are two levels, updates four). */
    static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(64)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .withCoercionConfigDefaults(c -> c
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            // the only coercions kept are the lossless ones: a whole number where a fraction is expected
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
            .build();

    private JsonBodies() {
    }

    /** A body that is not JSON at all: answered 400. */
    public static final class MalformedJsonException extends RuntimeException {
        MalformedJsonException(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code body} (the raw bytes of a request) as {@code type}: a record, a list or map of them, or a
     * JSON-P value. An empty body is {@code null} — the resource decides whether it needs one.
     */
    public static Object read(byte[] body, Type type) {
        String text = Text.utf8(body, "body");
        if (text.isBlank()) {
            return null;
        }
        check(text);
        JavaType target = MAPPER.getTypeFactory().constructType(type);
        if (JsonValue.class.isAssignableFrom(target.getRawClass())) {
            return jsonp(text, target.getRawClass());
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            return bind(parser, target); // the parser is still open while the refusal describes what it read
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }

    private static Object bind(JsonParser parser, JavaType target) throws IOException {
        try {
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                throw new InvalidInputException("body", "is null: send " + shape(target));
            }
            return MAPPER.readValue(parser, target);
        } catch (JsonMappingException e) {
            // a map's key is not always in the exception's path; the parser knows where it stopped
            String path = path(e);
            String here = field(parser.getParsingContext());
            throw new InvalidInputException(here.startsWith(path + ".") ? here : path, reason(e, target));
        } catch (JsonProcessingException e) {
            // the text was read once already: what fails now is a value, e.g. a number too large for its field
            throw new InvalidInputException(where(e), e.getOriginalMessage());
        }
    }

    /** The first pass: the whole text is one JSON value, not too deep, and every string is storable text. */
    private static void check(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.VALUE_STRING) {
                    String problem = Text.unstorable(p.getText());
                    if (problem != null) {
                        throw new InvalidInputException(field(p.getParsingContext()),
                                t == JsonToken.FIELD_NAME ? "has a property name that " + problem : problem);
                    }
                }
                if (t.isStructEnd() && p.getParsingContext().inRoot() && p.nextToken() != null) {
                    throw new MalformedJsonException("there is more after the end of the JSON value " + at(p.currentLocation()));
                }
            }
        } catch (StreamConstraintsException e) {
            throw new MalformedJsonException("the body is nested more than " + MAX_DEPTH + " levels deep or has a number of more than 64 digits");
        } catch (JsonEOFException e) {
            throw new MalformedJsonException("it ends before its JSON does: an object, list or text is not closed "
                    + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[") + " " + at(e.getLocation()));
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }

    private static Object jsonp(String text, Class<?> wanted) {
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new MalformedJsonException(e.getMessage());
        }
        if (!wanted.isInstance(value)) {
            throw new InvalidInputException("body", "is " + article(value.getValueType().name().toLowerCase(Locale.ROOT))
                    + ": send " + (wanted == jakarta.json.JsonStructure.class ? "a JSON object or array"
                    : "a JSON " + wanted.getSimpleName().replace("Json", "").toLowerCase(Locale.ROOT)));
        }
        return value;
    }

    private static String reason(JsonMappingException e, JavaType target) {
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return "cannot be read: " + e.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            JsonParser p = m.getProcessor() instanceof JsonParser jp ? jp : null;
            String given = p == null || p.currentToken() == null ? "a different kind of value" : given(p);
            return "is " + given + ": expected " + expected(m.getTargetType(), target);
        }
        return e.getOriginalMessage();
    }

    private static String given(JsonParser p) {
        try {
            return switch (p.currentToken()) {
                case VALUE_STRING -> "the text \"" + shorten(p.getText()) + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shorten(p.getText());
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "null";
                case START_OBJECT, FIELD_NAME -> "an object";
                case START_ARRAY -> "a list";
                default -> "a different kind of value";
            };
        } catch (IOException e) {
            return "a different kind of value";
        }
    }

    private static String expected(Class<?> type, JavaType root) {
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type == root.getRawClass() ? shape(root) : "an object";
    }

    private static String shape(JavaType target) {
        return target.isCollectionLikeType() ? "a JSON list" : "a JSON object";
    }

    /** {@code newBuilds[0].version}, or {@code body} for the whole. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "body" : b.charAt(0) == '.' ? b.substring(1) : b.toString();
    }

    private static String where(JsonProcessingException e) {
        return e.getProcessor() instanceof JsonParser p ? field(p.getParsingContext()) : "body";
    }

    private static String field(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }

    private static String at(JsonLocation l) {
        return l == null ? "" : "(line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}

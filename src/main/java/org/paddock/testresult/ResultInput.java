package org.paddock.testresult;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Times;
import org.paddock.platform.FieldError;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One result as ResultsDB v2 takes it: {@code testcase} (a name or {@code {name, ref_url}}), {@code outcome}
 * (any case), {@code data} (string or list values; {@code item} and {@code type} name the subject),
 * {@code ref_url}, {@code note}, {@code submit_time}. {@link #read} checks it all and names every problem.
 */
public record ResultInput(String testcase, String testcaseRefUrl, Outcome outcome, SubjectType subjectType,
                          String item, String scenario, String arch, String refUrl, String note,
                          Map<String, List<String>> data, Instant submitTime) {

    public static ResultInput read(JsonValue value, String prefix, List<FieldError> errors) {
        if (!(value instanceof JsonObject body)) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix, "a result must be a JSON object"));
            return null;
        }
        int before = errors.size();
        String testcase = null;
        String testcaseRef = null;
        JsonValue tc = body.get("testcase");
        if (tc instanceof JsonString s) {
            testcase = s.getString();
        } else if (tc instanceof JsonObject o && o.get("name") instanceof JsonString s) {
            testcase = s.getString();
            testcaseRef = text(o, "ref_url", prefix + "testcase.ref_url", errors);
        }
        if (testcase == null || testcase.isBlank()) {
            errors.add(new FieldError(prefix + "testcase", "is required: a name, or {\"name\": ..., \"ref_url\": ...}"));
        } else if (!testcase.strip().matches("[A-Za-z0-9][A-Za-z0-9._:/+-]{0,254}")) {
            errors.add(new FieldError(prefix + "testcase", "'" + testcase + "' must start with a letter or digit and "
                    + "hold only letters, digits and . _ : / + - (at most 255 characters)"));
        }
        Outcome outcome = null;
        try {
            outcome = Outcome.parse(text(body, "outcome", prefix + "outcome", errors));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(prefix + "outcome", e.getMessage()));
        }
        Map<String, List<String>> data = new LinkedHashMap<>();
        JsonValue d = body.get("data");
        if (d instanceof JsonObject o) {
            for (var e : o.entrySet()) {
                List<String> values = new ArrayList<>();
                if (e.getValue() instanceof JsonString s) {
                    values.add(s.getString());
                } else if (e.getValue() instanceof JsonArray a && a.stream().allMatch(v -> v instanceof JsonString)) {
                    a.forEach(v -> values.add(((JsonString) v).getString()));
                } else {
                    errors.add(new FieldError(prefix + "data." + e.getKey(), "must be a string or a list of strings"));
                }
                data.put(e.getKey(), values);
            }
        } else if (d != null && d != JsonValue.NULL) {
            errors.add(new FieldError(prefix + "data", "must be an object"));
        }
        SubjectType type = null;
        String item = null;
        List<String> types = data.getOrDefault("type", List.of());
        List<String> items = data.getOrDefault("item", List.of());
        if (types.size() != 1 || items.size() != 1) {
            errors.add(new FieldError(prefix + "data", "needs exactly one item and one type naming the subject "
                    + "(type paddock_update, module_build or rpm_build)"));
        } else {
            try {
                type = SubjectType.parse(types.get(0));
                item = type.checkIdentifier(items.get(0));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(prefix + "data." + (type == null ? "type" : "item"), e.getMessage()));
            }
        }
        String refUrl = text(body, "ref_url", prefix + "ref_url", errors);
        checkUrl(testcaseRef, prefix + "testcase.ref_url", errors);
        checkUrl(refUrl, prefix + "ref_url", errors);
        String note = text(body, "note", prefix + "note", errors);
        Instant submitTime = null;
        String when = text(body, "submit_time", prefix + "submit_time", errors);
        if (when != null) {
            try {
                submitTime = Times.parse(prefix + "submit_time", when);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new ResultInput(testcase.strip(), testcaseRef, outcome, type, item, single(data, "scenario"),
                single(data, "arch"), refUrl, note, data, submitTime);
    }

    private static String single(Map<String, List<String>> data, String key) {
        List<String> v = data.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String text(JsonObject o, String key, String field, List<FieldError> errors) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        errors.add(new FieldError(field, "must be a string"));
        return null;
    }

    private static void checkUrl(String url, String field, List<FieldError> errors) {
        if (url == null) {
            return;
        }
        try {
            URI u = new URI(url);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || url.length() > 2000) {
                errors.add(new FieldError(field, "'" + url + "' is not an http(s) URL"));
            }
        } catch (Exception e) {
            errors.add(new FieldError(field, "'" + url + "' is not an http(s) URL"));
        }
    }
}

package org.paddock.update;

import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A search over updates, the same for the Updates page and {@code GET /api/v1/updates}: every filter is
 * optional; {@code q} matches alias, title and package names. Sorting by one of {@link #SORTABLE}.
 */
public record UpdateQuery(String release, String module, String status, String request, String type,
                          String severity, String cve, String bug, String submitter, String q, String gating,
                          String sort, boolean descending) {

    /** The gating status words, as the decisions store them. */
    public static final List<String> GATING = List.of("passed", "failed", "waiting", "ignored");

    public static final Set<String> SORTABLE = Set.of("submitted", "modified", "alias", "title", "karma", "status",
            "type", "severity", "release");

    public static UpdateQuery all() {
        return new UpdateQuery(null, null, null, null, null, null, null, null, null, null, null, "submitted", true);
    }

    /** The filters that are set, by their URL parameter names, for links that keep the view. */
    public Map<String, String> asParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "release", release);
        put(p, "module", module);
        put(p, "status", status);
        put(p, "request", request);
        put(p, "type", type);
        put(p, "severity", severity);
        put(p, "cve", cve);
        put(p, "bug", bug);
        put(p, "submitter", submitter);
        put(p, "q", q);
        put(p, "gating", gating);
        return p;
    }

    private static void put(Map<String, String> p, String k, String v) {
        if (v != null && !v.isBlank()) {
            p.put(k, v.strip());
        }
    }

    /** Checks the word-valued filters so a typo is refused instead of silently matching nothing. */
    public UpdateQuery checked() {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "status", status, () -> UpdateStatus.fromWord(status));
        check(errors, "request", request, () -> UpdateRequest.fromWord(request));
        check(errors, "type", type, () -> UpdateType.fromWord(type));
        check(errors, "severity", severity, () -> Severity.fromWord(severity));
        if (gating != null && !gating.isBlank() && !GATING.contains(gating.strip())) {
            errors.add(new FieldError("gating", "must be one of " + String.join(", ", GATING) + ", not '" + gating + "'"));
        }
        if (sort != null && !SORTABLE.contains(sort)) {
            errors.add(new FieldError("sort", "must be one of " + String.join(", ", new java.util.TreeSet<>(SORTABLE))
                    + ", not '" + sort + "'"));
        }
        if (bug != null && !bug.isBlank() && !bug.strip().replace("#", "").matches("\\d{1,10}")) {
            errors.add(new FieldError("bug", "'" + bug + "' is not a Bugzilla bug number"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return this;
    }

    private static void check(List<FieldError> errors, String field, String value, Supplier<?> parse) {
        if (value != null && !value.isBlank()) {
            FieldError.collect(errors, field, parse);
        }
    }
}

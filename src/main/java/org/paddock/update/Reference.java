package org.paddock.update;

import org.paddock.platform.FieldError;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A checked reference value: {@code CVE-2026-12345}, Bugzilla bug {@code 2291234}, or an http(s) URL. */
public record Reference(ReferenceKind kind, String id, String title, String url) {

    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}");
    private static final Pattern BUG = Pattern.compile("\\d{1,10}");
    static final String CVE_URL = "https://www.cve.org/CVERecord?id=";

    public Reference {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
        title = title == null ? "" : title.strip();
        Objects.requireNonNull(url);
    }

    /**
     * Checks one reference as submitted; {@code field} names it in the error ({@code references[2].id}).
     * Returns the reference, or the error that refuses it.
     */
    public static Result check(String field, String kind, String id, String title, String bugzillaUrl) {
        ReferenceKind k;
        try {
            k = ReferenceKind.fromWord(kind);
        } catch (IllegalArgumentException e) {
            return Result.error(new FieldError(field + ".kind", e.getMessage()));
        }
        String v = id == null ? "" : id.strip();
        if (title != null && title.length() > 500) {
            return Result.error(new FieldError(field + ".title", "must be at most 500 characters"));
        }
        switch (k) {
            case CVE -> {
                v = v.toUpperCase(Locale.ROOT);
                if (!CVE.matcher(v).matches()) {
                    return Result.error(new FieldError(field + ".id",
                            "'" + id + "' is not a CVE id: expected CVE-YYYY-NNNN (four to nineteen digits)"));
                }
                return Result.ok(new Reference(k, v, title, CVE_URL + v));
            }
            case BUGZILLA -> {
                if (v.startsWith("#")) {
                    v = v.substring(1);
                }
                if (!BUG.matcher(v).matches()) {
                    return Result.error(new FieldError(field + ".id",
                            "'" + id + "' is not a Bugzilla bug number"));
                }
                return Result.ok(new Reference(k, v, title, bugzillaUrl + v));
            }
            default -> {
                try {
                    URI uri = new URI(v);
                    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                            || v.length() > 1000) {
                        throw new URISyntaxException(v, "not an http(s) URL");
                    }
                } catch (URISyntaxException e) {
                    return Result.error(new FieldError(field + ".id", "'" + id + "' is not an http(s) URL"));
                }
                return Result.ok(new Reference(k, v, title, v));
            }
        }
    }

    public record Result(Optional<Reference> reference, Optional<FieldError> error) {
        static Result ok(Reference r) {
            return new Result(Optional.of(r), Optional.empty());
        }

        static Result error(FieldError e) {
            return new Result(Optional.empty(), Optional.of(e));
        }
    }

    boolean sameAs(Reference other) {
        return kind == other.kind && id.equals(other.id);
    }
}

package org.paddock.feed;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Times;
import org.paddock.update.Severity;
import org.paddock.update.UpdateStatus;
import org.paddock.update.UpdateType;

import java.sql.SQLException;
import java.time.Instant;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /api/v1/advisories}: the published advisories with their packages and references, compact, for tools
 * matching installed packages. Filters {@code cve}, {@code bug}, {@code severity}, {@code type}, {@code module}
 * ({@code nginx:1.24}), {@code package}, {@code release}, {@code status} ({@code stable} by default, or
 * {@code testing}), {@code since}; paged by an opaque {@code cursor} ({@code next} in the answer), cacheable by ETag.
 */
@Path("v1/advisories")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class AdvisoriesResource {

    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    @Inject
    AdvisoryReader reader;

    @Context
    UriInfo uri;

    @GET
    public Response list(@QueryParam("cve") String cve, @QueryParam("bug") String bug,
                         @QueryParam("severity") String severity, @QueryParam("type") String type,
                         @QueryParam("module") String module, @QueryParam("package") String pkg,
                         @QueryParam("release") String release, @QueryParam("status") @DefaultValue("stable") String status,
                         @QueryParam("since") String since, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") @DefaultValue("100") int limit, @Context Request request) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        if (cve != null && !cve.isBlank() && !cve.strip().toUpperCase().matches("CVE-\\d{4}-\\d{4,}")) {
            errors.add(new FieldError("cve", "'" + cve + "' is not a CVE id such as CVE-2026-1234"));
        }
        if (bug != null && !bug.isBlank() && !bug.strip().replace("#", "").matches("\\d{1,10}")) {
            errors.add(new FieldError("bug", "'" + bug + "' is not a Bugzilla bug number"));
        }
        Severity severityWanted = word(errors, "severity", severity, Severity::fromWord);
        UpdateType typeWanted = word(errors, "type", type, UpdateType::fromWord);
        UpdateStatus channel = word(new ArrayList<>(), "status", status, UpdateStatus::fromWord);
        if (channel != UpdateStatus.STABLE && channel != UpdateStatus.TESTING) { // the two that are published
            errors.add(new FieldError("status", "must be " + UpdateStatus.STABLE.word() + " or "
                    + UpdateStatus.TESTING.word() + ", not '" + status + "'"));
        }
        if (module != null && !module.isBlank() && !module.strip().matches("[^:\\s]+:[^:\\s]+")) {
            errors.add(new FieldError("module", "'" + module + "' is not a module stream such as nginx:1.24"));
        }
        Instant from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = Times.parse("since", since);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        long after = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor.strip())).replace("after:", ""));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("cursor", "is not a cursor this API gave out"));
            }
        }
        if (limit < 1 || limit > 1000) {
            errors.add(new FieldError("limit", "must be between 1 and 1000, not " + limit));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AdvisoryReader.Selection sel = new AdvisoryReader.Selection(blank(release), channel.word(), false, blank(module),
                null, cve == null || cve.isBlank() ? null : cve.strip().toUpperCase(), bug == null || bug.isBlank() ? null
                : bug.strip().replace("#", ""), severityWanted == null ? null : severityWanted.word(),
                typeWanted == null ? null : typeWanted.word(), blank(pkg), from, after, limit);
        AdvisoryReader.Version v = reader.version(sel);
        EntityTag etag = new EntityTag(v.etag("advisories").replace("\"", ""));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(etag);
        if (unchanged != null) {
            return unchanged.build();
        }
        String base = uri.getBaseUri().resolve("..").toString();
        StreamingOutput body = out -> {
            JsonGenerator g = JSON.createGenerator(out);
            g.writeStartObject();
            g.writeStartArray("advisories");
            long[] last = {0};
            int[] count = {0};
            try {
                reader.read(sel, base, a -> {
                    write(a, g);
                    count[0]++;
                    last[0] = a.key();
                });
            } catch (SQLException e) {
                throw new java.io.IOException(e);
            }
            g.writeEnd();
            if (count[0] == sel.limit()) {
                g.write("next", Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + last[0]).getBytes()));
            } else {
                g.writeNull("next");
            }
            g.writeEnd();
            g.close();
        };
        return Response.ok(body).tag(etag).header("Cache-Control", "public, max-age=60").build();
    }

    private static void write(Advisory a, JsonGenerator g) {
        g.writeStartObject();
        g.write("id", a.id());
        g.write("release", a.release());
        g.write("status", a.status());
        g.write("type", a.type());
        g.write("severity", a.severity());
        g.write("title", UpdateinfoWriter.clean(a.title()));
        g.write("issued", OsvWriter.time(a.issued()));
        g.write("updated", OsvWriter.time(a.updated()));
        g.write("suggestion", a.suggestion());
        g.write("url", a.url());
        g.writeStartArray("references");
        for (Advisory.Ref r : a.references()) {
            g.writeStartObject().write("kind", r.kind()).write("id", r.id()).write("url", r.url());
            g.writeStartArray("fixedIn");
            r.fixedIn().forEach(g::write);
            g.writeEnd().writeEnd();
        }
        g.writeEnd();
        g.writeStartArray("modules");
        for (Advisory.Build b : a.builds()) {
            g.writeStartObject().write("nsvca", b.nsvca());
            if (b.endOfLife() != null) {
                g.write("endOfLife", b.endOfLife().toString()); // the last day its stream takes updates
            }
            g.writeStartArray("packages");
            for (Advisory.Pkg p : b.packages()) {
                g.writeStartObject().write("kind", p.kind()).write("name", p.name());
                if ("rpm".equals(p.kind())) {
                    g.write("evr", OsvWriter.fixedVersion(p)).write("arch", p.arch());
                } else {
                    g.write("version", p.version());
                }
                g.write("purl", p.purl()).writeEnd();
            }
            g.writeEnd().writeEnd();
        }
        g.writeEnd();
        g.writeEnd();
    }

    /** The enum constant a filter names, or null when it names none; a word that is none of them is refused. */
    private static <E extends Enum<E>> E word(List<FieldError> errors, String field, String value,
                                              Function<String, E> fromWord) {
        return value == null || value.isBlank() ? null : FieldError.collect(errors, field, () -> fromWord.apply(value));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

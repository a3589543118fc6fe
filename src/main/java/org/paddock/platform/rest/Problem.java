package org.paddock.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.paddock.platform.FieldError;

import java.util.List;

/**
 * An RFC 9457 problem document: what every API error answers with, naming the fields that are wrong
 * and why ({@code errors}).
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final MediaType JSON = new MediaType("application", "problem+json");

    public static Response response(int status, String detail) {
        return response(status, detail, List.of());
    }

    public static Response response(int status, String detail, List<FieldError> errors) {
        return Response.status(status).type(JSON)
                .entity(new Problem("about:blank", title(status), status, detail, errors.isEmpty() ? null : errors))
                .build();
    }

    private static final jakarta.json.bind.Jsonb JSONB = jakarta.json.bind.JsonbBuilder.create();

    /** The document as JSON text, for filters that answer before JAX-RS is reached. */
    public static String json(int status, String detail, List<FieldError> errors) {
        return JSONB.toJson(new Problem("about:blank", title(status), status, detail, errors.isEmpty() ? null : errors));
    }

    private static String title(int status) {
        if (status == 422) {
            return "Unprocessable Content";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }
}

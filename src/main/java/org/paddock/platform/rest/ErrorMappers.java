package org.paddock.platform.rest;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;
import org.paddock.platform.Causes;
import org.paddock.platform.ConflictException;
import org.paddock.platform.DatabaseUnavailable;
import org.paddock.platform.FieldError;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.security.CurrentUser;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into a problem document with the right status; nothing internal leaks out. */
@Provider
public class ErrorMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        if (DatabaseUnavailable.isCause(thrown)) {
            return Response.fromResponse(Problem.response(503, DatabaseUnavailable.MESSAGE))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        Throwable e = unwrap(thrown);
        Optional<BodyLimitFilter.BodyRefused> refused = Causes.find(thrown, BodyLimitFilter.BodyRefused.class);
        if (refused.isPresent()) {
            return Problem.response(refused.get().getResponse().getStatus(), refused.get().getMessage());
        }
        Optional<InvalidInputException> invalid = Causes.find(thrown, InvalidInputException.class);
        if (invalid.isPresent()) {
            return Problem.response(422, invalid.get().getMessage(), invalid.get().errors());
        }
        // JPA's own exception, or Hibernate's when the stale write is only found at commit
        if (Causes.any(thrown, t -> t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException)) {
            return Problem.response(409, "the update was changed by someone else meanwhile; load it again");
        }
        if (e instanceof ConflictException) {
            return Problem.response(409, e.getMessage());
        }
        if (e instanceof org.paddock.platform.NotFoundException || e instanceof NotFoundException) {
            return Problem.response(404, e.getMessage());
        }
        if (e instanceof ForbiddenException) {
            return Problem.response(403, e.getMessage());
        }
        if (e instanceof CurrentUser.NotSignedInException) {
            return Response.fromResponse(Problem.response(401, e.getMessage()))
                    .header("WWW-Authenticate", "Bearer realm=\"paddock\"").build();
        }
        if (e instanceof ParamException.PathParamException param) {
            return Problem.response(404, "there is no " + param.getParameterName() + " '" + paramValue(param) + "'");
        }
        if (e instanceof ParamException param) {
            return Problem.response(422, "a parameter could not be read", List.of(new FieldError(param.getParameterName(),
                    "'" + paramValue(param) + "' is not " + expected(param))));
        }
        if (e instanceof JsonBodies.MalformedJsonException) {
            return Problem.response(400, "the body is not valid JSON: " + e.getMessage());
        }
        if (e instanceof JsonbException || e instanceof ProcessingException || e instanceof jakarta.json.JsonException) {
            return Problem.response(400, "the body is not valid JSON for this request: "
                    + firstLine(e.getMessage()));
        }
        if (e instanceof WebApplicationException web) {
            Response r = web.getResponse();
            return Problem.response(r.getStatus(), e.getMessage());
        }
        LOG.log(Level.SEVERE, "Unexpected failure answering a REST request", thrown);
        return Problem.response(500,
                "Paddock failed to answer this request; the server log has the details");
    }

    private static String paramValue(ParamException param) {
        Throwable c = param.getCause();
        String m = c == null || c.getMessage() == null ? "" : c.getMessage();
        int q = m.indexOf('"');
        return q >= 0 && m.indexOf('"', q + 1) > q ? m.substring(q + 1, m.indexOf('"', q + 1)) : "the value given";
    }

    private static String expected(ParamException param) {
        return param.getCause() instanceof NumberFormatException ? "a whole number in range" : "readable here";
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof EJBException || e instanceof jakarta.transaction.RollbackException
                || e.getClass().getName().endsWith("TransactionalException")) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}

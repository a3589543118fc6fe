package org.paddock.push;

import org.paddock.platform.security.Permissions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Times;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.security.CurrentUser;
import org.paddock.platform.security.User;

import java.time.Clock;
import java.time.Instant;

import java.util.List;

/**
 * Pushes: {@code GET /api/v1/pushes} (newest first, {@code release}, {@code limit}), {@code GET /api/v1/pushes/{id}}
 * with the updates it moved, and {@code POST /api/v1/pushes} for admins to push what is due now rather than at
 * the next tick.
 */
@Path("v1/pushes")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class PushesResource {

    @Inject
    PushLog log;

    @Inject
    Pusher pusher;

    @Inject
    CurrentUser caller;

    @Inject
    Clock clock;

    @Inject
    TestSeam seam;

    public record PushDetail(PushLog.PushView push, List<PushLog.ItemView> updates) {
    }

    @GET
    public List<PushLog.PushView> list(@QueryParam("release") String release,
                                       @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500, not " + limit);
        }
        return log.recent(limit, release == null || release.isBlank() ? null : release.strip());
    }

    @GET
    @Path("{id}")
    public PushDetail get(@PathParam("id") long id) {
        return new PushDetail(log.find(id).orElseThrow(() -> new NotFoundException("there is no push " + id)),
                log.items(id));
    }

    @POST
    public Pusher.Run run(@QueryParam("at") String at, @QueryParam("failAfter") @DefaultValue("0") int failAfter) {
        User by = caller.requireApiCaller();
        Permissions.requirePush(by);
        return pusher.run(seam.at("at", at, clock.instant()), by.getUsername(), seam.fault("failAfter", failAfter));
    }
}

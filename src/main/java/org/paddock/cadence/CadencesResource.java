package org.paddock.cadence;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Times;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.security.CurrentUser;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Cadences and freezes over REST: {@code /api/v1/cadences/{release}} (the release's default) and
 * {@code /api/v1/cadences/{release}/{name:stream}} (a module stream's own; DELETE returns it to the release's),
 * {@code /api/v1/cadences/{release}/freezes}. Reading needs nothing; changing needs a policy editor's token.
 */
@Path("v1/cadences")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class CadencesResource {

    @Inject
    Cadences cadences;

    @Inject
    Freezes freezes;

    @Inject
    CurrentUser caller;

    @Inject
    Clock clock;

    public record CadenceView(String release, String module, String source, String mode, List<String> windows,
                              Map<String, Integer> minDays, String fastTrack, Instant nextWindow) {
    }

    public record FreezeBody(String start, String end, String reason) {
    }

    @GET
    @Path("{release}")
    public CadenceView release(@PathParam("release") String release) {
        Release r = cadences.release(release);
        return view(r, null, cadences.forRelease(r.getId()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{release}")
    public CadenceView setRelease(@PathParam("release") String release, CadenceForm form) {
        requireBody(form);
        Release r = cadences.release(release);
        return view(r, null, cadences.saveForRelease(r, form, caller.requireApiCaller()));
    }

    @GET
    @Path("{release}/{module}")
    public CadenceView stream(@PathParam("release") String release, @PathParam("module") String module) {
        ModuleStream s = stream(cadences.release(release), module);
        return view(s.getRelease(), s.getNameStream(), cadences.forStream(s.getId()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{release}/{module}")
    public CadenceView setStream(@PathParam("release") String release, @PathParam("module") String module,
                                 CadenceForm form) {
        requireBody(form);
        ModuleStream s = stream(cadences.release(release), module);
        return view(s.getRelease(), s.getNameStream(), cadences.saveForStream(s, form, caller.requireApiCaller()));
    }

    @DELETE
    @Path("{release}/{module}")
    public CadenceView followRelease(@PathParam("release") String release, @PathParam("module") String module) {
        ModuleStream s = stream(cadences.release(release), module);
        return view(s.getRelease(), s.getNameStream(), cadences.saveForStream(s, null, caller.requireApiCaller()));
    }

    @GET
    @Path("{release}/freezes")
    public List<Freezes.FreezeView> freezes(@PathParam("release") String release) {
        return freezes.of(cadences.release(release).getId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{release}/freezes")
    public Response freeze(@PathParam("release") String release, FreezeBody body) {
        if (body == null) {
            throw new InvalidInputException("body", "send {\"start\": \"…\", \"end\": \"…\", \"reason\": \"…\"}");
        }
        Release r = cadences.release(release);
        return Response.status(Response.Status.CREATED).entity(freezes.add(r, Times.parseOptional("start", body.start()),
                Times.parseOptional("end", body.end()), body.reason(), caller.requireApiCaller())).build();
    }

    /** Ends a freeze now (one not yet begun is dropped). */
    @DELETE
    @Path("{release}/freezes/{id}")
    public Response endFreeze(@PathParam("release") String release, @PathParam("id") long id) {
        freezes.end(cadences.release(release), id, caller.requireApiCaller());
        return Response.noContent().build();
    }

    /** Back to Paddock's default cadence for the release. */
    @DELETE
    @Path("{release}")
    public CadenceView releaseDefault(@PathParam("release") String release) {
        Release r = cadences.release(release);
        return view(r, null, cadences.saveForRelease(r, null, caller.requireApiCaller()));
    }

    private CadenceView view(Release r, String module, Cadences.Effective e) {
        Cadence c = e.cadence();
        return new CadenceView(r.getName(), module, e.source(), c.mode().name().toLowerCase(java.util.Locale.ROOT),
                c.windows().stream().map(Window::text).toList(), c.minDaysByWord(),
                c.fastTrackSeverity() == null ? null : c.fastTrackSeverity().word(),
                c.nextWindowStart(clock.instant()).orElse(null));
    }

    private static ModuleStream stream(Release r, String module) {
        return r.getModuleStreams().stream().filter(s -> s.getNameStream().equals(module)).findFirst()
                .orElseThrow(() -> new NotFoundException("there is no module stream '" + module + "' in " + r.getName()));
    }

    private static void requireBody(CadenceForm form) {
        if (form == null) {
            throw new InvalidInputException("body", "send {\"mode\": \"windows\", \"windows\": [\"0 14 * * TUE Europe/Prague 2h\"],"
                    + " \"minDays\": {\"moderate\": 3}, \"fastTrack\": \"important\"}");
        }
    }

}

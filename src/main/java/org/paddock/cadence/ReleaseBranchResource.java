package org.paddock.cadence;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.paddock.platform.security.CurrentUser;
import org.paddock.release.Release;
import org.paddock.release.Releases;
import org.paddock.release.ReleasesResource;

import java.net.URI;

/**
 * {@code POST /api/v1/releases/{name}/branch} (admins): a new release from an existing one in one step — its module
 * streams with their owners and summaries, its own default cadence and every stream's own cadence. The body names
 * the new release as {@code POST /api/v1/releases} does (name, longName, state, aliasPrefix; the prefix defaults to
 * the old release's).
 */
@Path("v1/releases/{name}/branch")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ReleaseBranchResource {

    @Inject
    ReleaseBranching branching;

    @Inject
    CurrentUser caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response branch(@PathParam("name") String name, Releases.Form form) {
        Release to = branching.branch(name, form, caller.requireApiCaller());
        return Response.created(URI.create("v1/releases/" + to.getName())).entity(ReleasesResource.ReleaseView.of(to))
                .build();
    }
}

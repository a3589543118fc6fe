package org.paddock.release;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.paddock.platform.AdminChanges;
import org.paddock.platform.security.CurrentUser;

import java.net.URI;
import java.util.List;

/**
 * {@code /api/v1/releases}: every release with its module streams; admins create one ({@code POST}: name, longName,
 * state, aliasPrefix) and change one ({@code PATCH /{name}}: longName, state, aliasPrefix); {@code GET /{name}}
 * adds who changed what and when. Branching is {@code POST /{name}/branch} (the cadence feature copies cadences).
 */
@Path("v1/releases")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ReleasesResource {

    @Inject
    ReleaseRepository releases;

    @Inject
    Releases service;

    @Inject
    AdminChanges changes;

    @Inject
    CurrentUser caller;

    public record ReleaseView(String name, String longName, String state, String aliasPrefix, List<String> modules) {
        public static ReleaseView of(Release r) {
            return new ReleaseView(r.getName(), r.getLongName(), r.getState().word(), r.getAliasPrefix(),
                    r.getModuleStreams().stream().map(ModuleStream::getNameStream).toList());
        }
    }

    public record ReleaseDetail(ReleaseView release, List<AdminChanges.Change> changes) {
    }

    @GET
    @Transactional
    public List<ReleaseView> list() {
        return releases.allWithModuleStreams().stream().map(ReleaseView::of).toList();
    }

    @GET
    @Path("{name}")
    @Transactional
    public ReleaseDetail get(@PathParam("name") String name) {
        return new ReleaseDetail(ReleaseView.of(service.byName(name)), changes.of(AdminChanges.Kind.RELEASE, name));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(Releases.Form form) {
        Release r = service.create(form, caller.requireApiCaller());
        return Response.created(URI.create("v1/releases/" + r.getName())).entity(ReleaseView.of(r)).build();
    }

    @PATCH
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ReleaseView edit(@PathParam("name") String name, Releases.Form form) {
        return ReleaseView.of(service.edit(name, form, caller.requireApiCaller()));
    }
}

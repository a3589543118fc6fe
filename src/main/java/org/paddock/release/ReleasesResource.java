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
    ModuleStreams streams;

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

    /** A module stream as admins see it: {@code eol} is the last day it takes updates ({@code null}: none set). */
    public record StreamView(String release, String nameStream, String summary, String ownerGroup, String eol,
                             List<AdminChanges.Change> changes) {
    }

    private StreamView view(ModuleStream s) {
        return new StreamView(s.getRelease().getName(), s.getNameStream(), s.getSummary(),
                s.getOwnerGroup() == null ? null : s.getOwnerGroup().getName(),
                s.getEndOfLife() == null ? null : s.getEndOfLife().toString(),
                changes.of(AdminChanges.Kind.MODULE_STREAM, s.getRelease().getName() + "/" + s.getNameStream()));
    }

    /** Admins make a module stream: {@code name}, {@code stream}, {@code ownerGroup}, {@code summary}, {@code eol}. */
    @POST
    @Path("{name}/streams")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response openStream(@PathParam("name") String name, ModuleStreams.Form form) {
        Release r = service.byName(name);
        ModuleStream s = streams.open(r, form, caller.requireApiCaller());
        return Response.created(URI.create("v1/releases/" + name + "/streams/" + s.getNameStream())).entity(view(s)).build();
    }

    /** Admins change a stream: {@code ownerGroup}, {@code summary}, {@code eol} ("" removes it; today retires it). */
    @PATCH
    @Path("{name}/streams/{stream}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public StreamView editStream(@PathParam("name") String name, @PathParam("stream") String stream,
                                 ModuleStreams.Form form) {
        return view(streams.edit(service.byName(name), stream, form, caller.requireApiCaller()));
    }

    /** Admins retire a stream: its life ends today, and it takes no new update from now on. */
    @POST
    @Path("{name}/streams/{stream}/retire")
    @Transactional
    public StreamView retireStream(@PathParam("name") String name, @PathParam("stream") String stream) {
        return view(streams.retire(service.byName(name), stream, caller.requireApiCaller()));
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

package org.paddock.update;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.security.CurrentUser;

import java.util.List;

/** {@code /api/v1/updates}: list with the page's filters, submit, read, edit, request, comment. */
@Path("v1/updates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class UpdatesResource {

    @Inject
    UpdateService service;

    @Inject
    UpdateRepository updates;

    @Inject
    CurrentUser caller;

    @Context
    UriInfo uri;

    @GET
    @Transactional
    public UpdateDtos.Page<UpdateDtos.UpdateSummary> list(
            @QueryParam("release") String release, @QueryParam("module") String module,
            @QueryParam("status") String status, @QueryParam("request") String request,
            @QueryParam("type") String type, @QueryParam("severity") String severity,
            @QueryParam("cve") String cve, @QueryParam("bug") String bug, @QueryParam("submitter") String submitter,
            @QueryParam("q") String q, @QueryParam("gating") String gating, @QueryParam("sort") @DefaultValue("submitted") String sort,
            @QueryParam("order") @DefaultValue("desc") String order,
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("rows") @DefaultValue("50") int rows) {
        if (page < 1) {
            throw new InvalidInputException("page", "must be 1 or more, not " + page);
        }
        if (rows < 1 || rows > 500) {
            throw new InvalidInputException("rows", "must be between 1 and 500, not " + rows);
        }
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new InvalidInputException("order", "must be asc or desc, not '" + order + "'");
        }
        UpdateQuery query = new UpdateQuery(release, module, status, request, type, severity, cve, bug, submitter,
                q, gating, sort, order.equals("desc")).checked();
        UpdateRepository.Page result = updates.search(query, (page - 1L) * rows, rows);
        return new UpdateDtos.Page<>(result.total(), page, rows,
                result.rows().stream().map(UpdateDtos.UpdateSummary::of).toList());
    }

    @POST
    public Response submit(UpdateDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", "send the update as JSON");
        }
        ModuleUpdate created = service.submit(draft, caller.requireApiCaller());
        return Response.created(uri.getBaseUriBuilder().path("v1/updates").path(created.getAlias()).build())
                .entity(detail(created.getAlias())).build();
    }

    @GET
    @Path("{alias}")
    public UpdateDtos.UpdateDetail get(@PathParam("alias") String alias) {
        return detail(alias);
    }

    @PATCH
    @Path("{alias}")
    public UpdateDtos.UpdateDetail edit(@PathParam("alias") String alias, UpdateDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", "send the changes as JSON");
        }
        service.edit(alias, merged(alias, draft), caller.requireApiCaller());
        return detail(alias);
    }

    /** Body {@code {"reason": "…"}}: the update stays where it is until the hold is lifted. */
    @POST
    @Path("{alias}/hold")
    public UpdateDtos.UpdateDetail hold(@PathParam("alias") String alias, UpdateDtos.ReasonBody body) {
        service.hold(alias, true, body == null ? null : body.reason(), caller.requireApiCaller());
        return detail(alias);
    }

    @DELETE
    @Path("{alias}/hold")
    @Consumes(MediaType.WILDCARD)
    public UpdateDtos.UpdateDetail releaseHold(@PathParam("alias") String alias) {
        service.hold(alias, false, null, caller.requireApiCaller());
        return detail(alias);
    }

    /** Body {@code {"reason": "…"}}: policy editors let an update in testing go stable outside its windows. */
    @POST
    @Path("{alias}/window-override")
    public UpdateDtos.UpdateDetail overrideWindow(@PathParam("alias") String alias, UpdateDtos.ReasonBody body) {
        service.overrideWindow(alias, body == null ? null : body.reason(), caller.requireApiCaller());
        return detail(alias);
    }

    @POST
    @Path("{alias}/request")
    public UpdateDtos.UpdateDetail request(@PathParam("alias") String alias, UpdateDtos.RequestBody body) {
        if (body == null || body.request() == null) {
            throw new InvalidInputException("request", "is required: testing, stable, unpush, revoke or none");
        }
        service.request(alias, body.request(), body.reason(), caller.requireApiCaller());
        return detail(alias);
    }

    @GET
    @Path("{alias}/comments")
    @Transactional
    public List<UpdateDtos.CommentView> comments(@PathParam("alias") String alias) {
        return updates.byAlias(alias).getComments().stream().map(UpdateDtos.CommentView::of).toList();
    }

    @POST
    @Path("{alias}/comments")
    public Response comment(@PathParam("alias") String alias, UpdateDtos.CommentBody body) {
        if (body == null) {
            throw new InvalidInputException("body", "send the comment as JSON: {\"text\": \"...\", \"karma\": 1}");
        }
        Comment c = service.comment(alias, body.text(), body.karma() == null ? 0 : body.karma(),
                caller.requireApiCaller());
        return Response.status(Response.Status.CREATED).entity(UpdateDtos.CommentView.of(c)).build();
    }

    @Transactional
    UpdateDtos.UpdateDetail detail(String alias) {
        return UpdateDtos.UpdateDetail.of(updates.byAlias(alias), uri.getBaseUri().resolve("/").toString());
    }

    /** PATCH: what the body leaves out stays as it is. */
    @Transactional
    UpdateDraft merged(String alias, UpdateDraft d) {
        ModuleUpdate u = updates.byAlias(alias);
        List<UpdateDraft.ReferenceDraft> refs = d.references() != null ? d.references()
                : u.getReferences().stream().map(r -> new UpdateDraft.ReferenceDraft(r.getKind().word(), r.getRefId(),
                r.getTitle(), r.getFixedIn().stream().map(a -> a.getPurl()).toList())).toList();
        return new UpdateDraft(u.getRelease().getName(), d.builds(), d.newBuilds(), d.modulemd(),
                d.type() != null ? d.type() : u.getType().word(),
                d.severity() != null ? d.severity() : u.getSeverity().word(),
                d.title() != null ? d.title() : u.getTitle(),
                d.notes() != null ? d.notes() : u.getNotes(),
                d.suggestion() != null ? d.suggestion() : u.getSuggestion().word(), refs, d.ownerGroup());
    }
}

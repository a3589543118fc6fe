package org.paddock.policy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.paddock.platform.security.CurrentUser;

import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/policies}: the stored policies with their versions; {@code POST} imports Greenwave YAML
 * ({@code --- !Policy} documents) with a {@code reason} and answers at once with each policy's version and the
 * recompute of every active update's decision it started; {@code GET /recompute} (the newest) and
 * {@code GET /recompute/{id}} say how far one is; {@code GET /export} gives the policies back as Greenwave YAML.
 */
@Path("v1/policies")
@RequestScoped
@Transactional
public class PoliciesResource {

    @Inject
    PolicyService policies;

    @Inject
    CurrentUser caller;

    @Inject
    DecisionRecomputes recomputes;

    public record VersionView(int version, String author, Instant saved, String reason, String yaml) {
    }

    public record PolicyView(String id, int version, boolean retired, String yaml, List<VersionView> versions) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PolicyView> list() {
        return policies.stored().stream().map(p -> new PolicyView(p.getId(), p.getCurrentVersion(), p.isRetired(),
                p.current().getYaml(), p.getVersions().stream().map(v -> new VersionView(v.getVersion(),
                        v.getAuthor().getUsername(), v.getCreatedAt(), v.getReason(), v.getYaml())).toList())).toList();
    }

    @GET
    @Path("recompute")
    @Produces(MediaType.APPLICATION_JSON)
    public DecisionRecomputes.Progress latestRecompute() {
        return recomputes.latest().orElseThrow(() -> new org.paddock.platform.NotFoundException(
                "no policy has changed yet, so no decision was recomputed"));
    }

    @GET
    @Path("recompute/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public DecisionRecomputes.Progress recompute(@jakarta.ws.rs.PathParam("id") long id) {
        return recomputes.find(id).orElseThrow(() -> new org.paddock.platform.NotFoundException(
                "there is no recompute " + id));
    }

    @GET
    @Path("export")
    @Produces({"application/yaml", MediaType.TEXT_PLAIN})
    public String export() {
        return policies.exportYaml();
    }

    /** Retires a policy ({@code ?reason=} required): it stops applying; its versions stay readable. */
    @jakarta.ws.rs.DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public PolicyService.Saved retire(@jakarta.ws.rs.PathParam("id") String id, @QueryParam("reason") String reason) {
        return policies.retire(id, reason, caller.requireApiCaller());
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importYaml(String yaml, @QueryParam("reason") String reason) {
        return Response.status(Response.Status.CREATED)
                .entity(policies.importYaml(yaml, reason, caller.requireApiCaller())).build();
    }
}

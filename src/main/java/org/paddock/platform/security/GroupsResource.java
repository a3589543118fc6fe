package org.paddock.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.paddock.platform.AdminChanges;
import org.paddock.platform.InvalidInputException;

import java.util.List;

/**
 * Groups of maintainers, admins only: {@code GET/POST /api/v1/groups} {@code {name, description}},
 * {@code GET /api/v1/groups/{name}} (members, and the module streams it owns as {@code release/name:stream}),
 * {@code PATCH} {@code {description}}, {@code PUT/DELETE /api/v1/groups/{name}/members/{username}},
 * {@code GET /api/v1/groups/{name}/changes}.
 */
@Path("v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class GroupsResource {

    @Inject
    People people;

    @Inject
    CurrentUser caller;

    public record GroupBody(String name, String description) {
    }

    @GET
    public List<People.GroupView> list() {
        return people.groups(caller.requireApiCaller());
    }

    @POST
    public Response create(GroupBody body) {
        if (body == null) {
            throw new InvalidInputException("body", "send {\"name\": \"httpd-maintainers\", \"description\": \"…\"}");
        }
        var created = people.createGroup(caller.requireApiCaller(), body.name(), body.description());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{name}")
    public People.GroupView get(@PathParam("name") String name) {
        return people.group(caller.requireApiCaller(), name);
    }

    @PATCH
    @Path("{name}")
    public People.GroupView describe(@PathParam("name") String name, GroupBody body) {
        if (body == null || body.description() == null) {
            throw new InvalidInputException("description", "send {\"description\": \"…\"}");
        }
        if (body.name() != null && !body.name().equals(name)) {
            throw new InvalidInputException("name", "a group keeps its name; make a new group instead");
        }
        return people.describeGroup(caller.requireApiCaller(), name, body.description());
    }

    @PUT
    @Path("{name}/members/{username}")
    @Consumes(MediaType.WILDCARD)
    public People.GroupView addMember(@PathParam("name") String name, @PathParam("username") String username) {
        return people.addMember(caller.requireApiCaller(), name, username);
    }

    @DELETE
    @Path("{name}/members/{username}")
    @Consumes(MediaType.WILDCARD)
    public People.GroupView removeMember(@PathParam("name") String name, @PathParam("username") String username) {
        return people.removeMember(caller.requireApiCaller(), name, username);
    }

    @GET
    @Path("{name}/changes")
    public List<AdminChanges.Change> changes(@PathParam("name") String name) {
        return people.changesOfGroup(caller.requireApiCaller(), name);
    }
}

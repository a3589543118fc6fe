package org.paddock.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.paddock.platform.InvalidInputException;

import java.util.List;

/**
 * People, admins only: {@code GET /api/v1/users}, {@code GET /api/v1/users/{username}}, {@code PATCH} with any of
 * {@code roles, groups, displayName, email, active} ({@code active: false} disables the user and their tokens at
 * once), {@code POST /api/v1/users/{username}/password} {@code {password}}, {@code GET /api/v1/users/{username}/changes}.
 */
@Path("v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class UsersResource {

    @Inject
    People people;

    @Inject
    CurrentUser caller;

    public record PasswordBody(String password) {
    }

    @GET
    public List<People.UserView> list() {
        return people.users(caller.requireApiCaller());
    }

    @GET
    @Path("{username}")
    public People.UserView get(@PathParam("username") String username) {
        return people.user(caller.requireApiCaller(), username);
    }

    @PATCH
    @Path("{username}")
    public People.UserView change(@PathParam("username") String username, People.UserChange body) {
        if (body == null) {
            throw new InvalidInputException("body", "send the changes as JSON, e.g. {\"active\": false}");
        }
        return people.change(caller.requireApiCaller(), username, body);
    }

    @POST
    @Path("{username}/password")
    public Response resetPassword(@PathParam("username") String username, PasswordBody body) {
        people.resetPassword(caller.requireApiCaller(), username, body == null ? null : body.password());
        return Response.noContent().build();
    }

    @GET
    @Path("{username}/changes")
    public List<AdminChanges.Change> changes(@PathParam("username") String username) {
        return people.changesOfUser(caller.requireApiCaller(), username);
    }
}

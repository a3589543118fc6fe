package org.paddock.platform.events;

import org.paddock.platform.security.Permissions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.security.CurrentUser;

import java.util.List;

/**
 * Webhook subscriptions, admins only: {@code POST /api/v1/webhooks} {@code {url, events, secret?}} (the secret
 * is answered once), {@code GET /api/v1/webhooks}, {@code GET /api/v1/webhooks/{id}/deliveries},
 * {@code POST /api/v1/webhooks/{id}/active} {@code {"active": false}}.
 */
@Path("v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class WebhooksResource {

    @Inject
    Webhooks webhooks;

    @Inject
    CurrentUser caller;

    public record WebhookBody(String url, List<String> events, String secret) {
    }

    public record ActiveBody(Boolean active) {
    }

    @POST
    public Response create(WebhookBody body) {
        if (body == null) {
            throw new InvalidInputException("body", "send {\"url\": \"https://…\", \"events\": [\"update.stable\"]}");
        }
        var by = caller.requireApiCaller();
        return Response.status(Response.Status.CREATED).entity(webhooks.create(body.url(), body.events(), body.secret(), by))
                .build();
    }

    @GET
    public List<Webhooks.WebhookView> list() {
        Permissions.requireManageWebhooks(caller.requireApiCaller());
        return webhooks.list();
    }

    @GET
    @Path("{id}/deliveries")
    public List<Webhooks.DeliveryView> deliveries(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("100") int limit) {
        Permissions.requireManageWebhooks(caller.requireApiCaller());
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be between 1 and 1000, not " + limit);
        }
        return webhooks.deliveries(id, limit);
    }

    @POST
    @Path("{id}/active")
    public Response active(@PathParam("id") long id, ActiveBody body) {
        if (body == null || body.active() == null) {
            throw new InvalidInputException("active", "is required: true or false");
        }
        webhooks.setActive(id, body.active(), caller.requireApiCaller());
        return Response.noContent().build();
    }
}

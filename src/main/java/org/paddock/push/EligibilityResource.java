package org.paddock.push;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;

/** {@code GET /api/v1/updates/{alias}/eligibility}: where the update goes next, whether now, and if not why and when. */
@Path("v1/updates/{alias}/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class EligibilityResource {

    @Inject
    Moves moves;

    @Inject
    Clock clock;

    public record EligibilityView(String update, String to, boolean eligible, String reason, String why,
                                  Instant earliest) {
    }

    /** Lets {@code ?at=} ask as of another time: for tests with a fixed clock (paddock.push.test.allow-at). */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "paddock.push.test.allow-at", defaultValue = "false")
    boolean allowAt;

    @GET
    public EligibilityView get(@PathParam("alias") String alias, @jakarta.ws.rs.QueryParam("at") String at) {
        Instant when = clock.instant();
        if (at != null && !at.isBlank()) {
            if (!allowAt) {
                throw new org.paddock.platform.InvalidInputException("at", "asking as of another time is for tests only");
            }
            when = org.paddock.platform.Times.parse("at", at);
        }
        Moves.Move m = moves.next(alias, when);
        return new EligibilityView(alias, m.to() == null ? null : m.to().word(), m.now(),
                m.verdict().reason().word(), m.verdict().why(),
                m.verdict().earliest());
    }
}

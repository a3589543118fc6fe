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
    UpdateEligibility eligibility;

    @Inject
    Clock clock;

    /** {@code gate}: the decision context the update is judged at; {@code stream}: whose cadence it follows. */
    public record EligibilityView(String update, String to, boolean eligible, String reason, String why,
                                  Instant earliest, String gate, String stream) {
    }

    @Inject
    TestSeam seam;

    @GET
    public EligibilityView get(@PathParam("alias") String alias, @jakarta.ws.rs.QueryParam("at") String at) {
        UpdateEligibility.Move m = eligibility.next(alias, seam.at("at", at, clock.instant()));
        return new EligibilityView(alias, m.to() == null ? null : m.to().word(), m.now(),
                m.verdict().reason().word(), m.verdict().why(),
                m.verdict().earliest(), m.gate().word(), m.stream());
    }
}

package org.paddock.policy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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
import org.paddock.platform.NotFoundException;
import org.paddock.platform.security.CurrentUser;
import org.paddock.platform.security.User;
import org.paddock.testresult.SubjectType;

import java.time.Instant;
import java.util.List;

/**
 * WaiverDB-compatible waivers: {@code POST /api/v1.0/waivers} with {@code subject_type},
 * {@code subject_identifier}, {@code testcase}, optional {@code scenario}, {@code product_version},
 * {@code waived} and a mandatory {@code comment}; {@code GET /api/v1.0/waivers} lists them newest first.
 * Only policy editors and admins may waive. Nothing is ever deleted: a newer waiver replaces an older one.
 */
@Path("v1.0/waivers")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class WaiversResource {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    CurrentUser caller;

    @Inject
    Waivers waivers;

    public record WaiverBody(String subject_type, String subject_identifier, String testcase, String scenario,
                             String product_version, Boolean waived, String comment) {
    }

    public record WaiverView(long id, String subject_type, String subject_identifier, String testcase,
                             String scenario, String product_version, boolean waived, String comment,
                             String username, Instant timestamp) {
        static WaiverView of(StoredWaiver w) {
            return new WaiverView(w.getId(), w.getSubjectType(), w.getSubjectId(), w.getTestcase(), w.getScenario(),
                    w.getProductVersion(), w.isWaived(), w.getComment(), w.getUser().getUsername(), w.getCreatedAt());
        }
    }

    public record Page(List<WaiverView> data) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response waive(WaiverBody body) {
        User user = caller.requireApiCaller();
        if (body == null) {
            throw new InvalidInputException("body", "send the waiver as JSON");
        }
        StoredWaiver w = waivers.waive(body.subject_type(), body.subject_identifier(), body.testcase(), body.scenario(),
                body.product_version(), body.waived() == null || body.waived(), body.comment(), user);
        return Response.status(Response.Status.CREATED).entity(WaiverView.of(w)).build();
    }

    @GET
    public Page list(@QueryParam("subject_type") String subjectType,
                     @QueryParam("subject_identifier") String subjectIdentifier,
                     @QueryParam("testcase") String testcase,
                     @QueryParam("product_version") String productVersion,
                     @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be from 1 to 1000, not " + limit);
        }
        StringBuilder jpql = new StringBuilder("select w from StoredWaiver w where 1 = 1");
        if (subjectType != null) {
            jpql.append(" and w.subjectType = :type");
        }
        if (subjectIdentifier != null) {
            jpql.append(" and w.subjectId = :subject");
        }
        if (testcase != null) {
            jpql.append(" and w.testcase = :testcase");
        }
        if (productVersion != null) {
            jpql.append(" and w.productVersion = :pv");
        }
        var q = em.createQuery(jpql + " order by w.createdAt desc, w.id desc", StoredWaiver.class);
        if (subjectType != null) {
            try {
                q.setParameter("type", SubjectType.parse(subjectType).word());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("subject_type", e.getMessage());
            }
        }
        if (subjectIdentifier != null) {
            q.setParameter("subject", subjectIdentifier);
        }
        if (testcase != null) {
            q.setParameter("testcase", testcase);
        }
        if (productVersion != null) {
            q.setParameter("pv", productVersion);
        }
        return new Page(q.setMaxResults(limit).getResultList().stream().map(WaiverView::of).toList());
    }

    @GET
    @Path("{id}")
    public WaiverView one(@PathParam("id") long id) {
        StoredWaiver w = em.find(StoredWaiver.class, id);
        if (w == null) {
            throw new NotFoundException("there is no waiver " + id);
        }
        return WaiverView.of(w);
    }
}

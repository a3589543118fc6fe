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
import org.paddock.platform.FieldError;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.security.CurrentUser;
import org.paddock.platform.security.Role;
import org.paddock.platform.security.User;
import org.paddock.release.ReleaseRepository;
import org.paddock.testresult.SubjectType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
    ReleaseRepository releases;

    @Inject
    Clock clock;

    public record WaiverBody(String subject_type, String subject_identifier, String testcase, String scenario,
                             String product_version, Boolean waived, String comment) {
    }

    public record WaiverView(long id, String subject_type, String subject_identifier, String testcase,
                             String scenario, String product_version, boolean waived, String comment,
                             String username, Instant timestamp) {
        static WaiverView of(WaiverRecord w) {
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
        if (!user.has(Role.POLICY_EDITOR) && !user.isAdmin()) {
            throw new ForbiddenException(user.getUsername() + " may not waive: only policy editors and admins may");
        }
        WaiverRecord w = create(body, user, clock.instant());
        em.persist(w);
        return Response.status(Response.Status.CREATED).entity(WaiverView.of(w)).build();
    }

    /** Checks a waiver as submitted, naming every problem; the caller persists it. */
    WaiverRecord create(WaiverBody b, User user, Instant now) {
        if (b == null) {
            throw new InvalidInputException("body", "send the waiver as JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        SubjectType type = null;
        String subject = null;
        try {
            type = SubjectType.parse(b.subject_type());
            subject = type.checkIdentifier(b.subject_identifier());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(type == null ? "subject_type" : "subject_identifier", e.getMessage()));
        }
        if (b.testcase() == null || !b.testcase().strip().matches("[A-Za-z0-9][A-Za-z0-9._:/+-]{0,254}")) {
            errors.add(new FieldError("testcase", "is required: the testcase name the waiver excuses"));
        }
        if (b.product_version() == null || releases.findByName(b.product_version().strip()).isEmpty()) {
            errors.add(new FieldError("product_version", "must name a release such as F45"
                    + (b.product_version() == null ? "" : ", not '" + b.product_version() + "'")));
        }
        if (b.comment() == null || b.comment().isBlank()) {
            errors.add(new FieldError("comment", "is required: say why the failure is acceptable"));
        } else if (b.comment().length() > 2000) {
            errors.add(new FieldError("comment", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new WaiverRecord(type, subject, b.testcase().strip(), blankToNull(b.scenario()),
                b.product_version().strip(), b.waived() == null || b.waived(), b.comment().strip(), em.merge(user), now);
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
        var q = em.createQuery(jpql + " order by w.createdAt desc, w.id desc", WaiverRecord.class);
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
        WaiverRecord w = em.find(WaiverRecord.class, id);
        if (w == null) {
            throw new NotFoundException("there is no waiver " + id);
        }
        return WaiverView.of(w);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

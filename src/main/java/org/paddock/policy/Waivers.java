package org.paddock.policy;

import org.paddock.platform.security.Permissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.FieldError;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.security.User;
import org.paddock.release.ReleaseRepository;
import org.paddock.testresult.SubjectType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Waiving, from the API and from the update page: policy editors and admins, with a reason, never deleted. */
@ApplicationScoped
public class Waivers {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    ReleaseRepository releases;

    @Inject
    Clock clock;

    @Inject
    UpdateDecisions decisions;

    @Transactional
    public StoredWaiver waive(String subjectType, String subjectIdentifier, String testcase, String scenario,
                              String productVersion, boolean waived, String comment, User by) {
        Permissions.requireWaive(by);
        List<FieldError> errors = new ArrayList<>();
        SubjectType type = null;
        String subject = null;
        try {
            type = SubjectType.parse(subjectType);
            subject = type.checkIdentifier(subjectIdentifier);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(type == null ? "subject_type" : "subject_identifier", e.getMessage()));
        }
        if (testcase == null || !testcase.strip().matches("[A-Za-z0-9][A-Za-z0-9._:/+-]{0,254}")) {
            errors.add(new FieldError("testcase", "is required: the testcase name the waiver excuses"));
        }
        if (productVersion == null || releases.findByName(productVersion.strip()).isEmpty()) {
            errors.add(new FieldError("product_version", "must name a release such as F45"
                    + (productVersion == null ? "" : ", not '" + productVersion + "'")));
        }
        if (comment == null || comment.isBlank()) {
            errors.add(new FieldError("comment", "is required: say why the failure is acceptable"));
        } else if (comment.length() > 2000) {
            errors.add(new FieldError("comment", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StoredWaiver w = new StoredWaiver(type, subject, testcase.strip(),
                scenario == null || scenario.isBlank() ? null : scenario.strip(), productVersion.strip(), waived,
                comment.strip(), em.merge(by), clock.instant());
        em.persist(w);
        em.flush();
        decisions.recomputeAbout(type.word(), subject, waived ? "waiver" : "waiver revoked");
        return w;
    }
}

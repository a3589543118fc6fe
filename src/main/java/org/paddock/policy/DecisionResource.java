package org.paddock.policy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.paddock.platform.Times;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.testresult.ResultInput;
import org.paddock.testresult.SubjectType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Greenwave-compatible decisions: {@code POST /api/v1.0/decision} with {@code decision_context},
 * {@code product_version} (a release), and {@code subject_type} + {@code subject_identifier} or a
 * {@code subject} list of {@code {type, item}}; {@code verbose} adds the results and waivers used,
 * {@code when} decides as of a past time. Answers Greenwave's shape, plus Paddock's status word
 * (passed, failed, waiting, ignored) and a one-line reason on every requirement.
 */
@Path("v1.0/decision")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class DecisionResource {

    @Inject
    Gating gating;

    @Inject
    Clock clock;

    public record SubjectRef(String type, String item) {
    }

    public record DecisionRequest(String decision_context, String product_version, String subject_type,
                                  String subject_identifier, List<SubjectRef> subject, Boolean verbose, String when) {
    }

    public record RequirementView(String type, String testcase, String scenario, String subject_type,
                                  String subject_identifier, Long result_id, Long waiver_id, Map<String, String> item,
                                  String summary, Integer required_karma, Integer actual_karma) {
        static RequirementView of(Requirement r) {
            return new RequirementView(r.type(), r.testcase(), r.scenario(), r.subjectType(), r.subjectIdentifier(),
                    r.resultId(), r.waiverId(), Map.of("type", r.subjectType(), "item", r.subjectIdentifier()),
                    r.summary(), r.requiredKarma(), r.actualKarma());
        }
    }

    public record ResultView(long id, String testcase, String outcome, String scenario, String ref_url,
                             Instant submit_time) {
    }

    public record WaiverView(long id, String subject_type, String subject_identifier, String testcase,
                             String scenario, boolean waived, String comment, String username, Instant timestamp) {
    }

    public record DecisionView(boolean policies_satisfied, String summary, String status,
                               List<String> applicable_policies, List<RequirementView> satisfied_requirements,
                               List<RequirementView> unsatisfied_requirements, List<ResultView> results,
                               List<WaiverView> waivers) {
    }

    @POST
    public DecisionView decide(DecisionRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "send the decision request as JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.decision_context() == null || request.decision_context().isBlank()) {
            errors.add(new FieldError("decision_context", "is required, e.g. push_stable"));
        }
        if (request.product_version() == null || request.product_version().isBlank()) {
            errors.add(new FieldError("product_version", "is required: the release, e.g. F45"));
        }
        List<SubjectRef> subjects = new ArrayList<>();
        if (request.subject() != null && !request.subject().isEmpty()) {
            subjects.addAll(request.subject());
        } else if (request.subject_type() != null || request.subject_identifier() != null) {
            subjects.add(new SubjectRef(request.subject_type(), request.subject_identifier()));
        } else {
            errors.add(new FieldError("subject", "give subject_type and subject_identifier, or a subject list"));
        }
        List<Subject> checked = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            SubjectRef s = subjects.get(i);
            try {
                SubjectType type = SubjectType.parse(s == null ? null : s.type());
                String item = type.checkIdentifier(s.item());
                checked.addAll(gating.subjects(type, item));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(request.subject() != null ? "subject[" + i + "]" : "subject_type", e.getMessage()));
            }
        }
        Instant now = clock.instant();
        if (request.when() != null && !request.when().isBlank()) {
            try {
                now = Times.parse("when", request.when());
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Decision> decisions = new ArrayList<>();
        List<ResultView> usedResults = new ArrayList<>();
        List<WaiverView> usedWaivers = new ArrayList<>();
        for (Subject subject : checked) {
            Gating.Answer a = gating.decide(subject, request.decision_context().strip(), request.product_version().strip(), now);
            decisions.add(a.decision());
            a.results().forEach(r -> usedResults.add(new ResultView(r.id(), r.testcase(), r.outcome(), r.scenario(),
                    r.refUrl(), r.submittedAt())));
            a.waivers().forEach(w -> usedWaivers.add(new WaiverView(w.id(), w.subjectType(), w.subjectIdentifier(),
                    w.testcase(), w.scenario(), w.waived(), w.comment(), w.username(), w.timestamp())));
        }
        Decision combined = Decision.combine(decisions);
        if (combined.applicablePolicies().isEmpty()) {
            throw new NotFoundException(combined.summary());
        }
        List<RequirementView> ok = combined.satisfied().stream().map(RequirementView::of).toList();
        List<RequirementView> notOk = combined.unsatisfied().stream().map(RequirementView::of).toList();
        boolean verbose = Boolean.TRUE.equals(request.verbose());
        return new DecisionView(combined.policiesSatisfied(), combined.summary(), combined.status(),
                combined.applicablePolicies(), ok, notOk,
                verbose ? usedResults : null, verbose ? usedWaivers : null);
    }
}

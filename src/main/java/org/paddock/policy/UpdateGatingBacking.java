package org.paddock.policy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Pages;
import org.paddock.platform.security.CurrentUser;
import org.paddock.update.UpdateBacking;
import org.paddock.testresult.SubjectType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The gating parts of the update page: the header's status in a few words and the Tests tab — the decision at
 * each gating point with every requirement, its result and log, and a Waive form for policy editors.
 */
@Named("updateGating")
@RequestScoped
public class UpdateGatingBacking {

    @Inject
    Gating gating;

    @Inject
    Waivers waivers;

    @Inject
    StoredDecisions decisions;

    @Inject
    CurrentUser currentUser;

    @Inject
    Pages pages;

    /** The update page's own bean: it reads which update the page is about, for the parts this bean adds. */
    @Inject
    UpdateBacking updatePage;

    @Inject
    Clock clock;

    /** One requirement as the Tests tab shows it. */
    /** A requirement as the Tests tab shows it; {@code subjectType}/{@code subject} say what it is about (the update, one of its builds). */
    public record Row(String type, String testcase, String scenario, String outcome, Instant time,
                      String logUrl, String why, boolean waivable, String subjectType, String subject) {

        /** The subject in words when it is not the update itself: {@code module_build nginx:1.24:…}. */
        public String about() {
            return SubjectType.PADDOCK_UPDATE.word().equals(subjectType) ? null : subjectType + " " + subject;
        }
    }

    /** The decision at one gating point, with its requirements and, in a few words, what it means. */
    public record GatingView(String context, String status, String summary, List<Row> rows, String headline,
                             String logUrl, Instant since) {
    }

    private String alias;
    private Gating.UpdateFacts facts;
    private List<GatingView> views = List.of();
    private String waiveComment;

    @jakarta.annotation.PostConstruct
    void init() {
        alias = updatePage.getAlias();
        load();
    }

    private void load() {
        facts = alias == null ? null : gating.updateFacts(alias).orElse(null);
        views = facts == null ? List.of() : views();
    }

    private List<GatingView> views() {
        var under = gating.currentPolicies();
        var in = gating.updateInputs(alias, under, clock.instant());
        var stored = decisions.of(alias);
        List<GatingView> list = new ArrayList<>();
        for (DecisionContext context : DecisionContext.values()) {
            var answer = gating.decide(in, context, facts.release(), under);
            var d = answer.decision();
            List<Row> rows = new ArrayList<>();
            Stream.concat(d.unsatisfied().stream(), d.satisfied().stream()).forEach(r -> {
                var result = answer.results().stream().filter(t -> r.resultId() != null && t.id() == r.resultId())
                        .findFirst();
                rows.add(new Row(r.type(), r.testcase(), r.scenario(), result.map(GatingResult::outcome).orElse(null),
                        result.map(GatingResult::submittedAt).orElse(null), result.map(GatingResult::refUrl).orElse(null),
                        r.summary(), d.unsatisfied().contains(r) && r.aboutTest(), r.subjectType(), r.subjectIdentifier()));
            });
            var blocking = d.unsatisfied().stream().filter(Requirement::aboutTest).toList();
            String headline = switch (d.status()) {
                case Decision.PASSED -> d.satisfied().stream().anyMatch(Requirement::waived) ? "passed (waived)" : "passed";
                case Decision.IGNORED -> "ignored: no policy applies";
                default -> d.status() + ": " + (blocking.isEmpty()
                        ? d.unsatisfied().stream().map(Requirement::summary).collect(Collectors.joining(", "))
                        : blocking.stream().map(r -> r.scenario() == null ? r.testcase() : r.testcase() + " [" + r.scenario() + "]")
                        .distinct().collect(Collectors.joining(", ")));
            };
            String log = blocking.stream().map(r -> rows.stream().filter(x -> Objects.equals(x.testcase(), r.testcase())
                            && x.logUrl() != null).map(Row::logUrl).findFirst().orElse(null))
                    .filter(Objects::nonNull).findFirst().orElse(null);
            Instant since = stored.stream().filter(s -> s.context() == context)
                    .map(StoredDecision::changedAt).findFirst().orElse(null);
            list.add(new GatingView(context.word(), d.status(), d.summary(), rows, headline, log, since));
        }
        return list;
    }

    /** The decision at the gate the update stands before: {@link DecisionContext#nextGate}. */
    public GatingView getHeadline() {
        if (facts == null) {
            return null;
        }
        String gate = facts.nextGate().word();
        return views.stream().filter(g -> g.context().equals(gate)).findFirst().orElse(null);
    }

    /** Waives one unsatisfied requirement: about the update itself or one of its builds, as the row says. */
    public void waive(String subjectType, String subject, String testcase, String scenario) {
        pages.run(() -> {
            waivers.waive(subjectType, subject, testcase, scenario, facts.release(), true, waiveComment,
                    currentUser.require());
            return "/update.xhtml?alias=" + alias;
        }, Pages.Errors.namingFieldsAt(null));
    }

    public List<GatingView> getViews() {
        return views;
    }

    public boolean isMayWaive() {
        return currentUser.mayWaive();
    }

    public String getWaiveComment() {
        return waiveComment;
    }

    public void setWaiveComment(String waiveComment) {
        this.waiveComment = waiveComment;
    }
}

package org.paddock.update;

import org.paddock.release.Access;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.ConflictException;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Markdown;
import org.paddock.platform.security.CurrentUser;
import org.paddock.release.Artifact;

import java.io.IOException;
import java.util.List;

/** The update page: header, tabs (summary, builds and packages, references, tests, history, comments), actions. */
@Named("updatePage")
@RequestScoped
public class UpdateBacking {

    @Inject
    UpdateRepository updates;

    @Inject
    UpdateService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    @Inject
    org.paddock.policy.Gating gating;

    @Inject
    org.paddock.policy.Waivers waivers;

    @Inject
    org.paddock.policy.UpdateDecisions decisions;

    @Inject
    java.time.Clock clock;

    static final List<String> CONTEXTS = List.of("push_testing", "push_stable");

    /** One requirement as the Tests tab shows it. */
    public record Row(String type, String testcase, String scenario, String outcome, java.time.Instant time,
                      String logUrl, String why, boolean waivable) {
    }

    /** The decision at one gating point, with its requirements. */
    public record GatingView(String context, String status, String summary, List<Row> rows, String headline,
                             String logUrl, java.time.Instant since) {
    }

    /** The decision at the gate the update stands before, in a few words: "failed: ci.tier0", "passed (waived)". */
    public GatingView getHeadline() {
        String gate = update.getStatus() == UpdateStatus.PENDING ? "push_testing" : "push_stable";
        return gatingViews.stream().filter(g -> g.context().equals(gate)).findFirst().orElse(null);
    }

    private List<GatingView> gatingViews = List.of();
    private String waiveComment;
    private boolean mayWaive;

    private String alias;
    private ModuleUpdate update;
    private String notesHtml;
    private boolean mayAct;
    private String commentText;
    private int commentKarma;
    private String reason;

    @jakarta.annotation.PostConstruct
    void init() {
        alias = faces.getExternalContext().getRequestParameterMap().get("alias");
        load();
    }

    /** Answers 404 for an alias that does not exist. */
    public void notFoundIfMissing() throws IOException {
        if (update == null) {
            faces.getExternalContext().responseSendError(404, "there is no update " + alias);
            faces.responseComplete();
        }
    }

    void load() {
        update = alias == null ? null : updates.loadForPage(alias).orElse(null);
        if (update != null) {
            notesHtml = Markdown.toSafeHtml(update.getNotes());
            mayAct = currentUser.get().map(u -> Access.mayActOn(u, update.getModuleStreams())).orElse(false);
            mayWaive = currentUser.has(org.paddock.platform.security.Role.POLICY_EDITOR) || currentUser.isAdmin();
            gatingViews = gatingViews();
        }
    }

    private List<GatingView> gatingViews() {
        var in = gating.inputs(gating.subject(org.paddock.testresult.SubjectType.PADDOCK_UPDATE, alias), clock.instant());
        var under = gating.currentPolicies();
        var stored = decisions.stored(alias);
        List<GatingView> views = new java.util.ArrayList<>();
        for (String context : CONTEXTS) {
            var answer = gating.decide(in, context, update.getRelease().getName(), under);
            var d = answer.decision();
            List<Row> rows = new java.util.ArrayList<>();
            java.util.stream.Stream.concat(d.unsatisfied().stream(), d.satisfied().stream()).forEach(r -> {
                var result = answer.results().stream().filter(t -> r.resultId() != null && t.id() == r.resultId())
                        .findFirst();
                rows.add(new Row(r.type(), r.testcase(), r.scenario(), result.map(t -> t.outcome()).orElse(null),
                        result.map(t -> t.submittedAt()).orElse(null), result.map(t -> t.refUrl()).orElse(null),
                        r.summary(), !d.unsatisfied().isEmpty() && d.unsatisfied().contains(r) && r.aboutTest()));
            });
            var blocking = d.unsatisfied().stream().filter(r -> r.aboutTest()).toList();
            String headline = switch (d.status()) {
                case org.paddock.policy.Decision.PASSED -> d.satisfied().stream().anyMatch(r -> r.waived())
                        ? "passed (waived)" : "passed";
                case org.paddock.policy.Decision.IGNORED -> "ignored: no policy applies";
                default -> d.status() + (blocking.isEmpty()
                        ? ": " + d.unsatisfied().stream().map(r -> r.summary()).collect(java.util.stream.Collectors.joining(", "))
                        : ": " + blocking.stream().map(r -> r.scenario() == null ? r.testcase() : r.testcase() + " [" + r.scenario() + "]")
                        .distinct().collect(java.util.stream.Collectors.joining(", ")));
            };
            String log = blocking.stream().map(r -> rows.stream().filter(x -> x.testcase() != null
                    && x.testcase().equals(r.testcase()) && x.logUrl() != null).map(Row::logUrl).findFirst().orElse(null))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            java.time.Instant since = stored.stream().filter(s -> s.context().equals(context))
                    .map(org.paddock.policy.UpdateDecisions.Stored::changedAt).findFirst().orElse(null);
            views.add(new GatingView(context, d.status(), d.summary(), rows, headline, log, since));
        }
        return views;
    }

    public void waive(String testcase, String scenario) throws IOException {
        act(() -> waivers.waive("paddock_update", alias, testcase, scenario, update.getRelease().getName(), true,
                waiveComment, currentUser.require()), null);
    }

    public List<GatingView> getGating() {
        return gatingViews;
    }

    public boolean isMayWaive() {
        return mayWaive;
    }

    public String getWaiveComment() {
        return waiveComment;
    }

    public void setWaiveComment(String waiveComment) {
        this.waiveComment = waiveComment;
    }

    public void request(String what) throws IOException {
        act(() -> service.request(alias, what, reason, currentUser.require()), null);
    }

    public void comment() throws IOException {
        act(() -> service.comment(alias, commentText, commentKarma, currentUser.require()), "tabs:comment-form:comment-text");
    }

    private void act(Runnable action, String messageFor) throws IOException {
        try {
            action.run();
            var ext = faces.getExternalContext();
            ext.redirect(ext.getRequestContextPath() + "/update.xhtml?alias=" + alias);
            faces.responseComplete();
        } catch (ConflictException | ForbiddenException | CurrentUser.NotSignedInException e) {
            faces.addMessage(messageFor, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), e.getMessage()));
            load();
        } catch (InvalidInputException e) {
            e.errors().forEach(err -> faces.addMessage(messageFor,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, err.reason(), err.reason())));
            load();
        }
    }

    /** The references a contained package fixes, for the Builds &amp; packages tab. */
    public List<UpdateReference> fixedBy(Artifact a) {
        return update.getReferences().stream().filter(r -> r.getFixedIn().contains(a)).toList();
    }

    public boolean can(String what) {
        if (!mayAct) {
            return false;
        }
        UpdateStatus s = update.getStatus();
        UpdateRequest r = update.getRequest();
        return switch (what) {
            case "testing" -> (s == UpdateStatus.PENDING || s == UpdateStatus.UNPUSHED) && r != UpdateRequest.TESTING;
            // shown while pending too: asking explains why it is refused
            case "stable" -> (s == UpdateStatus.PENDING || s == UpdateStatus.TESTING) && r != UpdateRequest.STABLE;
            case "unpush" -> s == UpdateStatus.TESTING && r != UpdateRequest.UNPUSH;
            case "revoke" -> (s == UpdateStatus.PENDING || s == UpdateStatus.TESTING) && r != UpdateRequest.REVOKE;
            case "none" -> r != UpdateRequest.NONE;
            case "edit" -> s == UpdateStatus.PENDING || s == UpdateStatus.TESTING || s == UpdateStatus.UNPUSHED;
            default -> false;
        };
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public ModuleUpdate getUpdate() {
        return update;
    }

    public String getNotesHtml() {
        return notesHtml;
    }

    public boolean isMayAct() {
        return mayAct;
    }

    public String getCommentText() {
        return commentText;
    }

    public void setCommentText(String commentText) {
        this.commentText = commentText;
    }

    public int getCommentKarma() {
        return commentKarma;
    }

    public void setCommentKarma(int commentKarma) {
        this.commentKarma = commentKarma;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String html(String markdown) {
        return Markdown.toSafeHtml(markdown);
    }
}

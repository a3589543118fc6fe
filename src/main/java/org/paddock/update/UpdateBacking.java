package org.paddock.update;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Markdown;
import org.paddock.platform.Pages;
import org.paddock.platform.security.CurrentUser;
import org.paddock.release.Artifact;

import java.io.IOException;
import java.util.List;

/**
 * The update page: header, tabs (summary, builds and packages, references, history, comments), actions. The
 * gating parts (the Tests tab, waiving) are {@code policy.UpdateGatingBacking}'s, the next move
 * {@code push.UpdateMoveBacking}'s: the page composes them, so this feature depends on neither.
 */
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
    Pages pages;


    private String alias;
    private ModuleUpdate update;
    private String notesHtml;
    private boolean mayAct;
    private boolean mayHold;
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
            mayAct = currentUser.mayMaintain(update.owners());
            mayHold = currentUser.mayHold(update.owners());
        }
    }

    public void request(String what) {
        act(() -> service.request(alias, what, reason, currentUser.require()), null);
    }

    public void comment() {
        act(() -> service.comment(alias, commentText, commentKarma, currentUser.require()), "tabs:comment-form:comment-text");
    }

    private void act(Runnable action, String messageFor) {
        if (!pages.run(() -> {
            action.run();
            return "/update.xhtml?alias=" + alias;
        }, Pages.Errors.at(messageFor))) {
            load();
        }
    }

    /** The references a contained package fixes, for the Builds &amp; packages tab. */
    public List<UpdateReference> fixedBy(Artifact a) {
        return update.getReferences().stream().filter(r -> r.getFixedIn().contains(a)).toList();
    }

    /**
     * Whether to offer a request's button (testing, stable, unpush, revoke, none) or the Edit link: the caller
     * maintains the update and the update itself would take it. Stable is offered while pending too: asking
     * explains why it is refused.
     */
    public boolean can(String what) {
        if (!mayAct) {
            return false;
        }
        if ("edit".equals(what)) {
            return update.editRefusal().isEmpty();
        }
        UpdateRequest asked = UpdateRequest.fromWord(what);
        return update.refusalOf(asked).isEmpty()
                || (asked == UpdateRequest.STABLE && update.getStatus() == UpdateStatus.PENDING);
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

    /** Whether the caller maintains this update (submit, edit, the life-cycle requests): {@code Permissions.mayMaintain}. */
    public boolean isMayAct() {
        return mayAct;
    }

    /** Whether the caller may hold this update or lift its hold: {@code Permissions.mayHold}. */
    public boolean isMayHold() {
        return mayHold;
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

package org.paddock.push;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.ConflictException;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.security.CurrentUser;
import org.paddock.update.UpdateService;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * The update page's "next move": where the update goes next and whether now, else why and when — the same
 * answer the pusher acts on — plus holding it, and a policy editor's window override.
 */
@Named("updateMove")
@RequestScoped
public class UpdateMoveBacking {

    @Inject
    Moves moves;

    @Inject
    UpdateService updates;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    @Inject
    Clock clock;

    private String alias;
    private Moves.Move move;
    private String reason;

    @jakarta.annotation.PostConstruct
    void init() {
        alias = faces.getExternalContext().getRequestParameterMap().get("alias");
        if (alias != null) {
            try {
                move = moves.next(alias, clock.instant());
            } catch (NotFoundException e) {
                move = null;
            }
        }
    }

    public Moves.Move getMove() {
        return move;
    }

    /** A few words for the header: "to stable: waiting for window Tue 14:00 CET". */
    public String getText() {
        if (move == null) {
            return null;
        }
        return move.to() == null ? move.verdict().why() : "to " + move.to().word() + ": " + move.verdict().why();
    }

    /** A CSS class: yes (moves at the next push), no (waits for time) or blocked (gating, hold, archive). */
    public String getTone() {
        if (move == null || move.to() == null) {
            return "no";
        }
        if (move.now()) {
            return "yes";
        }
        return switch (move.verdict().reason()) {
            case BLOCKED, HELD, ARCHIVED -> "blocked";
            default -> "no";
        };
    }

    public Instant getEarliest() {
        return move == null ? null : move.verdict().earliest();
    }

    public boolean isMayOverride() {
        return currentUser.mayOverrideWindow() && move != null
                && move.verdict().reason() == org.paddock.cadence.Verdict.Reason.WAITING_FOR_WINDOW;
    }

    public void hold() throws IOException {
        act(() -> updates.hold(alias, true, reason, currentUser.require()));
    }

    public void releaseHold() throws IOException {
        act(() -> updates.hold(alias, false, null, currentUser.require()));
    }

    public void overrideWindow() throws IOException {
        act(() -> updates.overrideWindow(alias, reason, currentUser.require()));
    }

    private void act(Runnable action) throws IOException {
        try {
            action.run();
            var ext = faces.getExternalContext();
            ext.redirect(ext.getRequestContextPath() + "/update.xhtml?alias=" + alias);
            faces.responseComplete();
        } catch (ConflictException | ForbiddenException | CurrentUser.NotSignedInException e) {
            message(e.getMessage());
        } catch (InvalidInputException e) {
            e.errors().forEach(err -> message(err.field() + ": " + err.reason()));
        }
    }

    private void message(String text) {
        faces.addMessage("move-form:move-reason", new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

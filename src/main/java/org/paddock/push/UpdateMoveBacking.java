package org.paddock.push;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.Pages;
import org.paddock.platform.security.CurrentUser;
import org.paddock.update.UpdateBacking;
import org.paddock.update.UpdateService;

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
    UpdateEligibility eligibility;

    @Inject
    UpdateService updates;

    @Inject
    CurrentUser currentUser;

    @Inject
    Pages pages;

    /** The update page's own bean: it reads which update the page is about, for the parts this bean adds. */
    @Inject
    UpdateBacking updatePage;

    @Inject
    Clock clock;

    private String alias;
    private UpdateEligibility.Move move;
    private String reason;

    @jakarta.annotation.PostConstruct
    void init() {
        alias = updatePage.getAlias();
        if (alias != null) {
            try {
                move = eligibility.next(alias, clock.instant());
            } catch (NotFoundException e) {
                move = null;
            }
        }
    }

    public UpdateEligibility.Move getMove() {
        return move;
    }

    /** A few words for the header: "to stable: waiting for window Tue 14:00 CET". */
    public String getText() {
        if (move == null) {
            return null;
        }
        return move.to() == null ? move.verdict().why() : "to " + move.to().word() + ": " + move.verdict().why();
    }

    /**
     * A CSS class: yes (moves at the next push), no (waits for time), blocked (gating, hold, archive) or done (has
     * nowhere to go: stable, obsolete, revoked, or asking for nothing — nothing to wait for).
     */
    public String getTone() {
        if (move == null || move.to() == null) {
            return "done";
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

    public void hold() {
        act(() -> updates.hold(alias, true, reason, currentUser.require()));
    }

    public void releaseHold() {
        act(() -> updates.hold(alias, false, null, currentUser.require()));
    }

    public void overrideWindow() {
        act(() -> updates.overrideWindow(alias, reason, currentUser.require()));
    }

    private void act(Runnable action) {
        pages.run(() -> {
            action.run();
            return "/update.xhtml?alias=" + alias;
        }, Pages.Errors.namingFieldsAt("move-form:move-reason"));
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

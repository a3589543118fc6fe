package org.paddock.cadence;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Pages;
import org.paddock.platform.Times;
import org.paddock.platform.security.CurrentUser;
import org.paddock.release.Release;
import org.paddock.release.ReleaseRepository;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The freezes section of a release page ({@code ?release=}): the release's freezes, past and coming, and for policy
 * editors a form to add one and a button to end one. Times are UTC, written {@code 2026-12-01 00:00}.
 */
@Named("freezesPage")
@RequestScoped
public class FreezesBacking {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Inject
    Freezes freezes;

    @Inject
    ReleaseRepository releases;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    @Inject
    Pages pages;

    @Inject
    Clock clock;

    private Release release;
    private List<Row> rows = List.of();

    private String start;
    private String end;
    private String reason;

    /** A freeze as the page shows it: {@code state} is upcoming, active or over. */
    public record Row(long id, String start, String end, String reason, String by, String state) {
    }

    /**
     * Reads what the URL names when the bean is first used, before any "rendered" check of a postback (the forms
     * post the release and module back as hidden fields): the getters below only answer.
     */
    @jakarta.annotation.PostConstruct
    void read() {
        String name = faces.getExternalContext().getRequestParameterMap().get("release");
        release = name == null ? null : releases.findByName(name).orElse(null);
        if (release == null) {
            return;
        }
        Instant now = clock.instant();
        rows = freezes.of(release.getId()).stream()
                .map(f -> new Row(f.id(), format(f.start()), format(f.end()), f.reason(), f.by(),
                        f.start().isAfter(now) ? "upcoming" : f.end().isAfter(now) ? "active" : "over"))
                .toList();
    }

    private static String format(Instant t) {
        return INPUT.format(t.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    public void add() {
        if (release == null) {
            return;
        }
        Set<String> unreadable = new HashSet<>();
        Instant from = parse("start", start, unreadable);
        Instant to = parse("end", end, unreadable);
        // a time that could not be read goes on as missing, so the service still names every other problem
        pages.run(() -> {
            freezes.add(release, from, to, reason, currentUser.require());
            return saved("Freeze of " + release.getName() + " added: " + reason.strip());
        }, Pages.Errors.byField("freeze-form", "freeze-form:add")
                .withText(err -> unreadable.contains(err.field()) ? null : err.reason()));
    }

    public void end(long id) {
        if (release == null) {
            return;
        }
        pages.run(() -> {
            freezes.end(release, id, currentUser.require());
            return saved("Freeze ended");
        }, Pages.Errors.at("freezes-form:end-msg"));
    }

    /** A time typed as {@code 2026-12-01 00:00} (UTC; a {@code T} for the space and seconds are fine too). */
    private Instant parse(String field, String text, Set<String> unreadable) {
        if (text == null || text.isBlank()) {
            return null; // the service names what is missing
        }
        try {
            return Times.parse(field, text.strip().replaceAll("(?i)\\s*UTC$", ""));
        } catch (InvalidInputException e) {
            pages.error("freeze-form:" + field, "write it as 2026-12-01 00:00 (UTC), from year 1 to 9999");
            unreadable.add(field);
            return null;
        }
    }

    /** Leaves the message for the release page it redirects to, and answers that page's freezes section. */
    private String saved(String message) {
        pages.flash("freezeSaved", message);
        return "/release.xhtml?release=" + URLEncoder.encode(release.getName(), StandardCharsets.UTF_8) + "#freezes";
    }

    public String getSaved() {
        return pages.flashed("freezeSaved");
    }

    public boolean isMayEdit() {
        return currentUser.mayEditCadence();
    }

    public boolean isKnown() { return release != null; }
    public List<Row> getRows() { return rows; }
    public String getStart() { return start; }
    public void setStart(String start) { this.start = start; }
    public String getEnd() { return end; }
    public void setEnd(String end) { this.end = end; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}

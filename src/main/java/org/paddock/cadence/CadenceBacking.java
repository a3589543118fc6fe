package org.paddock.cadence;

import org.paddock.update.Severity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Pages;
import org.paddock.platform.security.CurrentUser;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
import org.paddock.release.ReleaseRepository;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cadence section of a module stream page ({@code ?release=&module=}) or of a release page ({@code ?release=},
 * the default of its streams): what applies, the next window, and the editor for policy editors. Read from the
 * request when the bean is first used, so a postback's "rendered" checks, made before any view action, see the
 * same as the page.
 */
@Named("cadencePage")
@RequestScoped
public class CadenceBacking {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH);

    @Inject
    Cadences cadences;

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

    private String releaseName;
    private String module;
    private Cadences.Effective effective;
    private boolean own;
    private String nextWindow;
    private Release release; // read once per request, with its streams

    // the form
    private String mode;
    private String windows;
    private final Map<String, Integer> days = new LinkedHashMap<>();
    private String fastTrack;

    /** Rows of the minimum-days table: severity and days. */
    public record DaysRow(String severity, int days) {
    }

    /**
     * Reads what the URL names when the bean is first used, before any "rendered" check of a postback (the forms
     * post the release and module back as hidden fields): the getters below only answer.
     */
    @jakarta.annotation.PostConstruct
    void read() {
        var params = faces.getExternalContext().getRequestParameterMap();
        releaseName = params.get("release");
        module = params.get("module");
        if (module != null && module.isBlank()) {
            module = null;
        }
        release = releaseName == null ? null : releases.allWithModuleStreams().stream()
                .filter(x -> x.getName().equals(releaseName)).findFirst().orElse(null);
        Release r = release;
        if (r == null) {
            return;
        }
        if (module == null) {
            effective = cadences.forRelease(r.getId());
            own = effective.source().equals("release");
        } else {
            ModuleStream s = stream();
            if (s == null) {
                return;
            }
            effective = cadences.forStream(s.getId());
            own = effective.source().equals("module stream");
        }
        Cadence c = effective.cadence();
        nextWindow = c.nextWindowStart(clock.instant())
                .map(at -> WHEN.format(at.atZone(c.windows().stream().findFirst().map(Window::zone).orElse(ZoneId.of("UTC")))))
                .orElse(null);
        if (!faces.isPostback()) {
            mode = c.mode().name().toLowerCase(Locale.ROOT);
            windows = String.join("\n", c.windows().stream().map(Window::text).toList());
            days.putAll(c.minDaysByWord());
            fastTrack = c.fastTrackSeverity() == null ? Severity.NONE.word() : c.fastTrackSeverity().word();
        } else {
            c.minDaysByWord().forEach(days::putIfAbsent);
        }
    }

    private ModuleStream stream() {
        Release r = release;
        if (r == null || module == null) {
            return null;
        }
        return r.getModuleStreams().stream().filter(x -> x.getNameStream().equals(module)).findFirst().orElse(null);
    }

    public void save() {
        if (effective == null) {
            return;
        }
        CadenceForm form = new CadenceForm(mode, windows == null ? List.of() : windows.lines().toList(), days,
                fastTrack);
        pages.run(() -> {
            if (module == null) {
                cadences.saveForRelease(release, form, currentUser.require());
            } else {
                cadences.saveForStream(stream(), form, currentUser.require());
            }
            return saved("Cadence of " + getSubject() + " saved");
        }, Pages.Errors.byField("cadence-form", "cadence-form:save").withFieldAt(err -> "cadence-form:"
                        + (err.field().startsWith("windows") ? "windows"
                        : err.field().startsWith("minDays.") ? "days-msg"
                        : err.field().equals("fastTrack") ? "fast-track" : "mode"))
                .withText(err -> (err.field().startsWith("windows[") ? "line "
                        + (Integer.parseInt(err.field().replaceAll("\\D", "")) + 1) + ": "
                        : err.field().startsWith("minDays.") ? err.field().substring(8) + ": " : "") + err.reason()));
    }

    /** A module stream back to its release's cadence; a release back to Paddock's default. */
    public void followRelease() {
        if (effective == null) {
            return;
        }
        pages.run(() -> {
            if (module == null) {
                cadences.saveForRelease(release, null, currentUser.require());
                return saved(releaseName + " follows Paddock's default cadence again");
            }
            cadences.saveForStream(stream(), null, currentUser.require());
            return saved(module + " follows the cadence of " + releaseName + " again");
        }, Pages.Errors.at("cadence-form:save"));
    }

    /** Leaves the message for the page it redirects to, and answers that page: this cadence's section. */
    private String saved(String message) {
        pages.flash("cadenceSaved", message);
        String encoded = URLEncoder.encode(releaseName, StandardCharsets.UTF_8);
        return (module == null ? "/release.xhtml?release=" + encoded
                : "/module.xhtml?release=" + encoded + "&module=" + URLEncoder.encode(module, StandardCharsets.UTF_8))
                + "#cadence";
    }

    public String getSaved() {
        return pages.flashed("cadenceSaved");
    }

    public boolean isMayEdit() {
        return currentUser.mayEditCadence();
    }

    public Cadences.Effective getEffective() { return effective; }
    public boolean isOwn() { return own; }
    /** Whether this is a release's cadence (no module stream named). */
    public boolean isForRelease() { return module == null; }
    /** What the cadence belongs to: {@code nginx:1.24} or {@code F45}. */
    public String getSubject() { return module == null ? releaseName : module; }
    /** Where the cadence comes from, in words. */
    public String getSourceWords() {
       
        if (effective == null) {
            return null;
        }
        if (own) {
            return module == null ? "set for " + releaseName : "set for this module stream";
        }
        return module == null ? "Paddock's default (no cadence set for " + releaseName + ")"
                : "following " + releaseName + "'s " + ("release".equals(effective.source()) ? "cadence" : "default cadence");
    }
    public String getNextWindow() { return nextWindow; }
    public String getModeWord() { return effective == null ? null : effective.cadence().mode().name().toLowerCase(Locale.ROOT); }
    public List<String> getWindowTexts() {
       
        return effective == null ? List.of() : effective.cadence().windows().stream().map(Window::describe).toList();
    }
    public List<DaysRow> getDaysRows() {
        return effective == null ? List.of() : effective.cadence().minDaysInTesting().entrySet().stream()
                .map(e -> new DaysRow(e.getKey().word(), e.getValue())).toList();
    }
    public String getFastTrackWord() {
        return effective == null || effective.cadence().fastTrackSeverity() == null ? Severity.NONE.word()
                : effective.cadence().fastTrackSeverity().word();
    }
    public List<String> getSeverities() { return CadenceForm.SEVERITIES; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getWindows() { return windows; }
    public void setWindows(String windows) { this.windows = windows; }
    public Map<String, Integer> getDays() { return days; }
    public String getFastTrack() { return fastTrack; }
    public void setFastTrack(String fastTrack) { this.fastTrack = fastTrack; }
}

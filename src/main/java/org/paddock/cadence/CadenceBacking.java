package org.paddock.cadence;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import org.paddock.platform.FieldError;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.security.CurrentUser;
import org.paddock.platform.security.Role;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
import org.paddock.release.ReleaseRepository;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The cadence section of a module stream page: what applies, the next window, and the editor for policy editors. */
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
    Clock clock;

    private String releaseName;
    private String module;
    private Cadences.Effective effective;
    private boolean own;
    private String nextWindow;

    // the form
    private String mode;
    private String windows;
    private final Map<String, Integer> days = new LinkedHashMap<>();
    private String fastTrack;

    /** Rows of the minimum-days table: severity and days. */
    public record DaysRow(String severity, int days) {
    }

    @Transactional
    public void load() {
        var params = faces.getExternalContext().getRequestParameterMap();
        releaseName = params.get("release");
        module = params.get("module");
        ModuleStream s = stream();
        if (s == null) {
            return;
        }
        effective = cadences.forStream(s.getId());
        own = cadences.hasOwn(s.getId());
        Cadence c = effective.cadence();
        nextWindow = c.nextWindowStart(clock.instant())
                .map(at -> WHEN.format(at.atZone(c.windows().stream().findFirst().map(Window::zone).orElse(ZoneId.of("UTC")))))
                .orElse(null);
        if (!faces.isPostback()) {
            mode = c.mode().name().toLowerCase(Locale.ROOT);
            windows = String.join("\n", c.windows().stream().map(Window::text).toList());
            days.putAll(c.minDaysInTesting());
            fastTrack = c.fastTrackSeverity() == null ? "none" : c.fastTrackSeverity();
        } else {
            Cadences.SEVERITIES.forEach(sev -> days.putIfAbsent(sev, c.minDaysInTesting().get(sev)));
        }
    }

    private ModuleStream stream() {
        if (releaseName == null || module == null) {
            return null;
        }
        Release r = releases.allWithModuleStreams().stream().filter(x -> x.getName().equals(releaseName)).findFirst()
                .orElse(null);
        return r == null ? null : r.getModuleStreams().stream().filter(x -> x.getNameStream().equals(module))
                .findFirst().orElse(null);
    }

    @Transactional
    public void save() throws IOException {
        ModuleStream s = stream();
        if (s == null) {
            return;
        }
        try {
            cadences.saveForStream(s, new Cadences.Form(mode, windows == null ? List.of() : windows.lines().toList(),
                    days, fastTrack), currentUser.require());
            redirect("Cadence of " + module + " saved");
        } catch (InvalidInputException e) {
            for (FieldError err : e.errors()) {
                String field = err.field().startsWith("windows") ? "windows"
                        : err.field().startsWith("minDays.") ? "days-msg"
                        : err.field().equals("fastTrack") ? "fast-track" : "mode";
                String where = err.field().startsWith("windows[") ? "line "
                        + (Integer.parseInt(err.field().replaceAll("\\D", "")) + 1) + ": "
                        : err.field().startsWith("minDays.") ? err.field().substring(8) + ": " : "";
                error("cadence-form:" + field, where + err.reason());
            }
        } catch (ForbiddenException | CurrentUser.NotSignedInException e) {
            error("cadence-form:save", e.getMessage());
        }
    }

    @Transactional
    public void followRelease() throws IOException {
        ModuleStream s = stream();
        if (s == null) {
            return;
        }
        try {
            cadences.saveForStream(s, null, currentUser.require());
            redirect(module + " follows the cadence of " + releaseName + " again");
        } catch (ForbiddenException | CurrentUser.NotSignedInException e) {
            error("cadence-form:save", e.getMessage());
        }
    }

    private void redirect(String message) throws IOException {
        var ext = faces.getExternalContext();
        ext.getFlash().put("cadenceSaved", message);
        ext.redirect(ext.getRequestContextPath() + "/module.xhtml?release=" + java.net.URLEncoder.encode(releaseName,
                java.nio.charset.StandardCharsets.UTF_8) + "&module=" + java.net.URLEncoder.encode(module,
                java.nio.charset.StandardCharsets.UTF_8));
        faces.responseComplete();
    }

    private void error(String clientId, String message) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }

    public String getSaved() {
        Object s = faces.getExternalContext().getFlash().get("cadenceSaved");
        return s == null ? null : s.toString();
    }

    public boolean isMayEdit() {
        return currentUser.has(Role.POLICY_EDITOR) || currentUser.isAdmin();
    }

    public Cadences.Effective getEffective() { return effective; }
    public boolean isOwn() { return own; }
    public String getNextWindow() { return nextWindow; }
    public String getModeWord() { return effective == null ? null : effective.cadence().mode().name().toLowerCase(Locale.ROOT); }
    public List<String> getWindowTexts() {
        return effective == null ? List.of() : effective.cadence().windows().stream().map(Window::describe).toList();
    }
    public List<DaysRow> getDaysRows() {
        return effective == null ? List.of() : effective.cadence().minDaysInTesting().entrySet().stream()
                .map(e -> new DaysRow(e.getKey(), e.getValue())).toList();
    }
    public String getFastTrackWord() {
        return effective == null || effective.cadence().fastTrackSeverity() == null ? "none"
                : effective.cadence().fastTrackSeverity();
    }
    public List<String> getSeverities() { return Cadences.SEVERITIES; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getWindows() { return windows; }
    public void setWindows(String windows) { this.windows = windows; }
    public Map<String, Integer> getDays() { return days; }
    public String getFastTrack() { return fastTrack; }
    public void setFastTrack(String fastTrack) { this.fastTrack = fastTrack; }
}

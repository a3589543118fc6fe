package org.paddock.update;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.paddock.platform.ConflictException;
import org.paddock.platform.FieldError;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Markdown;
import org.paddock.platform.security.CurrentUser;
import org.paddock.platform.security.Permissions;
import org.paddock.release.ReleaseRepository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The new-update form (and the edit form, with {@code ?alias=}): builds from pasted or uploaded modulemd
 * YAML, then type, severity, title, notes with preview, suggestion and references, one per line:
 * {@code CVE-2026-1234 nginx-mod-http-perl} (the id, then the packages that fix it, if not all).
 */
@Named("updateForm")
@RequestScoped
public class UpdateFormBacking {

    @Inject
    UpdateService service;

    @Inject
    UpdateRepository updates;

    @Inject
    ReleaseRepository releases;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    private String alias;
    private String release = "F45";
    private String modulemd;
    private Part modulemdFile;
    private String type = "bugfix";
    private String severity = "none";
    private String title;
    private String notes;
    private String suggestion = "none";
    private String references;
    private String notesPreview;
    private List<String> releaseNames = List.of();
    private List<String> availableBuilds = List.of();
    private List<String> pickedBuilds = new ArrayList<>();
    private List<String> myGroups = List.of();
    private String ownerGroup;

    @PostConstruct
    void init() {
        releaseNames = releases.allWithModuleStreams().stream().map(r -> r.getName()).toList();
        alias = blankToNull(faces.getExternalContext().getRequestParameterMap().get("alias"));
        currentUser.get().ifPresent(u -> availableBuilds = updates.unassignedBuilds().stream()
                .filter(b -> Permissions.mayMaintain(u, List.of(b.getModuleStream().owned()))).map(b -> b.nsvca()).toList());
        currentUser.get().ifPresent(u -> myGroups = u.getGroups().stream().map(g -> g.getName()).sorted().toList());
    }

    /** Anonymous visitors sign in first; an edit starts from what the update says now. */
    public void prepare() throws IOException {
        var ext = faces.getExternalContext();
        if (!currentUser.isSignedIn()) {
            ext.redirect(ext.getRequestContextPath() + "/login.xhtml?next=/update-new.xhtml");
            faces.responseComplete();
            return;
        }
        if (alias != null && !faces.isPostback()) {
            updates.loadForPage(alias).ifPresent(u -> {
                release = u.getRelease().getName();
                type = u.getType().word();
                severity = u.getSeverity().word();
                title = u.getTitle();
                notes = u.getNotes();
                suggestion = u.getSuggestion().word();
                StringBuilder refs = new StringBuilder();
                u.getReferences().forEach(r -> {
                    refs.append(r.getRefId());
                    r.getFixedIn().forEach(a -> refs.append(' ').append(a.getName()));
                    refs.append('\n');
                });
                references = refs.toString();
            });
        }
    }

    public void preview() {
        notesPreview = Markdown.toSafeHtml(notes);
    }

    public void save() throws IOException {
        List<UpdateDraft.ReferenceDraft> refs = new ArrayList<>();
        String yaml = modulemd;
        try {
            if (modulemdFile != null && modulemdFile.getSize() > 0) {
                try (InputStream in = modulemdFile.getInputStream()) {
                    yaml = new String(in.readNBytes(2 * 1024 * 1024), StandardCharsets.UTF_8);
                }
            }
            refs = parseReferences(references);
            UpdateDraft draft = new UpdateDraft(release, pickedBuilds, List.of(), blankToNull(yaml), type, severity,
                    title, notes, suggestion, refs, blankToNull(ownerGroup));
            ModuleUpdate saved = alias == null ? service.submit(draft, currentUser.require())
                    : service.edit(alias, draft, currentUser.require());
            var ext = faces.getExternalContext();
            ext.redirect(ext.getRequestContextPath() + "/update.xhtml?alias=" + saved.getAlias());
            faces.responseComplete();
        } catch (InvalidInputException e) {
            for (FieldError err : e.errors()) {
                String reason = err.reason();
                if (err.field().startsWith("references[")) {
                    int line = Integer.parseInt(err.field().substring(11, err.field().indexOf(']'))) + 1;
                    reason = "line " + line + ": " + reason;
                }
                faces.addMessage("update-form:" + component(err.field()),
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, reason, reason));
            }
        } catch (ForbiddenException | ConflictException e) {
            faces.addMessage("update-form:save", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), e.getMessage()));
        }
    }

    private static String component(String field) {
        if (field.startsWith("references")) {
            return "references";
        }
        if (field.startsWith("newBuilds") || field.startsWith("builds") || field.startsWith("modulemd")) {
            return "modulemd";
        }
        return switch (field) {
            case "release", "type", "severity", "title", "notes", "suggestion", "ownerGroup" -> field;
            default -> "save";
        };
    }

    /** One reference per line: the id (CVE-…, a bug number, or a URL), then the packages that fix it. */
    static List<UpdateDraft.ReferenceDraft> parseReferences(String text) {
        List<UpdateDraft.ReferenceDraft> refs = new ArrayList<>();
        if (text == null) {
            return refs;
        }
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] words = l.split("[\\s,]+");
            String id = words[0];
            String kind = id.toUpperCase(Locale.ROOT).startsWith("CVE-") ? "cve"
                    : id.matches("#?\\d+") ? "bugzilla" : "url";
            refs.add(new UpdateDraft.ReferenceDraft(kind, id, "", Arrays.asList(words).subList(1, words.length)));
        }
        return refs;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public boolean isEditing() {
        return alias != null;
    }

    public List<String> getReleaseNames() { return releaseNames; }
    public List<String> getAvailableBuilds() { return availableBuilds; }
    public List<String> getPickedBuilds() { return pickedBuilds; }
    public void setPickedBuilds(List<String> v) { pickedBuilds = v; }
    public String getAlias() { return alias; }
    public String getRelease() { return release; }
    public void setRelease(String v) { release = v; }
    public String getModulemd() { return modulemd; }
    public void setModulemd(String v) { modulemd = v; }
    public Part getModulemdFile() { return modulemdFile; }
    public void setModulemdFile(Part v) { modulemdFile = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getSeverity() { return severity; }
    public void setSeverity(String v) { severity = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getNotes() { return notes; }
    public void setNotes(String v) { notes = v; }
    public String getSuggestion() { return suggestion; }
    public void setSuggestion(String v) { suggestion = v; }
    public String getReferences() { return references; }
    public void setReferences(String v) { references = v; }
    public String getNotesPreview() { return notesPreview; }

    /** The signed-in person's groups: one of them owns a module stream their first build makes. */
    public List<String> getMyGroups() {
        return myGroups;
    }

    public String getOwnerGroup() {
        return ownerGroup;
    }

    public void setOwnerGroup(String ownerGroup) {
        this.ownerGroup = ownerGroup;
    }
}

package org.paddock.release;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Pages;
import org.paddock.platform.security.Accounts;
import org.paddock.platform.security.CurrentUser;
import org.paddock.platform.security.Group;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The release page's module-stream forms for admins: make a stream (name, stream, owner group, summary, end of life),
 * change one (move it to another group, rewrite its summary, set or clear its end of life) or retire it. The rules are
 * {@link ModuleStreams}'; this only carries the fields, and the refusals back next to them.
 */
@Named("streamAdmin")
@RequestScoped
public class StreamAdminBacking {

    @Inject
    ModuleStreams streams;

    @Inject
    Releases releases;

    @Inject
    Accounts accounts;

    @Inject
    ReleaseRepository repository;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    @Inject
    Pages pages;

    private String release;
    private List<String> groupNames = List.of();
    private List<String> streamNames = List.of();
    // a new stream
    private String name;
    private String stream;
    private String ownerGroup;
    private String summary;
    private String eol;
    // a change to one
    private String target;
    private String newOwner;
    private String newSummary;
    private String newEol;

    @PostConstruct
    void read() {
        release = faces.getExternalContext().getRequestParameterMap().get("release");
        if (currentUser.mayManageReleases()) {
            groupNames = accounts.allGroups().stream().map(Group::getName).sorted().toList();
            // here, not from the page's release: a postback checks the chosen stream before the page loads its release
            streamNames = release == null ? List.of() : repository.streamNamesOf(release);
        }
    }

    public void open() {
        pages.run(() -> {
            ModuleStream s = streams.open(releases.byName(release),
                    new ModuleStreams.Form(name, stream, summary, ownerGroup, eol), currentUser.require());
            return saved(s.getNameStream() + " made, owned by " + s.getOwnerGroup().getName());
        }, Pages.Errors.byField("stream-new", "stream-new:open"));
    }

    /** Blank fields are left as they are; "none" clears the end of life. */
    public void change() {
        pages.run(() -> {
            String eolChange = newEol == null || newEol.isBlank() ? null
                    : "none".equalsIgnoreCase(newEol.strip()) ? "" : newEol;
            ModuleStream s = streams.edit(releases.byName(release), target, new ModuleStreams.Form(null, null,
                    blankToNull(newSummary), blankToNull(newOwner), eolChange), currentUser.require());
            return saved(s.getNameStream() + " saved: owned by " + s.getOwnerGroup().getName()
                    + (s.getEndOfLife() == null ? ", no end of life" : ", takes updates until " + s.getEndOfLife()));
        }, Pages.Errors.byField("stream-edit", "stream-edit:change"));
    }

    public void retire() {
        pages.run(() -> {
            ModuleStream s = streams.retire(releases.byName(release), target, currentUser.require());
            return saved(s.getNameStream() + " retired: its last day was " + s.getEndOfLife()
                    + "; it takes no new update");
        }, Pages.Errors.byField("stream-edit", "stream-edit:retire"));
    }

    private String saved(String message) {
        pages.flash("streamSaved", message);
        return "/release.xhtml?release=" + URLEncoder.encode(release, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public String getSaved() { return pages.flashed("streamSaved"); }
    public List<String> getGroupNames() { return groupNames; }
    public List<String> getStreamNames() { return streamNames; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getStream() { return stream; }
    public void setStream(String stream) { this.stream = stream; }
    public String getOwnerGroup() { return ownerGroup; }
    public void setOwnerGroup(String ownerGroup) { this.ownerGroup = ownerGroup; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getEol() { return eol; }
    public void setEol(String eol) { this.eol = eol; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getNewOwner() { return newOwner; }
    public void setNewOwner(String newOwner) { this.newOwner = newOwner; }
    public String getNewSummary() { return newSummary; }
    public void setNewSummary(String newSummary) { this.newSummary = newSummary; }
    public String getNewEol() { return newEol; }
    public void setNewEol(String newEol) { this.newEol = newEol; }
}

package org.paddock.policy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Pages;
import org.paddock.platform.security.CurrentUser;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Policies page: every policy with its versions, and the editor — Greenwave YAML, a reason, a
 * preview of which current updates would change decision under the draft, then save (a new version).
 */
@Named("policyEditor")
@RequestScoped
public class PolicyEditorBacking {

    @Inject
    PolicyService policies;

    @Inject
    PolicyPreview preview;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    @Inject
    Pages pages;

    @Inject
    PolicyListing listing;

    @Inject
    DecisionRecomputes recomputes;

    private DecisionRecomputes.Progress recompute;

    /** An update whose decision the draft would change. */
    private List<PolicyListing.Listed> listed = List.of();
    private String historyOf;
    private String edit;
    private List<PolicyListing.Version> history = List.of();
    private String yaml;
    private String reason;
    private List<PolicyPreview.Change> changes;
    private int previewed;

    public void load() {
        recompute = recomputes.latest().orElse(null);
        listed = listing.all();
        if (historyOf != null) {
            history = listing.history(historyOf);
        }
        if (edit != null && yaml == null && !faces.isPostback()) {
            listed.stream().filter(l -> l.id().equals(edit)).findFirst().ifPresent(l -> yaml = l.yaml());
        }
    }

    public boolean isMayEdit() {
        return currentUser.mayEditPolicies();
    }

    /** What the draft would change, for the newest active updates ({@link PolicyPreview}). */
    public void preview() {
        try {
            PolicyPreview.Preview p = preview.of(yaml);
            previewed = p.previewed();
            changes = p.changes();
        } catch (IllegalArgumentException e) {
            pages.error("policy-form:yaml", e.getMessage());
        }
    }

    public void save() {
        pages.run(() -> {
            PolicyService.Saving saving = policies.importYaml(yaml, reason, currentUser.require());
            pages.flash("saved", "Saved: " + saving.policies().stream()
                    .map(s -> s.id() + (s.changed() ? " → version " + s.version() : " unchanged"))
                    .collect(Collectors.joining(", ")));
            return "/policies.xhtml";
        }, Pages.Errors.byField("policy-form", "policy-form:save")
                .withFieldAt(err -> "policy-form:" + ("reason".equals(err.field()) ? "reason" : "yaml")));
    }

    public String getSaved() {
        return pages.flashed("saved");
    }

    /** {@code ?history=}: the policy whose versions are shown. */
    public void setHistoryOf(String historyOf) { this.historyOf = historyOf; }
    /** {@code ?edit=}: the policy the editor starts from. */
    public String getEdit() { return edit; }
    public void setEdit(String edit) { this.edit = edit; }
    public List<PolicyListing.Listed> getListed() { return listed; }
    public String getHistoryOf() { return historyOf; }
    public List<PolicyListing.Version> getHistory() { return history; }
    public String getYaml() { return yaml; }
    public void setYaml(String yaml) { this.yaml = yaml; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public List<PolicyPreview.Change> getChanges() { return changes; }
    public int getPreviewed() { return previewed; }

    /** The newest recompute of every active update's decision (after the last policy change), or {@code null}. */
    public DecisionRecomputes.Progress getRecompute() { return recompute; }

    /** For the page's poll while a recompute runs: reads its progress again. */
    public void refreshRecompute() {
        recompute = recomputes.latest().orElse(null);
    }
}

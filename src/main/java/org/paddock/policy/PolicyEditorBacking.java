package org.paddock.policy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import org.paddock.platform.Pages;
import org.paddock.platform.security.CurrentUser;
import org.paddock.update.ModuleUpdate;
import org.paddock.update.UpdateRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Policies page: every policy with its versions, and the editor — Greenwave YAML, a reason, a
 * preview of which current updates would change decision under the draft, then save (a new version).
 */
@Named("policyEditor")
@RequestScoped
public class PolicyEditorBacking {

    static final int PREVIEW_UPDATES = 500;

    @Inject
    PolicyService policies;

    @Inject
    Gating gating;

    @Inject
    UpdateRepository updates;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    @Inject
    Pages pages;

    @Inject
    PolicyListing listing;

    @Inject
    Clock clock;

    @Inject
    DecisionRecomputes recomputes;

    private DecisionRecomputes.Progress recompute;

    /** An update whose decision the draft would change. */
    /** {@code nextGate}: whether {@code context} is the gate the update stands before now (its badge shows it). */
    public record Change(String alias, String title, String context, String before, String after, String why,
                         boolean nextGate) {
    }

    private List<PolicyListing.Listed> listed = List.of();
    private String historyOf;
    private String edit;
    private List<PolicyListing.Version> history = List.of();
    private String yaml;
    private String reason;
    private List<Change> changes;
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

    /** What the draft would change, for the most recent pending and testing updates. */
    @Transactional
    public void preview() {
        List<Policy> draft;
        try {
            draft = GreenwavePolicies.parse(yaml == null ? "" : yaml);
        } catch (IllegalArgumentException e) {
            pages.error("policy-form:yaml", e.getMessage());
            return;
        }
        List<Policy> current = policies.current();
        Map<String, Policy> merged = new java.util.LinkedHashMap<>();
        current.forEach(p -> merged.put(p.id(), p));
        draft.forEach(p -> merged.put(p.id(), p));
        List<Policy> after = Gating.ready(List.copyOf(merged.values()));
        List<Policy> before = Gating.ready(current);
        Instant now = clock.instant();
        List<Change> found = new ArrayList<>();
        List<ModuleUpdate> active = updates.newestActive(PREVIEW_UPDATES);
        for (ModuleUpdate u : active) {
            // the builds' results too, where the policies before or after are about builds
            List<Gating.Inputs> in = gating.updateInputs(u, java.util.stream.Stream.concat(before.stream(), after.stream())
                    .toList(), now);
            for (DecisionContext context : DecisionContext.values()) {
                Decision was = gating.decide(in, context, u.getRelease().getName(), before).decision();
                Decision will = gating.decide(in, context, u.getRelease().getName(), after).decision();
                if (!was.status().equals(will.status()) || was.policiesSatisfied() != will.policiesSatisfied()) {
                    found.add(new Change(u.getAlias(), u.getTitle(), context.word(), was.status(), will.status(),
                            will.unsatisfied().stream().map(Requirement::summary).collect(Collectors.joining("; ")),
                            context == DecisionContext.nextGate(u)));
                }
            }
        }
        previewed = active.size();
        changes = found;
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
    public List<Change> getChanges() { return changes; }
    public int getPreviewed() { return previewed; }

    /** The newest recompute of every active update's decision (after the last policy change), or {@code null}. */
    public DecisionRecomputes.Progress getRecompute() { return recompute; }

    /** For the page's poll while a recompute runs: reads its progress again. */
    public void refreshRecompute() {
        recompute = recomputes.latest().orElse(null);
    }
}

package org.paddock.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.paddock.update.ModuleUpdate;
import org.paddock.update.UpdateRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a draft of policies would change before anyone saves it: the newest active updates decided under the
 * current policies and under the current ones with the draft's replacing theirs, at both gates; the changes,
 * each marked when it is at the update's {@link DecisionContext#nextGate next gate}.
 */
@ApplicationScoped
public class PolicyPreview {

    /** How many of the newest active updates a preview decides. */
    static final int UPDATES = 500;

    @Inject
    PolicyService policies;

    @Inject
    Gating gating;

    @Inject
    UpdateRepository updates;

    @Inject
    Clock clock;

    /** {@code nextGate}: whether {@code context} is the gate the update stands before now (its badge shows it). */
    public record Change(String alias, String title, String context, String before, String after, String why,
                         boolean nextGate) {
    }

    /** The changes among the {@code previewed} newest active updates. */
    public record Preview(int previewed, List<Change> changes) {
    }

    /** The preview of {@code draftYaml}; an {@link IllegalArgumentException} says where it cannot be read. */
    @Transactional
    public Preview of(String draftYaml) {
        List<Policy> draft = GreenwavePolicies.parse(draftYaml == null ? "" : draftYaml);
        List<Policy> current = policies.current();
        Map<String, Policy> merged = new LinkedHashMap<>();
        current.forEach(p -> merged.put(p.id(), p));
        draft.forEach(p -> merged.put(p.id(), p));
        List<Policy> after = Gating.ready(List.copyOf(merged.values()));
        List<Policy> before = Gating.ready(current);
        List<Policy> either = java.util.stream.Stream.concat(before.stream(), after.stream()).toList();
        Instant now = clock.instant();
        List<Change> found = new ArrayList<>();
        List<ModuleUpdate> active = updates.newestActive(UPDATES);
        for (ModuleUpdate u : active) {
            // the builds' results too, where the policies before or after are about builds
            List<Gating.Inputs> in = gating.updateInputs(u, either, now);
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
        return new Preview(active.size(), found);
    }
}

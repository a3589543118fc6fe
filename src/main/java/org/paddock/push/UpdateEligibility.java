package org.paddock.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.paddock.cadence.Cadences;
import org.paddock.cadence.Candidate;
import org.paddock.cadence.Eligibility;
import org.paddock.cadence.Gate;
import org.paddock.cadence.Verdict;
import org.paddock.policy.UpdateDecisions;
import org.paddock.release.ModuleBuild;
import org.paddock.update.ModuleUpdate;
import org.paddock.update.UpdateRepository;
import org.paddock.update.UpdateRequest;
import org.paddock.update.UpdateStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one answer to "may this update move now, and if not, why and when": the update page shows it, the API
 * returns it and the pusher acts on it. Gating comes from the stored decisions, time from the cadence of the
 * update's module stream, freezes and archiving from its release, holds and overrides from the update.
 */
@ApplicationScoped
public class Moves {

    @Inject
    UpdateDecisions decisions;

    @Inject
    Cadences cadences;

    @Inject
    UpdateRepository updates;

    /**
     * The next move of an update and whether it may happen now.
     *
     * @param to      where the update would go: testing, stable, unpushed or revoked; {@code null} when it has
     *                nowhere to go (stable, obsolete, revoked, or pending without a request)
     * @param verdict whether now, else why and (when known) from when
     * @param stream  the module stream whose cadence applies (the update's first build's)
     */
    public record Move(UpdateStatus to, Verdict verdict, long stream) {

        public boolean now() {
            return to != null && verdict.eligible();
        }
    }

    @Transactional
    public Move next(String alias, Instant now) {
        return next(updates.byAlias(alias), now);
    }

    /** Must run in a transaction (reads the stored decisions and the cadence). */
    public Move next(ModuleUpdate u, Instant now) {
        long stream = primaryStream(u);
        var release = cadences.facts(u.getRelease());
        // Asked-for exits need no gate: a maintainer taking an update out of testing is never held back.
        if (u.getStatus() == UpdateStatus.TESTING && u.getRequest() == UpdateRequest.UNPUSH) {
            return new Move(UpdateStatus.UNPUSHED, new Verdict(true, Verdict.Reason.ELIGIBLE, "unpush requested", null), stream);
        }
        if (u.getStatus() == UpdateStatus.TESTING && u.getRequest() == UpdateRequest.REVOKE) {
            return new Move(UpdateStatus.REVOKED, new Verdict(true, Verdict.Reason.ELIGIBLE, "revoke requested", null), stream);
        }
        Candidate c = new Candidate(u.getAlias(), u.getType().word(), u.getSeverity().word(), u.getStatus().word(),
                u.getTestingAt(), u.getHoldReason(), u.getWindowOverride() != null);
        switch (u.getStatus()) {
            case PENDING, UNPUSHED -> {
                if (u.getRequest() != UpdateRequest.TESTING) {
                    return new Move(null, new Verdict(false, Verdict.Reason.DONE, u.getStatus() == UpdateStatus.PENDING
                            ? "pending without a request: request testing to let it move"
                            : "unpushed: request testing to let it move again", null), stream);
                }
                Candidate pending = new Candidate(c.alias(), c.type(), c.severity(), "pending", c.testingSince(),
                        c.holdReason(), c.windowOverride());
                return new Move(UpdateStatus.TESTING, Eligibility.toTesting(pending, gate(u, "push_testing"), release, now),
                        stream);
            }
            case TESTING -> {
                return new Move(UpdateStatus.STABLE, Eligibility.toStable(c, gate(u, "push_stable"),
                        cadences.forStream(stream).cadence(), release, now), stream);
            }
            default -> {
                return new Move(null, Eligibility.toStable(c, gate(u, "push_stable"), cadences.forStream(stream).cadence(),
                        release, now), stream);
            }
        }
    }

    private Gate gate(ModuleUpdate u, String context) {
        Optional<UpdateDecisions.Stored> stored = find(u, context);
        if (stored.isEmpty()) {
            decisions.recompute(u.getAlias(), "needed for a push");
            stored = find(u, context);
        }
        // Paddock's own trouble never opens the gate: no stored decision means closed.
        return stored.map(d -> new Gate(d.status(), d.open(), d.unsatisfied().isEmpty() ? d.summary()
                        : String.join("; ", d.unsatisfied())))
                .orElse(new Gate("waiting", false, "no gating decision yet"));
    }

    private Optional<UpdateDecisions.Stored> find(ModuleUpdate u, String context) {
        return decisions.stored(u.getAlias()).stream().filter(d -> d.context().equals(context)).findFirst();
    }

    /** The update's module stream for cadence and claiming: its first build's (by build id). */
    static long primaryStream(ModuleUpdate u) {
        List<ModuleBuild> builds = u.getBuilds();
        return builds.stream().min(java.util.Comparator.comparing(ModuleBuild::getId))
                .map(b -> b.getModuleStream().getId()).orElseThrow();
    }
}

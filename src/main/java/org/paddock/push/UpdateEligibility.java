package org.paddock.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.paddock.cadence.Cadences;
import org.paddock.cadence.Candidate;
import org.paddock.cadence.Eligibility;
import org.paddock.cadence.Gate;
import org.paddock.cadence.ReleaseFacts;
import org.paddock.cadence.Verdict;
import org.paddock.policy.DecisionContext;
import org.paddock.policy.StoredDecision;
import org.paddock.policy.StoredDecisions;
import org.paddock.policy.UpdateDecisions;
import org.paddock.release.ModuleStream;
import org.paddock.update.ModuleUpdate;
import org.paddock.update.UpdateRepository;
import org.paddock.update.UpdateRequest;
import org.paddock.update.UpdateStatus;

import java.time.Instant;
import java.util.Map;

/**
 * The one answer to "may this update move now, and if not, why and when": the update page shows it, the API
 * returns it and the pusher acts on it. It gathers the facts — the stored decision at the update's
 * {@link DecisionContext#nextGate next gate}, the cadence of its {@link ModuleUpdate#getCadenceStream() cadence
 * stream}, its release's freezes and state, its hold and window override — and asks the pure rule,
 * {@link Eligibility}. A push reads a stream's facts once ({@link #factsOf}) and judges each update with them.
 */
@ApplicationScoped
public class UpdateEligibility {

    @Inject
    StoredDecisions stored;

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
     * @param gate    the gate it is judged at
     * @param stream  the module stream whose cadence it follows, as {@code name:stream}
     */
    public record Move(UpdateStatus to, Verdict verdict, DecisionContext gate, String stream) {

        public boolean now() {
            return to != null && verdict.eligible();
        }
    }

    /** What judging an update of one module stream needs besides the update: read once for a whole push. */
    public record StreamFacts(String stream, ReleaseFacts release, org.paddock.cadence.Cadence cadence) {
    }

    @Transactional
    public Move next(String alias, Instant now) {
        return next(updates.byAlias(alias), now);
    }

    /** Must run in a transaction (reads the stored decisions and the cadence). */
    public Move next(ModuleUpdate u, Instant now) {
        var gates = stored.of(u.getAlias()).stream().collect(java.util.stream.Collectors.toMap(StoredDecision::context,
                d -> d));
        return judge(u, gates, factsOf(u.getCadenceStream()), now);
    }

    /** The facts of a module stream's cadence and release. */
    public StreamFacts factsOf(ModuleStream stream) {
        return new StreamFacts(stream.getNameStream(), cadences.facts(stream.getRelease()),
                cadences.forStream(stream.getId()).cadence());
    }

    /**
     * Judges {@code u} with facts read beforehand: its stored decisions by gate and its stream's facts. Reads
     * nothing, unless the update has no stored decision at its gate yet (then it is decided first).
     */
    public Move judge(ModuleUpdate u, Map<DecisionContext, StoredDecision> gates, StreamFacts facts, Instant now) {
        DecisionContext gate = DecisionContext.nextGate(u);
        // Asked-for exits need no gate: a maintainer taking an update out of testing is never held back.
        if (u.getStatus() == UpdateStatus.TESTING && u.getRequest() == UpdateRequest.UNPUSH) {
            return new Move(UpdateStatus.UNPUSHED, new Verdict(true, Verdict.Reason.ELIGIBLE, "unpush requested", null),
                    gate, facts.stream());
        }
        if (u.getStatus() == UpdateStatus.TESTING && u.getRequest() == UpdateRequest.REVOKE) {
            return new Move(UpdateStatus.REVOKED, new Verdict(true, Verdict.Reason.ELIGIBLE, "revoke requested", null),
                    gate, facts.stream());
        }
        Candidate c = new Candidate(u.getAlias(), u.getType(), u.getSeverity(), u.getStatus(), u.getTestingAt(),
                u.getHoldReason(), u.getWindowOverride() != null, u.hasBuildsWaitingForTesting());
        return switch (u.getStatus()) {
            case PENDING, UNPUSHED -> u.getRequest() != UpdateRequest.TESTING
                    ? new Move(null, new Verdict(false, Verdict.Reason.DONE, u.getStatus() == UpdateStatus.PENDING
                    ? "pending without a request: request testing to let it move"
                    : "unpushed: request testing to let it move again", null), gate, facts.stream())
                    : new Move(UpdateStatus.TESTING, Eligibility.toTesting(c, gate(u, gates, gate), facts.release(), now),
                    gate, facts.stream());
            case TESTING -> u.hasBuildsWaitingForTesting()
                    ? new Move(UpdateStatus.TESTING, Eligibility.toTesting(c, gate(u, gates, gate), facts.release(), now),
                    gate, facts.stream())
                    : new Move(UpdateStatus.STABLE, Eligibility.toStable(c, gate(u, gates, gate), facts.cadence(),
                    facts.release(), now), gate, facts.stream());
            default -> new Move(null, Eligibility.toStable(c, gate(u, gates, gate), facts.cadence(), facts.release(), now),
                    gate, facts.stream());
        };
    }

    private Gate gate(ModuleUpdate u, Map<DecisionContext, StoredDecision> gates, DecisionContext context) {
        StoredDecision d = gates.get(context);
        if (d == null) {
            decisions.recompute(u.getAlias(), "needed for a push");
            d = stored.of(u.getAlias()).stream().filter(s -> s.context() == context).findFirst().orElse(null);
        }
        // Paddock's own trouble never opens the gate: no stored decision means closed.
        return d == null ? new Gate("waiting", false, "no gating decision yet") : new Gate(d.status(), d.open(), d.why());
    }
}

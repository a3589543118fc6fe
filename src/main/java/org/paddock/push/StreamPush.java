package org.paddock.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.events.Outbox;
import org.paddock.policy.DecisionContext;
import org.paddock.policy.DecisionRecomputes;
import org.paddock.policy.PoliciesInForce;
import org.paddock.policy.StoredDecision;
import org.paddock.policy.StoredDecisions;
import org.paddock.policy.UpdateDecisions;
import org.paddock.release.ModuleStream;
import org.paddock.update.Events;
import org.paddock.update.ModuleUpdate;
import org.paddock.update.UpdateStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One push of one module stream, in one transaction: claim the stream (skipping it if another instance holds it),
 * judge its active updates with {@link UpdateEligibility}, carry out at most {@code limit} allowed moves, bump the
 * release's snapshot and record the push. Either all of it commits or none of it does.
 *
 * <p>Its cost is linear in the updates it looks at: the stream's cadence, its release's freezes, the policies in
 * force and the stored decisions are each read once, the updates in one statement; changes are written when the
 * transaction commits (flush mode COMMIT), so no statement in between makes Hibernate check every loaded update
 * again, which made a push's cost grow with the square of what it moved.
 */
@ApplicationScoped
public class StreamPush {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    UpdateEligibility eligibility;

    @Inject
    StoredDecisions stored;

    @Inject
    UpdateDecisions decisions;

    @Inject
    DecisionRecomputes recomputes;

    @Inject
    PushLog log;

    @Inject
    Outbox outbox;

    /** What one push of a stream did: the updates it moved, and whether more were due than it was allowed to move. */
    public record Batch(List<Long> movedIds, boolean more) {
        static final Batch NOTHING = new Batch(List.of(), false);

        public int moved() {
            return movedIds.size();
        }
    }

    /**
     * Pushes module stream {@code streamId} as of {@code now}: at most {@code limit} moves, none of an update in
     * {@code alreadyMoved} (moved earlier in the same run: an update moves once per run).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch push(long streamId, Instant now, String by, TestSeam.Fault fault, int limit, Set<Long> alreadyMoved) {
        em.setFlushMode(FlushModeType.COMMIT);
        // NO KEY UPDATE, not UPDATE: the push row (written in a transaction of its own) references the stream, and
        // its foreign-key check takes a KEY SHARE lock that FOR UPDATE would block until this transaction ends.
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery(
                        "select id, release_id from module_stream where id = ? for no key update skip locked")
                .setParameter(1, streamId).getResultList();
        if (claimed.isEmpty()) {
            return Batch.NOTHING;
        }
        long releaseId = ((Number) claimed.get(0)[1]).longValue();
        // lock the rows first, then load them: this transaction's persistence context is new, so what it loads is
        // what the database holds now (another instance may have moved one a moment ago)
        @SuppressWarnings("unchecked")
        List<Number> locked = em.createNativeQuery("select u.id from module_update u where u.cadence_stream_id = ? and "
                        + ModuleUpdate.ACTIVE_SQL + " order by u.id for no key update")
                .setParameter(1, streamId).getResultList();
        List<Long> ids = locked.stream().map(Number::longValue).filter(id -> !alreadyMoved.contains(id)).toList();
        if (ids.isEmpty()) {
            return Batch.NOTHING;
        }
        List<ModuleUpdate> active = load(ids);
        UpdateEligibility.StreamFacts facts = eligibility.factsOf(em.find(ModuleStream.class, streamId));
        PoliciesInForce in = decisions.inForce();
        // a policy change still being recomputed: decide what it has not reached yet before judging it
        OptionalLong stillOldAbove = recomputes.stillOldAbove();
        if (stillOldAbove.isPresent()) {
            active.stream().filter(u -> u.getId() > stillOldAbove.getAsLong())
                    .forEach(u -> decisions.recompute(u, in, "policies changed; decided again before a push"));
        }
        Map<Long, Map<DecisionContext, StoredDecision>> gates = stored.of(ids);
        List<Planned> planned = new ArrayList<>();
        boolean more = false;
        for (ModuleUpdate u : active) {
            UpdateEligibility.Move m = eligibility.judge(u, gates.getOrDefault(u.getId(), Map.of()), facts, now);
            if (m.now()) {
                if (planned.size() == limit) {
                    more = true;
                    break;
                }
                planned.add(new Planned(u, m));
            }
        }
        if (planned.isEmpty()) {
            return Batch.NOTHING;
        }
        long pushId = log.start(releaseId, streamId, planned.size(), by, now);
        try {
            List<PushLog.Item> items = new ArrayList<>();
            int moved = 0;
            for (Planned p : planned) {
                ModuleUpdate u = p.update();
                UpdateStatus to = p.move().to();
                String from = u.getStatus().word();
                String why = p.move().verdict().why();
                u.pushTo(to, "pushed: " + why, now);
                items.add(new PushLog.Item(u.getId(), from, to.word(), why));
                Map<String, Object> payload = new LinkedHashMap<>(Events.about(u));
                payload.put("from", from);
                payload.put("why", why);
                payload.put("push", pushId);
                outbox.emit(eventOf(to), u.getAlias(), payload, now);
                if (to != UpdateStatus.STABLE && to != UpdateStatus.REVOKED) {
                    // its next gate, or its days in testing, changed: a stable or revoked update is decided for good
                    decisions.recompute(u, in, "pushed to " + to.word());
                }
                moved++;
                fault.after(moved);
            }
            log.items(pushId, items);
            em.flush();
            long snapshot = ((Number) em.createNativeQuery(
                            "update release set snapshot = snapshot + 1 where id = ? returning snapshot")
                    .setParameter(1, releaseId).getSingleResult()).longValue();
            log.complete(pushId, moved, snapshot, now);
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("push", pushId);
            done.put("moved", moved);
            done.put("snapshot", snapshot);
            done.put("updates", planned.stream().map(p -> Map.of("update", p.update().getAlias(),
                    "to", p.move().to().word())).toList());
            outbox.emit(Outbox.PUSH_COMPLETED, "push-" + pushId, done, now);
            return new Batch(planned.stream().map(p -> p.update().getId()).toList(), more);
        } catch (RuntimeException e) {
            log.fail(pushId, e.getMessage() == null ? e.toString() : e.getMessage(), now);
            throw e;
        }
    }

    private List<ModuleUpdate> load(List<Long> ids) {
        List<ModuleUpdate> all = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            // with their builds: the events and the decisions of what moves read them, one query rather than one each
            all.addAll(em.createQuery("select distinct u from ModuleUpdate u left join fetch u.builds where u.id in :ids"
                            + " order by u.id", ModuleUpdate.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).getResultList());
        }
        return all;
    }

    private static String eventOf(UpdateStatus to) {
        return switch (to) {
            case TESTING -> Outbox.UPDATE_TESTING;
            case STABLE -> Outbox.UPDATE_STABLE;
            case UNPUSHED -> Outbox.UPDATE_UNPUSHED;
            default -> Outbox.UPDATE_REVOKED;
        };
    }

    private record Planned(ModuleUpdate update, UpdateEligibility.Move move) {
    }
}

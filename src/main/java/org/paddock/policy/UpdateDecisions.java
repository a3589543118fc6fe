package org.paddock.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.events.Outbox;
import org.paddock.testresult.SubjectType;
import org.paddock.update.ModuleUpdate;
import org.paddock.update.UpdateRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Every update's stored gating decision, one per {@link DecisionContext gate}, kept current: recomputed in the
 * same transaction as whatever could change it (a result, a waiver, the update itself, a push, the clock; a
 * policy change through {@link DecisionRecomputes} in batches), and rewritten — with a {@code decision.changed}
 * event — only when it really changed ({@link DecisionFingerprint}). The update's {@code gating} column holds the
 * status at its {@link DecisionContext#nextGate next gate}, for the list and the API.
 */
@ApplicationScoped
public class UpdateDecisions {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Gating gating;

    @Inject
    PolicyService policies;

    @Inject
    StoredDecisions stored;

    @Inject
    UpdateRepository updates;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The policies in force now, read once for many decisions. */
    public PoliciesInForce inForce() {
        return PoliciesInForce.now(policies, clock.instant());
    }

    /**
     * Recomputes the updates a result or waiver about {@code type}/{@code id} concerns: the update itself, or the
     * active updates holding that module build or RPM build.
     */
    @Transactional
    public void recomputeAbout(String type, String id, String cause) {
        if (SubjectType.PADDOCK_UPDATE.word().equals(type)) {
            recompute(id, cause);
        } else {
            PoliciesInForce in = inForce();
            activeUpdatesHolding(type, id).forEach(alias -> updates.findByAlias(alias).ifPresent(u -> recompute(u, in, cause)));
        }
    }

    /** Active updates holding module build {@code id} (NSVCA) or RPM build {@code id} (source NVR). */
    @SuppressWarnings("unchecked")
    List<String> activeUpdatesHolding(String type, String id) {
        String active = " and " + ModuleUpdate.ACTIVE_SQL + " order by u.alias";
        if (SubjectType.MODULE_BUILD.word().equals(type)) {
            return em.createNativeQuery("""
                            select distinct u.alias from module_update u join update_build ub on ub.update_id = u.id
                            join module_build b on b.id = ub.module_build_id
                            where b.name || ':' || b.stream || ':' || b.version || ':' || b.context || ':' || b.arch = ?"""
                            + active).setParameter(1, id).getResultList();
        }
        if (SubjectType.RPM_BUILD.word().equals(type)) {
            return em.createNativeQuery("""
                            select distinct u.alias from module_update u join update_build ub on ub.update_id = u.id
                            join artifact a on a.module_build_id = ub.module_build_id
                            where a.kind = 'rpm' and (a.source_rpm = ? or (a.source_rpm is null
                                and a.name || '-' || a.version || '-' || a.release = ?))"""
                            + active).setParameter(1, id + ".src.rpm").setParameter(2, id).getResultList();
        }
        return List.of();
    }

    /** Recomputes one update's decisions; returns how many of its gates changed. */
    @Transactional
    public int recompute(String alias, String cause) {
        Optional<ModuleUpdate> found = updates.findByAlias(alias);
        return found.map(u -> recompute(u, inForce(), cause)).orElse(0);
    }

    /**
     * Recomputes one update's decisions at both gates under {@code in}, together: the update moves from its old
     * decisions to its new ones whole. Must run in a transaction; returns how many gates changed.
     */
    public int recompute(ModuleUpdate update, PoliciesInForce in, String cause) {
        // Serialise with any other recomputation of this update (another result, another instance): the results
        // and waivers are read after the lock, so the last writer always saw everything committed before it.
        em.lock(update, LockModeType.PESSIMISTIC_WRITE);
        List<Gating.Inputs> inputs = gating.updateInputs(update, in.policies(), in.at());
        DecisionContext gate = DecisionContext.nextGate(update);
        int changed = 0;
        for (DecisionContext context : DecisionContext.values()) {
            Decision d = gating.decide(inputs, context, update.getRelease().getName(), in.policies()).decision();
            if (store(update, context, d, in, cause)) {
                changed++;
            }
            if (context == gate) {
                update.setGating(d.status());
            }
        }
        return changed;
    }

    private boolean store(ModuleUpdate update, DecisionContext context, Decision d, PoliciesInForce in, String cause) {
        String fingerprint = DecisionFingerprint.of(d);
        String versions = in.versionsOf(d);
        Optional<StoredDecisions.Previous> previous = stored.previous(update.getId(), context);
        if (previous.isPresent() && previous.get().fingerprint().equals(fingerprint)) {
            stored.checked(update.getId(), context, d, versions, in.at());
            return false;
        }
        stored.changed(update.getId(), context, d, fingerprint, versions, in.at());
        outbox.emit(Outbox.DECISION_CHANGED, update.getAlias(), DecisionChanged.payload(update.getAlias(),
                update.getRelease().getName(), context, previous, d, versions, cause), in.at());
        return true;
    }
}

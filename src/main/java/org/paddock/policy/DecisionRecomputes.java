package org.paddock.policy;

import org.paddock.platform.Text;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paddock.platform.SqlTimes;
import org.paddock.update.ModuleUpdate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-deciding every active update after the policies change, so a policy save answers at once at any size: the
 * save stores the new version and a {@code decision_recompute} row, and decides the first batch in its own
 * transaction; the rest go in batches of {@code paddock.gating.recompute-batch} updates, each a short transaction
 * of its own, in update id order, on a managed thread after the save commits (and, should that instance go away,
 * on whichever instance's decision clock finds the row unfinished — batches are claimed with SKIP LOCKED). Each
 * update moves from its old decisions to its new ones whole; until its batch comes, the pusher re-decides it before
 * judging it ({@link #stillOldAbove()}), so nothing is pushed under a policy that was replaced.
 */
@ApplicationScoped
public class DecisionRecomputes {

    private static final Logger LOG = Logger.getLogger(DecisionRecomputes.class.getName());

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    UpdateDecisions decisions;

    @Inject
    DecisionRecomputes self;

    @Inject
    Event<Requested> requested;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "paddock.gating.recompute-batch", defaultValue = "200")
    int batch;

    /**
     * How far a recompute is: {@code state} running, finished or superseded (a newer recompute took over);
     * {@code done} of about {@code total} active updates decided again, {@code changed} decisions changed.
     */
    public record Progress(long id, String state, String cause, String requestedBy, Instant requestedAt, int total,
                           int done, int changed, Instant finishedAt, Long supersededBy) {

        static Progress of(long id, String cause, String requestedBy, Instant requestedAt, int total, int done,
                           int changed, Instant finishedAt, Long supersededBy) {
            String state = supersededBy != null ? "superseded" : finishedAt != null ? "finished" : "running";
            return new Progress(id, state, cause, requestedBy, requestedAt, total, done, changed, finishedAt, supersededBy);
        }

        /** Whether it still runs (pages ask; the API says {@code state}). */
        public boolean running() {
            return finishedAt == null;
        }
    }

    /** Fired in the transaction that asked for a recompute; after it commits, the rest runs on a managed thread. */
    public record Requested(long id) {
    }

    /**
     * Asks for every active update to be decided again ({@code cause} says why, e.g. the policy versions saved), in
     * the caller's transaction: supersedes any unfinished recompute and decides the first batch at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Progress request(String cause, String by) {
        Instant now = clock.instant();
        int total = ((Number) em.createNativeQuery("select count(*) from module_update u where " + ModuleUpdate.ACTIVE_SQL)
                .getSingleResult()).intValue();
        long id = ((Number) em.createNativeQuery("""
                        insert into decision_recompute (cause, requested_by, requested_at, total)
                        values (?, ?, ?, ?) returning id""")
                .setParameter(1, Text.clip(cause, 4000)).setParameter(2, by).setParameter(3, Timestamp.from(now))
                .setParameter(4, total).getSingleResult()).longValue();
        em.createNativeQuery("update decision_recompute set finished_at = ?, superseded_by = ? where finished_at is null and id <> ?")
                .setParameter(1, Timestamp.from(now)).setParameter(2, id).setParameter(3, id).executeUpdate();
        batch(id, 0, cause);
        requested.fire(new Requested(id));
        return find(id).orElseThrow();
    }

    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) Requested r) {
        executor.execute(() -> runToEnd(r.id()));
    }

    /** Runs recompute {@code id} batch by batch until it is finished (or another instance holds it). */
    public void runToEnd(long id) {
        try {
            while (self.step(id)) {
                // a full batch: more remain
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "gating: recompute " + id + " stopped; the decision clock carries it on", e);
        }
    }

    /** For the decision clock: carries on every recompute left unfinished (say, its instance went away). */
    public void continueUnfinished() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from decision_recompute where finished_at is null order by id")
                .getResultList();
        ids.forEach(id -> runToEnd(id.longValue()));
    }

    /** One batch of recompute {@code id}, in a transaction of its own; whether more remain. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean step(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("""
                        select last_update_id, cause from decision_recompute
                        where id = ? and finished_at is null for update skip locked""")
                .setParameter(1, id).getResultList();
        if (claimed.isEmpty()) {
            return false; // finished, superseded, or another instance is deciding this batch
        }
        return batch(id, ((Number) claimed.get(0)[0]).longValue(), (String) claimed.get(0)[1]);
    }

    private boolean batch(long id, long after, String cause) {
        // writes go out at commit: a statement in between would make Hibernate check every update of the batch again
        em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        List<ModuleUpdate> updates = em.createQuery("select u from ModuleUpdate u where u.id > :after and "
                        + ModuleUpdate.ACTIVE_JPQL + " order by u.id", ModuleUpdate.class)
                .setParameter("after", after).setMaxResults(batch).getResultList();
        PoliciesInForce in = decisions.inForce();
        int changed = 0;
        for (ModuleUpdate u : updates) {
            changed += decisions.recompute(u, in, cause);
        }
        boolean more = updates.size() == batch;
        long last = updates.isEmpty() ? after : updates.get(updates.size() - 1).getId();
        em.createNativeQuery("""
                        update decision_recompute set done = done + ?, changed = changed + ?, last_update_id = ?,
                            finished_at = ? where id = ?""")
                .setParameter(1, updates.size()).setParameter(2, changed).setParameter(3, last)
                .setParameter(4, more ? null : Timestamp.from(clock.instant())).setParameter(5, id).executeUpdate();
        if (!more) {
            find(id).ifPresent(p -> LOG.info(() -> "gating: recompute " + id + " finished: " + p.done() + " active update(s)"
                    + " decided again, " + p.changed() + " decision(s) changed, in "
                    + java.time.Duration.between(p.requestedAt(), clock.instant()).toMillis() + " ms (" + p.cause() + ")"));
        }
        return more;
    }

    /**
     * While a recompute runs, the highest update id it has reached: updates above it still carry decisions made
     * under the replaced policies. Empty when none runs.
     */
    public OptionalLong stillOldAbove() {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery(
                        "select last_update_id from decision_recompute where finished_at is null order by id desc limit 1")
                .getResultList();
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(rows.get(0).longValue());
    }

    public Optional<Progress> find(long id) {
        return progress("where id = ?", id);
    }

    /** The newest recompute, for the policies page and {@code GET /api/v1/policies/recompute}. */
    public Optional<Progress> latest() {
        return progress("order by id desc limit 1", null);
    }

    private Optional<Progress> progress(String where, Long id) {
        var q = em.createNativeQuery("""
                select id, cause, requested_by, requested_at, total, done, changed, finished_at, superseded_by
                from decision_recompute""" + " " + where);
        if (id != null) {
            q.setParameter(1, id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().findFirst().map(r -> Progress.of(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], SqlTimes.instant(r[3]), ((Number) r[4]).intValue(), ((Number) r[5]).intValue(),
                ((Number) r[6]).intValue(), r[7] == null ? null : SqlTimes.instant(r[7]),
                r[8] == null ? null : ((Number) r[8]).longValue()));
    }

    /** Decides the active updates still waiting for results again (time alone turns them failed), batch by batch. */
    public int recheckWaiting(String cause) {
        long after = 0;
        int changed = 0;
        while (true) {
            long[] next = self.waitingBatch(after, cause);
            changed += (int) next[1];
            if (next[0] < 0) {
                return changed;
            }
            after = next[0];
        }
    }

    /** One batch of {@link #recheckWaiting}: {the last id decided, or -1 when none remain; how many changed}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long[] waitingBatch(long after, String cause) {
        em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        List<ModuleUpdate> updates = em.createQuery("select u from ModuleUpdate u where u.id > :after and "
                        + ModuleUpdate.ACTIVE_JPQL + " and (u.gating is null or u.gating = 'waiting') order by u.id",
                        ModuleUpdate.class)
                .setParameter("after", after).setMaxResults(batch).getResultList();
        PoliciesInForce in = decisions.inForce();
        int changed = 0;
        for (ModuleUpdate u : updates) {
            changed += decisions.recompute(u, in, cause);
        }
        return new long[] {updates.size() < batch ? -1 : updates.get(updates.size() - 1).getId(), changed};
    }

}

package org.paddock.push;

import org.paddock.platform.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.SqlTimes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of pushes. Starting and failing a push are written in transactions of their own, so a running push
 * is visible while it runs and a failed one is remembered although its moves were rolled back.
 */
@ApplicationScoped
public class PushLog {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    /** A push as pages and the API show it; {@code message} is the technical cause of a failure, for tools and logs. */
    public record PushView(long id, String release, String stream, Instant started, Instant ended, String result,
                           int planned, int moved, Long snapshot, String message, String startedBy) {

        /**
         * Why a failed push failed, in a sentence a person reads (the exception itself is in the server log):
         * "The push of 3 updates stopped: the database refused a change; nothing of it moved, …". Null unless it
         * failed or was abandoned.
         */
        public String failureInWords() {
            if ("abandoned".equals(result)) {
                return "The push of " + planned + (planned == 1 ? " update" : " updates") + " stopped: " + message + ".";
            }
            if (!"failed".equals(result)) {
                return null;
            }
            return "The push of " + planned + (planned == 1 ? " update" : " updates") + " stopped: " + cause(message)
                    + "; nothing of it moved, and the next push tries again.";
        }

        private static String cause(String technical) {
            String m = technical == null ? "" : technical;
            String lower = m.toLowerCase(java.util.Locale.ROOT);
            if (m.startsWith("the instance running it stopped")) {
                return "the instance running it stopped";
            }
            if (m.startsWith("simulated crash")) {
                return "a crash test stopped it on purpose";
            }
            if (lower.contains("constraint") || lower.contains("violates") || lower.contains("duplicate key")) {
                return "the database refused a change (it broke one of the database's rules)";
            }
            if (lower.contains("connection") || lower.contains("timeout") || lower.contains("timed out")) {
                return "the connection to the database was lost or too slow";
            }
            if (lower.contains("sql") || lower.contains("jdbc") || lower.contains("could not execute")
                    || lower.contains("transaction")) {
                return "the database refused a change";
            }
            return "something unexpected went wrong (the server log has the details)";
        }
    }

    public record ItemView(String alias, String title, String from, String to, String reason) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long start(long releaseId, long streamId, int planned, String by, Instant now) {
        return ((Number) em.createNativeQuery("""
                        insert into push (release_id, module_stream_id, started_at, result, planned, started_by)
                        values (?, ?, ?, 'running', ?, ?) returning id""")
                .setParameter(1, releaseId).setParameter(2, streamId).setParameter(3, java.sql.Timestamp.from(now))
                .setParameter(4, planned).setParameter(5, by).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(long pushId, String message, Instant now) {
        em.createNativeQuery("update push set result = 'failed', ended_at = ?, message = ? where id = ? and result = 'running'")
                .setParameter(1, java.sql.Timestamp.from(now)).setParameter(2, Text.clip(message, 1000)).setParameter(3, pushId)
                .executeUpdate();
    }

    /** Called in the push's own transaction: the push is complete exactly when its moves commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(long pushId, int moved, long snapshot, Instant now) {
        em.createNativeQuery("update push set result = 'completed', ended_at = ?, moved = ?, snapshot = ? where id = ?")
                .setParameter(1, java.sql.Timestamp.from(now)).setParameter(2, moved).setParameter(3, snapshot)
                .setParameter(4, pushId).executeUpdate();
    }

    /** One move of a push: the update, from and to (status words), and why. */
    public record Item(long updateId, String from, String to, String reason) {
    }

    /** Records a push's moves, a few hundred rows per statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void items(long pushId, List<Item> items) {
        for (int from = 0; from < items.size(); from += 200) {
            List<Item> part = items.subList(from, Math.min(items.size(), from + 200));
            var q = em.createNativeQuery("insert into push_item (push_id, update_id, from_status, to_status, reason) values "
                    + String.join(", ", java.util.Collections.nCopies(part.size(), "(?, ?, ?, ?, ?)")));
            int i = 1;
            for (Item item : part) {
                q.setParameter(i++, pushId).setParameter(i++, item.updateId()).setParameter(i++, item.from())
                        .setParameter(i++, item.to()).setParameter(i++, Text.clip(item.reason(), 1000));
            }
            q.executeUpdate();
        }
    }

    /**
     * Pushes still "running" long after they started died with their instance (a crash, kill -9): their moves
     * were rolled back with the connection. Says so.
     */
    @Transactional
    public int abandonStale(Duration after, Instant now) {
        return em.createNativeQuery("""
                        update push set result = 'abandoned', ended_at = ?,
                            message = 'the instance running it stopped; nothing it was moving moved'
                        where result = 'running' and started_at < ?""")
                .setParameter(1, java.sql.Timestamp.from(now)).setParameter(2, java.sql.Timestamp.from(now.minus(after)))
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<PushView> recent(int limit, String release) {
        List<Object[]> rows = em.createNativeQuery("""
                        select p.id, r.name, s.name || ':' || s.stream, p.started_at, p.ended_at, p.result, p.planned, p.moved,
                               p.snapshot, p.message, p.started_by
                        from push p join release r on r.id = p.release_id join module_stream s on s.id = p.module_stream_id
                        where (cast(? as varchar) is null or r.name = ?) order by p.started_at desc, p.id desc limit ?""")
                .setParameter(1, release).setParameter(2, release).setParameter(3, limit).getResultList();
        return rows.stream().map(PushLog::view).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<PushView> find(long id) {
        List<Object[]> rows = em.createNativeQuery("""
                        select p.id, r.name, s.name || ':' || s.stream, p.started_at, p.ended_at, p.result, p.planned, p.moved,
                               p.snapshot, p.message, p.started_by
                        from push p join release r on r.id = p.release_id join module_stream s on s.id = p.module_stream_id
                        where p.id = ?""").setParameter(1, id).getResultList();
        return rows.stream().map(PushLog::view).findFirst();
    }

    @SuppressWarnings("unchecked")
    public List<ItemView> items(long pushId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select u.alias, u.title, i.from_status, i.to_status, i.reason from push_item i
                        join module_update u on u.id = i.update_id where i.push_id = ? order by u.alias""")
                .setParameter(1, pushId).getResultList();
        return rows.stream().map(r -> new ItemView((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4])).toList();
    }

    private static PushView view(Object[] r) {
        return new PushView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], SqlTimes.instant(r[3]), SqlTimes.instant(r[4]),
                (String) r[5], ((Number) r[6]).intValue(), ((Number) r[7]).intValue(),
                r[8] == null ? null : ((Number) r[8]).longValue(), (String) r[9], (String) r[10]);
    }


}

package org.paddock.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.SqlTimes;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The webhook deliveries' rows, each change in a short transaction of its own, so that no transaction is open while
 * {@link Dispatcher} waits on a receiver.
 */
@ApplicationScoped
public class Deliveries {

    /**
     * How long a claimed delivery is left to the instance that claimed it: longer than a batch can take (each call
     * has 5 s to connect and 10 s to answer). An instance that dies mid-batch leaves the rest to be sent after it.
     */
    static final Duration LEASE = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    /** A delivery to send: where, how to sign it, and the event it carries. */
    public record Due(long id, int attempts, String url, String secret, long eventId, String type, String subject,
                      String payload, Instant createdAt) {
    }

    /** Takes up to {@code limit} due deliveries, pushing their next attempt past the lease, in one statement. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Due> claim(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with due as (
                            select d.id from webhook_delivery d join webhook w on w.id = d.webhook_id
                            where d.state = 'pending' and d.next_attempt_at <= ? and w.active
                            order by d.id limit ? for update of d skip locked)
                        update webhook_delivery d set next_attempt_at = ?
                        from due, webhook w, outbox_event e
                        where d.id = due.id and w.id = d.webhook_id and e.id = d.event_id
                        returning d.id, d.attempts, w.url, w.secret, e.id, e.type, e.subject, cast(e.payload as text),
                            e.created_at""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).setParameter(3, Timestamp.from(now.plus(LEASE)))
                .getResultList();
        return rows.stream().map(r -> new Due(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                        (String) r[2], (String) r[3], ((Number) r[4]).longValue(), (String) r[5], (String) r[6], (String) r[7],
                        SqlTimes.instant(r[8])))
                .sorted(java.util.Comparator.comparingLong(Due::id)).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(long id, int attempt, int code, Instant at) {
        em.createNativeQuery("update webhook_delivery set state = 'delivered', attempts = ?, last_status_code = ?,"
                        + " last_error = null, delivered_at = ? where id = ?")
                .setParameter(1, attempt).setParameter(2, code).setParameter(3, Timestamp.from(at))
                .setParameter(4, id).executeUpdate();
    }

    /** A failed attempt: tried again at {@code next}, or given up for good. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long id, int attempt, Integer code, String error, boolean giveUp, Instant next) {
        em.createNativeQuery("update webhook_delivery set state = ?, attempts = ?, last_status_code = ?,"
                        + " last_error = ?, next_attempt_at = ? where id = ?")
                .setParameter(1, giveUp ? "failed" : "pending").setParameter(2, attempt).setParameter(3, code)
                .setParameter(4, org.paddock.platform.Text.clip(error, 2000))
                .setParameter(5, Timestamp.from(next)).setParameter(6, id)
                .executeUpdate();
    }
}

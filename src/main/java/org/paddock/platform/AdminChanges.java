package org.paddock.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The record of what admins change in releases, module streams, groups and people ({@code admin_change}): who,
 * when, which field, from what to what. Written in the transaction of the change it tells of.
 */
@ApplicationScoped
public class AdminChanges {

    /** What kind of thing changed. */
    public enum Kind { RELEASE, MODULE_STREAM, GROUP, USER }

    /** One recorded change, as pages and the API show it. */
    public record Change(Instant at, String by, String kind, String subject, String field, String from, String to) {
    }

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    /** Records that {@code byUserId} (null: Paddock itself) changed {@code field} of {@code subject}; a no-op when nothing changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long byUserId, Instant at, Kind kind, String subject, String field, String from, String to) {
        if (Objects.equals(from, to)) {
            return;
        }
        em.createNativeQuery("""
                        insert into admin_change (at, by_user_id, kind, subject, field, from_value, to_value)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .setParameter(1, Timestamp.from(at)).setParameter(2, byUserId)
                .setParameter(3, kind.name().toLowerCase(java.util.Locale.ROOT)).setParameter(4, subject)
                .setParameter(5, field).setParameter(6, Text.clip(from, 4000)).setParameter(7, Text.clip(to, 4000)).executeUpdate();
    }

    /** The changes of one subject, newest first. */
    public List<Change> of(Kind kind, String subject) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.at, u.username, c.kind, c.subject, c.field, c.from_value, c.to_value
                        from admin_change c left join paddock_user u on u.id = c.by_user_id
                        where c.kind = ? and c.subject = ? order by c.at desc, c.id desc""")
                .setParameter(1, kind.name().toLowerCase(java.util.Locale.ROOT)).setParameter(2, subject).getResultList();
        return rows.stream().map(r -> new Change(SqlTimes.instant(r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6])).toList();
    }

}

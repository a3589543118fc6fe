package org.paddock.cadence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.paddock.platform.ConflictException;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.SqlTimes;
import org.paddock.platform.StoredValues;
import org.paddock.platform.security.User;
import org.paddock.release.Release;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A release's freezes (table {@code release_freeze}): listed, added and ended by policy editors and admins. */
@ApplicationScoped
public class Freezes {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Clock clock;

    public record FreezeView(long id, Instant start, Instant end, String reason, String by) {
    }

    /** The release's freezes, past and coming, by start. */
    public List<FreezeView> of(long releaseId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select f.id, f.starts_at, f.ends_at, f.reason, u.username from release_freeze f
                        join paddock_user u on u.id = f.created_by where f.release_id = ? order by f.starts_at""",
                        Tuple.class)
                .setParameter(1, releaseId).getResultList();
        return rows.stream().map(r -> new FreezeView(((Number) r.get("id")).longValue(), SqlTimes.instant(r.get("starts_at")),
                SqlTimes.instant(r.get("ends_at")), (String) r.get("reason"), (String) r.get("username"))).toList();
    }

    @Transactional
    public FreezeView add(Release release, Instant start, Instant end, String reason, User by) {
        org.paddock.platform.security.Permissions.requireEditCadence(by, "freeze " + release.getName());
        List<FieldError> errors = new ArrayList<>();
        if (start == null) {
            errors.add(new FieldError("start", "is required, e.g. 2026-12-01T00:00:00Z"));
        }
        if (end == null) {
            errors.add(new FieldError("end", "is required, e.g. 2026-12-15T00:00:00Z"));
        }
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("end", "must be after the start"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "is required, e.g. F45 final freeze"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StoredValues.checkRow(em, "release_freeze", Map.of("reason", reason.strip(), "starts_at", start, "ends_at", end));
        Number id = (Number) em.createNativeQuery("""
                        insert into release_freeze (release_id, starts_at, ends_at, reason, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .setParameter(1, release.getId()).setParameter(2, Timestamp.from(start))
                .setParameter(3, Timestamp.from(end)).setParameter(4, reason.strip())
                .setParameter(5, by.getId()).setParameter(6, Timestamp.from(clock.instant()))
                .getSingleResult();
        return new FreezeView(id.longValue(), start, end, reason.strip(), by.getUsername());
    }

    /**
     * Ends a freeze of the release now: one not yet begun is dropped, one under way ends at this moment (so the
     * record of it stays); one already over cannot be ended again.
     */
    @Transactional
    public void end(Release release, long id, User by) {
        org.paddock.platform.security.Permissions.requireEditCadence(by, "end a freeze of " + release.getName());
        FreezeView f = of(release.getId()).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("there is no freeze " + id + " in " + release.getName()));
        Instant now = clock.instant();
        if (!f.end().isAfter(now)) {
            throw new ConflictException("the freeze '" + f.reason() + "' is already over");
        }
        if (f.start().isAfter(now)) {
            em.createNativeQuery("delete from release_freeze where id = ?").setParameter(1, id).executeUpdate();
        } else {
            em.createNativeQuery("update release_freeze set ends_at = ? where id = ?")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, id).executeUpdate();
        }
    }
}

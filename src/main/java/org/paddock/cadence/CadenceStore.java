package org.paddock.cadence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import org.paddock.platform.StoredValues;
import org.paddock.platform.security.User;
import org.paddock.update.Severity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code cadence} table: a release's or a module stream's own cadence, one row each at most, with a
 * {@code days_<severity>} column per severity. Native SQL, read by column name.
 */
@ApplicationScoped
class CadenceStore {

    /** Whose cadence a row is, by the column that names it. */
    enum Owner {
        RELEASE("release_id"), MODULE_STREAM("module_stream_id");

        private final String column;

        Owner(String column) {
            this.column = column;
        }
    }

    private static final String DAYS_COLUMNS = Arrays.stream(Severity.values()).map(CadenceStore::daysColumn)
            .collect(Collectors.joining(", "));

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Clock clock;

    Optional<Cadence> find(Owner owner, long id) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select mode, windows, " + DAYS_COLUMNS + ", fast_track from cadence"
                + " where " + owner.column + " = ?", Tuple.class).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Tuple row = rows.get(0);
        Map<Severity, Integer> days = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            days.put(s, ((Number) row.get(daysColumn(s))).intValue());
        }
        List<Window> windows = ((String) row.get("windows")).lines().filter(l -> !l.isBlank()).map(Window::parse).toList();
        String fast = (String) row.get("fast_track");
        return Optional.of(new Cadence(CadenceMode.fromWord((String) row.get("mode")), windows, days,
                fast == null ? null : Severity.fromWord(fast)));
    }

    /** The release a module stream belongs to. */
    long releaseOf(long streamId) {
        return ((Number) em.createNativeQuery("select release_id from module_stream where id = ?")
                .setParameter(1, streamId).getSingleResult()).longValue();
    }

    void save(Owner owner, long id, Cadence c, User by) {
        String windows = String.join("\n", c.windows().stream().map(Window::text).toList());
        StoredValues.checkRow(em, "cadence", Map.of("windows", windows));
        delete(owner, id);
        var insert = em.createNativeQuery("insert into cadence (" + owner.column + ", mode, windows, " + DAYS_COLUMNS
                        + ", fast_track, updated_at, updated_by) values (?, ?, ?, "
                        + "?, ".repeat(Severity.values().length) + "?, ?, ?)")
                .setParameter(1, id).setParameter(2, c.mode().word()).setParameter(3, windows);
        int p = 4;
        for (Severity s : Severity.values()) {
            insert.setParameter(p++, c.minDays(s));
        }
        insert.setParameter(p++, c.fastTrackSeverity() == null ? null : c.fastTrackSeverity().word()).setParameter(p++, Timestamp.from(clock.instant()))
                .setParameter(p, by.getId()).executeUpdate();
    }

    void delete(Owner owner, long id) {
        em.createNativeQuery("delete from cadence where " + owner.column + " = ?").setParameter(1, id).executeUpdate();
    }

    private static String daysColumn(Severity s) {
        return "days_" + s.word();
    }
}

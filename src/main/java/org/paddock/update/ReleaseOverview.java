package org.paddock.update;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts of a release's updates by status, type and severity, for the release page. */
@ApplicationScoped
public class ReleaseOverview {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    public record Bar(String label, long count, int percent) {
    }

    public List<Bar> byStatus(String release) {
        return bars(count(release, "status", UpdateStatus.class));
    }

    public List<Bar> byType(String release) {
        return bars(count(release, "type", UpdateType.class));
    }

    public List<Bar> bySeverity(String release) {
        return bars(count(release, "severity", Severity.class));
    }

    private <E extends Enum<E>> Map<E, Long> count(String release, String field, Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            counts.put(e, 0L);
        }
        em.createQuery("select u." + field + ", count(u) from ModuleUpdate u where u.release.name = :r group by u."
                        + field, Object[].class)
                .setParameter("r", release).getResultList()
                .forEach(row -> counts.put(type.cast(row[0]), (Long) row[1]));
        return counts;
    }

    private static <E extends Enum<E>> List<Bar> bars(Map<E, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        counts.forEach((k, v) -> bars.add(new Bar(k.name().toLowerCase(java.util.Locale.ROOT), v,
                max == 0 ? 0 : (int) Math.round(100.0 * v / max))));
        return bars;
    }
}

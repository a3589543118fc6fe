package org.paddock.policy;

import org.paddock.platform.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.paddock.platform.SqlTimes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code update_decision} table: each update's decision per gate, with its requirements as JSON. Reads one
 * update's or many updates' at once (a push reads its whole batch in one statement); writes are upserts.
 */
@ApplicationScoped
public class StoredDecisions {

    /** Made on first use, so the pure parts of this class need no JSON provider. */
    private static final class Json {
        static final jakarta.json.bind.Jsonb JSON = jakarta.json.bind.JsonbBuilder.create();
    }

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    /** The update's stored decisions, push_testing first. */
    public List<StoredDecision> of(String alias) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " join module_update u on u.id = d.update_id where u.alias = ?"
                        + " order by d.context desc")
                .setParameter(1, alias).getResultList();
        return rows.stream().map(StoredDecisions::row).toList();
    }

    /** The stored decisions of many updates, by update id and gate; updates with none are absent. */
    public Map<Long, Map<DecisionContext, StoredDecision>> of(Collection<Long> updateIds) {
        Map<Long, Map<DecisionContext, StoredDecision>> all = new HashMap<>();
        List<Long> ids = List.copyOf(updateIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(SELECT + " where d.update_id in (:ids)")
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).getResultList();
            for (Object[] r : rows) {
                StoredDecision d = row(r);
                all.computeIfAbsent(((Number) r[8]).longValue(), k -> new EnumMap<>(DecisionContext.class))
                        .put(d.context(), d);
            }
        }
        return all;
    }

    private static final String SELECT = """
            select d.context, d.status, d.satisfied, d.summary, d.policy_versions, d.changed_at, d.checked_at,
                cast(d.requirements as text), d.update_id
            from update_decision d""";

    private static StoredDecision row(Object[] r) {
        return new StoredDecision(DecisionContext.of((String) r[0]).orElseThrow(), (String) r[1], (Boolean) r[2],
                (String) r[3], (String) r[4], SqlTimes.instant(r[5]), SqlTimes.instant(r[6]), unsatisfied((String) r[7]));
    }

    @SuppressWarnings("unchecked")
    private static List<String> unsatisfied(String requirementsJson) {
        List<Map<String, Object>> list = Json.JSON.fromJson(requirementsJson, List.class);
        return list.stream().filter(m -> Boolean.FALSE.equals(m.get("satisfied"))).map(m -> (String) m.get("summary"))
                .toList();
    }

    /** What was stored before: the fingerprint, status and whether it was satisfied. */
    record Previous(String fingerprint, String status, boolean satisfied) {
    }

    Optional<Previous> previous(long updateId, DecisionContext context) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select fingerprint, status, satisfied from update_decision where update_id = ? and context = ?")
                .setParameter(1, updateId).setParameter(2, context.word()).getResultList();
        return rows.stream().findFirst().map(r -> new Previous((String) r[0], (String) r[1], (Boolean) r[2]));
    }

    /** The same decision again: only when it was checked (and its words, which may name newer results) change. */
    void checked(long updateId, DecisionContext context, Decision d, String versions, Instant at) {
        em.createNativeQuery("update update_decision set checked_at = ?, summary = ?, policy_versions = ?, "
                        + "requirements = cast(? as jsonb) where update_id = ? and context = ?")
                .setParameter(1, Timestamp.from(at)).setParameter(2, Text.clip(d.summary(), 4000))
                .setParameter(3, Text.clip(versions, 4000)).setParameter(4, requirementsJson(d))
                .setParameter(5, updateId).setParameter(6, context.word()).executeUpdate();
    }

    /** A new or changed decision. */
    void changed(long updateId, DecisionContext context, Decision d, String fingerprint, String versions, Instant at) {
        em.createNativeQuery("""
                        insert into update_decision (update_id, context, status, satisfied, summary, fingerprint,
                            policy_versions, requirements, changed_at, checked_at)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                        on conflict (update_id, context) do update set status = excluded.status,
                            satisfied = excluded.satisfied, summary = excluded.summary,
                            fingerprint = excluded.fingerprint, policy_versions = excluded.policy_versions,
                            requirements = excluded.requirements, changed_at = excluded.changed_at,
                            checked_at = excluded.checked_at""")
                .setParameter(1, updateId).setParameter(2, context.word()).setParameter(3, d.status())
                .setParameter(4, d.policiesSatisfied()).setParameter(5, Text.clip(d.summary(), 4000))
                .setParameter(6, fingerprint).setParameter(7, Text.clip(versions, 4000)).setParameter(8, requirementsJson(d))
                .setParameter(9, Timestamp.from(at)).setParameter(10, Timestamp.from(at))
                .executeUpdate();
    }

    private static String requirementsJson(Decision d) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Requirement r : d.unsatisfied()) {
            list.add(requirement(r, false));
        }
        for (Requirement r : d.satisfied()) {
            list.add(requirement(r, true));
        }
        return Json.JSON.toJson(list);
    }

    private static Map<String, Object> requirement(Requirement r, boolean satisfied) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("satisfied", satisfied);
        m.put("type", r.type());
        m.put("testcase", r.testcase());
        m.put("scenario", r.scenario());
        m.put("subject_type", r.subjectType());
        m.put("subject", r.subjectIdentifier());
        m.put("result_id", r.resultId());
        m.put("outcome", r.outcome());
        m.put("waiver_id", r.waiverId());
        m.put("summary", r.summary());
        return m;
    }

}

package org.paddock.testresult;

import org.paddock.platform.Like;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.paddock.platform.security.User;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores results (all of a batch or none) and finds them with ResultsDB's filters. */
@ApplicationScoped
public class Results {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<ResultsStored> storedEvent;

    @Transactional
    public List<TestResult> store(List<ResultInput> inputs, User submitter) {
        Instant now = clock.instant();
        List<TestResult> stored = new ArrayList<>();
        User by = submitter == null ? null : em.merge(submitter);
        for (ResultInput in : inputs) {
            Map<String, List<String>> data = new LinkedHashMap<>(in.data());
            data.put("type", List.of(in.subjectType().word()));
            data.put("item", List.of(in.item()));
            TestResult r = new TestResult(in.testcase(), in.testcaseRefUrl(), in.outcome(), in.subjectType(), in.item(),
                    in.scenario(), in.arch(), in.refUrl(), in.note(), JSON.toJson(data),
                    in.submitTime() == null ? now : in.submitTime(), by);
            em.persist(r);
            stored.add(r);
        }
        em.flush();
        java.util.Map<String, java.util.Set<String>> builds = new java.util.TreeMap<>();
        stored.stream().filter(r -> !SubjectType.PADDOCK_UPDATE.word().equals(r.getSubjectType()))
                .forEach(r -> builds.computeIfAbsent(r.getSubjectType(), t -> new java.util.TreeSet<>()).add(r.getSubjectId()));
        storedEvent.fire(new ResultsStored(stored.stream().filter(r -> SubjectType.PADDOCK_UPDATE.word().equals(r.getSubjectType()))
                .map(TestResult::getSubjectId).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                builds));
        return stored;
    }

    public java.util.Optional<TestResult> find(long id) {
        return java.util.Optional.ofNullable(em.find(TestResult.class, id));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, List<String>> data(TestResult r) {
        return JSON.fromJson(r.getData(), LinkedHashMap.class);
    }

    /** ResultsDB's search; {@code distinctOn} non-null asks for the newest result per testcase (and those keys). */
    public record Search(List<String> testcases, List<Outcome> outcomes, Instant since, Instant until,
                         Map<String, List<String>> data, boolean ascending, int limit, long offset,
                         List<String> distinctOn) {
    }

    @SuppressWarnings("unchecked")
    public List<TestResult> search(Search s) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!s.testcases().isEmpty()) {
            where.append(" and (");
            for (int i = 0; i < s.testcases().size(); i++) {
                String tc = s.testcases().get(i);
                where.append(i == 0 ? "" : " or ").append(tc.contains("*") ? "testcase like ? escape '\\'" : "testcase = ?");
                params.add(tc.contains("*") ? Like.literal(tc).replace("*", "%") : tc);
            }
            where.append(")");
        }
        if (!s.outcomes().isEmpty()) {
            where.append(" and outcome in (").append("?,".repeat(s.outcomes().size() - 1)).append("?)");
            s.outcomes().forEach(o -> params.add(o.name()));
        }
        if (s.since() != null) {
            where.append(" and submitted_at >= ?");
            params.add(java.sql.Timestamp.from(s.since()));
        }
        if (s.until() != null) {
            where.append(" and submitted_at <= ?");
            params.add(java.sql.Timestamp.from(s.until()));
        }
        for (var e : s.data().entrySet()) {
            switch (e.getKey()) {
                case "item" -> inList(where, params, "subject_id", e.getValue());
                case "type" -> inList(where, params, "subject_type",
                        e.getValue().stream().map(t -> SubjectType.parse(t).word()).toList());
                default -> {
                    where.append(" and jsonb_exists_any(data -> ?, cast(? as text[]))");
                    params.add(e.getKey());
                    params.add("{" + String.join(",", e.getValue().stream().map(v -> "\"" + v.replace("\\", "\\\\")
                            .replace("\"", "\\\"") + "\"").toList()) + "}");
                }
            }
        }
        String sql;
        String dir = s.ascending() ? "asc" : "desc";
        if (s.distinctOn() != null) {
            StringBuilder keys = new StringBuilder("testcase");
            for (String k : s.distinctOn()) {
                keys.append(", ").append(switch (k) {
                    case "scenario" -> "scenario";
                    case "arch" -> "arch";
                    case "item" -> "subject_id";
                    case "type" -> "subject_type";
                    default -> "data -> '" + k.replace("'", "''") + "'";
                });
            }
            sql = "select * from (select distinct on (" + keys + ") * from test_result" + where + " order by " + keys
                    + ", submitted_at desc, id desc) latest order by submitted_at desc, id desc";
        } else {
            sql = "select * from test_result" + where + " order by submitted_at " + dir + ", id " + dir
                    + " limit " + s.limit() + " offset " + s.offset();
        }
        Query q = em.createNativeQuery(sql, TestResult.class);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q.getResultList();
    }

    private static void inList(StringBuilder where, List<Object> params, String column, List<String> values) {
        where.append(" and ").append(column).append(" in (").append("?,".repeat(values.size() - 1)).append("?)");
        params.addAll(values);
    }
}

package org.paddock.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.SqlTimes;
import org.paddock.platform.events.Outbox;
import org.paddock.testresult.ResultsStored;
import org.paddock.testresult.SubjectType;
import org.paddock.update.ModuleUpdate;
import org.paddock.update.UpdateChanged;
import org.paddock.update.UpdateRepository;
import org.paddock.update.UpdateStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every update's stored gating decision, one per decision context, kept current: recomputed in the same
 * transaction as whatever could change it (a result, a waiver, a policy, the update itself, the clock), and
 * rewritten — with a {@code decision.changed} event — only when it really changed. "Really" means whether the
 * gate is open, the status word, or which requirements stand how; a newer PASSED result for a test that had
 * passed is not a change.
 */
@ApplicationScoped
public class UpdateDecisions {

    public static final List<String> CONTEXTS = List.of("push_testing", "push_stable");

    /** Made on first use, so the pure parts of this class (the fingerprint) need no JSON provider. */
    private static final class Json {
        static final jakarta.json.bind.Jsonb JSON = jakarta.json.bind.JsonbBuilder.create();
    }

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Gating gating;

    @Inject
    PolicyService policies;

    @Inject
    UpdateRepository updates;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A stored decision as pages and the API show it. */
    public record Stored(String context, String status, boolean satisfied, String summary, String policyVersions,
                         Instant changedAt, Instant checkedAt, List<String> unsatisfied) {

        /** Whether an update may pass this gate: satisfied, or no policy applies (nothing is required). */
        public boolean open() {
            return satisfied || Decision.IGNORED.equals(status);
        }
    }

    void onUpdateChanged(@Observes UpdateChanged e) {
        recompute(e.alias(), e.cause());
    }

    void onResults(@Observes ResultsStored e) {
        java.util.Set<String> aliases = new java.util.TreeSet<>(e.updates());
        e.builds().forEach((type, ids) -> ids.forEach(id -> aliases.addAll(activeUpdatesHolding(type, id))));
        aliases.forEach(alias -> recompute(alias, "new test result"));
    }

    /**
     * Recomputes the updates a result or waiver about {@code type}/{@code id} concerns: the update itself, or the
     * pending and testing updates holding that module build or RPM build.
     */
    @Transactional
    public void recomputeAbout(String type, String id, String cause) {
        if (SubjectType.PADDOCK_UPDATE.word().equals(type)) {
            recompute(id, cause);
        } else {
            activeUpdatesHolding(type, id).forEach(alias -> recompute(alias, cause));
        }
    }

    /** Pending and testing updates holding module build {@code id} (NSVCA) or RPM build {@code id} (source NVR). */
    @SuppressWarnings("unchecked")
    private List<String> activeUpdatesHolding(String type, String id) {
        String active = " and u.status in ('pending', 'testing') order by u.alias";
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

    /** Recomputes one update's decisions; returns how many of its contexts changed. */
    @Transactional
    public int recompute(String alias, String cause) {
        Optional<ModuleUpdate> found = updates.findByAlias(alias);
        if (found.isEmpty()) {
            return 0;
        }
        return recompute(found.get(), Under.now(policies, clock.instant()), cause);
    }

    /** Recomputes every pending or testing update (after a policy change); returns how many decisions changed. */
    @Transactional
    public int recomputeActive(String cause) {
        return recomputeWhere("u.status in (org.paddock.update.UpdateStatus.PENDING, org.paddock.update.UpdateStatus.TESTING)", cause);
    }

    /**
     * Recomputes the active updates still waiting for results: time alone turns them failed once the missing-result
     * timeout passes. Called by the clock.
     */
    @Transactional
    public int recomputeWaiting(String cause) {
        return recomputeWhere("u.status in (org.paddock.update.UpdateStatus.PENDING, org.paddock.update.UpdateStatus.TESTING)"
                + " and (u.gating is null or u.gating = 'waiting')", cause);
    }

    private int recomputeWhere(String where, String cause) {
        Under under = Under.now(policies, clock.instant());
        int changed = 0;
        for (ModuleUpdate u : em.createQuery("select u from ModuleUpdate u where " + where + " order by u.id",
                ModuleUpdate.class).getResultList()) {
            changed += recompute(u, under, cause);
        }
        return changed;
    }

    /** The update's stored decisions, in context order. */
    public List<Stored> stored(String alias) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select d.context, d.status, d.satisfied, d.summary, d.policy_versions, d.changed_at, d.checked_at,
                            cast(d.requirements as text)
                        from update_decision d join module_update u on u.id = d.update_id
                        where u.alias = ? order by d.context desc""")
                .setParameter(1, alias).getResultList();
        return rows.stream().map(r -> new Stored((String) r[0], (String) r[1], (Boolean) r[2], (String) r[3],
                (String) r[4], SqlTimes.instant(r[5]), SqlTimes.instant(r[6]), unsatisfied((String) r[7]))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> unsatisfied(String requirementsJson) {
        List<Map<String, Object>> list = Json.JSON.fromJson(requirementsJson, List.class);
        return list.stream().filter(m -> Boolean.FALSE.equals(m.get("satisfied"))).map(m -> (String) m.get("summary"))
                .toList();
    }

    /** The policies in force, parsed once for many decisions, with their versions. */
    private record Under(List<Policy> policies, Map<String, Integer> versions, Instant at) {
        static Under now(PolicyService service, Instant at) {
            return new Under(Gating.ready(service.current()), service.currentVersions(), at);
        }
    }

    private int recompute(ModuleUpdate update, Under under, String cause) {
        // Serialise with any other recomputation of this update (another result, another instance): the results
        // and waivers are read after the lock, so the last writer always saw everything committed before it.
        em.lock(update, LockModeType.PESSIMISTIC_WRITE);
        List<Gating.Inputs> in = gating.updateInputs(update, under.policies(), under.at());
        int changed = 0;
        String gate = update.getStatus() == UpdateStatus.PENDING ? "push_testing" : "push_stable";
        for (String context : CONTEXTS) {
            Decision d = gating.decide(in, context, update.getRelease().getName(), under.policies()).decision();
            if (store(update, context, d, under, cause)) {
                changed++;
            }
            if (context.equals(gate)) {
                update.setGating(d.status());
            }
        }
        return changed;
    }

    private boolean store(ModuleUpdate update, String context, Decision d, Under under, String cause) {
        String fingerprint = fingerprint(d);
        String versions = String.join(", ", d.applicablePolicies().stream().distinct()
                .map(id -> id + "@" + under.versions().getOrDefault(id, 0)).toList());
        @SuppressWarnings("unchecked")
        List<Object[]> previous = em.createNativeQuery(
                        "select fingerprint, status, satisfied from update_decision where update_id = ? and context = ?")
                .setParameter(1, update.getId()).setParameter(2, context).getResultList();
        Instant at = under.at();
        if (!previous.isEmpty() && previous.get(0)[0].equals(fingerprint)) {
            em.createNativeQuery("update update_decision set checked_at = ?, summary = ?, policy_versions = ?, "
                            + "requirements = cast(? as jsonb) where update_id = ? and context = ?")
                    .setParameter(1, java.sql.Timestamp.from(at)).setParameter(2, clip(d.summary()))
                    .setParameter(3, clip(versions)).setParameter(4, requirementsJson(d))
                    .setParameter(5, update.getId()).setParameter(6, context).executeUpdate();
            return false;
        }
        em.createNativeQuery("""
                        insert into update_decision (update_id, context, status, satisfied, summary, fingerprint,
                            policy_versions, requirements, changed_at, checked_at)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                        on conflict (update_id, context) do update set status = excluded.status,
                            satisfied = excluded.satisfied, summary = excluded.summary,
                            fingerprint = excluded.fingerprint, policy_versions = excluded.policy_versions,
                            requirements = excluded.requirements, changed_at = excluded.changed_at,
                            checked_at = excluded.checked_at""")
                .setParameter(1, update.getId()).setParameter(2, context).setParameter(3, d.status())
                .setParameter(4, d.policiesSatisfied()).setParameter(5, clip(d.summary()))
                .setParameter(6, fingerprint).setParameter(7, clip(versions)).setParameter(8, requirementsJson(d))
                .setParameter(9, java.sql.Timestamp.from(at)).setParameter(10, java.sql.Timestamp.from(at))
                .executeUpdate();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("update", update.getAlias());
        payload.put("release", update.getRelease().getName());
        payload.put("decision_context", context);
        payload.put("previous", previous.isEmpty() ? null
                : Map.of("status", previous.get(0)[1], "policies_satisfied", previous.get(0)[2]));
        payload.put("status", d.status());
        payload.put("policies_satisfied", d.policiesSatisfied());
        payload.put("summary", d.summary());
        payload.put("unsatisfied_requirements", d.unsatisfied().stream().map(Requirement::summary).toList());
        payload.put("policy_versions", versions);
        payload.put("cause", cause);
        outbox.emit(Outbox.DECISION_CHANGED, update.getAlias(), payload, at);
        return true;
    }

    /** What makes two decisions the same. Result and waiver ids are left out: a re-run with the same outcome is no change. */
    static String fingerprint(Decision d) {
        StringBuilder s = new StringBuilder().append(d.policiesSatisfied()).append('|').append(d.status());
        List<String> parts = new ArrayList<>();
        for (Requirement r : d.satisfied()) {
            parts.add("+" + key(r));
        }
        for (Requirement r : d.unsatisfied()) {
            parts.add("-" + key(r));
        }
        parts.stream().sorted().forEach(p -> s.append('|').append(p));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(Requirement r) {
        // which build a requirement is about matters (one RPM build passing, another failing); the update itself
        // is always the same one, so it is left out, as it always was
        String about = SubjectType.PADDOCK_UPDATE.word().equals(r.subjectType()) ? "" : "\u0000" + r.subjectIdentifier();
        return r.type() + "\u0000" + r.testcase() + "\u0000" + r.scenario() + "\u0000" + r.subjectType() + "\u0000"
                + r.requiredKarma() + about;
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

    private static String clip(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
    }

}

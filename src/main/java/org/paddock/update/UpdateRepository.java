package org.paddock.update;

import org.paddock.platform.Like;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.paddock.release.ModuleBuild;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds updates: by alias, by build, and by the filters of the Updates page and API. */
@ApplicationScoped
public class UpdateRepository {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    public Optional<ModuleUpdate> findByAlias(String alias) {
        return em.createQuery("select u from ModuleUpdate u where u.alias = :a", ModuleUpdate.class)
                .setParameter("a", alias).getResultStream().findFirst();
    }

    /** The update with everything its page shows loaded, for use after the transaction. */
    @jakarta.transaction.Transactional
    public Optional<ModuleUpdate> loadForPage(String alias) {
        Optional<ModuleUpdate> found = findByAlias(alias.strip());
        found.ifPresent(u -> {
            u.getBuilds().forEach(b -> {
                b.getArtifacts().size();
                b.getModuleStream().getNameStream();
                if (b.getModuleStream().getOwnerGroup() != null) {
                    b.getModuleStream().getOwnerGroup().getName();
                }
            });
            u.getReferences().forEach(r -> r.getFixedIn().size());
            u.getComments().size();
            u.getHistory().size();
            u.getRelease().getName();
            if (u.getObsoletedBy() != null) {
                u.getObsoletedBy().getAlias();
            }
        });
        return found;
    }

    public ModuleUpdate byAlias(String alias) {
        return findByAlias(alias == null ? "" : alias.strip()).orElseThrow(() -> UpdateService.notFound(alias));
    }

    public Optional<ModuleUpdate> updateOf(ModuleBuild build) {
        return em.createQuery("select u from ModuleUpdate u join u.builds b where b = :b", ModuleUpdate.class)
                .setParameter("b", build).getResultStream().findFirst();
    }

    /** {@link ModuleUpdate#isActive() Active} updates holding an older build of a module stream that {@code builds} bring a newer one of. */
    public List<ModuleUpdate> olderActiveUpdatesOf(List<ModuleBuild> builds, ModuleUpdate except) {
        return builds.stream().flatMap(nb -> em.createQuery("""
                        select distinct u from ModuleUpdate u join u.builds b
                        where b.moduleStream = :stream and b.version < :version and b.arch = :arch
                        and u <> :except and """ + ModuleUpdate.ACTIVE_JPQL, ModuleUpdate.class)
                .setParameter("stream", nb.getModuleStream()).setParameter("version", nb.getVersion())
                .setParameter("arch", nb.getArch()).setParameter("except", except)
                .getResultStream()).distinct().toList();
    }

    /** The {@code limit} newest {@link ModuleUpdate#isActive() active} updates. */
    public List<ModuleUpdate> newestActive(int limit) {
        return em.createQuery("select u from ModuleUpdate u where " + ModuleUpdate.ACTIVE_JPQL
                + " order by u.submittedAt desc, u.id desc", ModuleUpdate.class).setMaxResults(limit).getResultList();
    }

    /** Imported builds that no update holds yet, newest first: what the form offers to pick. */
    @jakarta.transaction.Transactional
    public List<ModuleBuild> unassignedBuilds() {
        return em.createQuery("""
                select b from ModuleBuild b join fetch b.moduleStream ms left join fetch ms.ownerGroup
                where not exists (select 1 from ModuleUpdate u join u.builds ub where ub = b)
                order by b.createdAt desc, b.id desc """, ModuleBuild.class).setMaxResults(200).getResultList();
    }

    public record Page(List<ModuleUpdate> rows, long total) {
    }

    /** A page of {@link #search} as the list shows it: summaries, read in one transaction. */
    public record Summaries(List<UpdateDtos.UpdateSummary> rows, long total) {
    }

    /** {@link #search}, each update already turned into its summary (pages call this outside a transaction). */
    @jakarta.transaction.Transactional
    public Summaries summaries(UpdateQuery q, long first, int max) {
        Page page = search(q, first, max);
        return new Summaries(page.rows().stream().map(UpdateDtos.UpdateSummary::of).toList(), page.total());
    }

    /** One page of the updates {@code q} finds, from row {@code first} (0-based); past the last row it is empty. */
    public Page search(UpdateQuery q, long first, int max) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, params);
        TypedQuery<Long> count = em.createQuery("select count(u) from ModuleUpdate u where " + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (first >= total) {
            return new Page(List.of(), total);
        }
        TypedQuery<ModuleUpdate> select = em.createQuery("select u from ModuleUpdate u join fetch u.release where "
                + where + " order by " + orderBy(q), ModuleUpdate.class);
        params.forEach(select::setParameter);
        List<ModuleUpdate> rows = select.setFirstResult((int) Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultList();
        return new Page(rows, total);
    }

    private static String where(UpdateQuery q, Map<String, Object> p) {
        StringBuilder w = new StringBuilder("1 = 1");
        if (set(q.release())) {
            w.append(" and u.release.name = :release");
            p.put("release", q.release().strip());
        }
        if (set(q.module())) {
            String[] ns = q.module().strip().split(":", 2);
            w.append(" and exists (select 1 from ModuleUpdate u2 join u2.builds b where u2 = u and b.name = :mname");
            p.put("mname", ns[0]);
            if (ns.length == 2) {
                w.append(" and b.stream = :mstream");
                p.put("mstream", ns[1]);
            }
            w.append(")");
        }
        if (set(q.status())) {
            w.append(" and u.status = :status");
            p.put("status", UpdateStatus.fromWord(q.status()));
        }
        if (set(q.gating())) {
            w.append(" and u.gating = :gating");
            p.put("gating", q.gating().strip());
        }
        if (set(q.request())) {
            w.append(" and u.request = :request");
            p.put("request", UpdateRequest.fromWord(q.request()));
        }
        if (set(q.type())) {
            w.append(" and u.type = :type");
            p.put("type", UpdateType.fromWord(q.type()));
        }
        if (set(q.severity())) {
            w.append(" and u.severity = :severity");
            p.put("severity", Severity.fromWord(q.severity()));
        }
        if (set(q.cve())) {
            w.append(" and exists (select 1 from UpdateReference r where r.update = u and r.kind = "
                    + "org.paddock.update.ReferenceKind.CVE and r.refId = :cve)");
            p.put("cve", q.cve().strip().toUpperCase(Locale.ROOT));
        }
        if (set(q.bug())) {
            w.append(" and exists (select 1 from UpdateReference r where r.update = u and r.kind = "
                    + "org.paddock.update.ReferenceKind.BUGZILLA and r.refId = :bug)");
            p.put("bug", q.bug().strip().replace("#", ""));
        }
        if (set(q.submitter())) {
            w.append(" and u.submitter.username = :submitter");
            p.put("submitter", q.submitter().strip());
        }
        if (set(q.q())) {
            w.append(" and (u.alias = :qexact or lower(u.title) like :qlike escape '\\' or exists (select 1 from ModuleUpdate u3 "
                    + "join u3.builds b3 join b3.artifacts a where u3 = u and lower(a.name) = :qlower))");
            String text = q.q().strip();
            p.put("qexact", text);
            p.put("qlike", "%" + Like.literal(text.toLowerCase(Locale.ROOT)) + "%");
            p.put("qlower", text.toLowerCase(Locale.ROOT));
        }
        return w.toString();
    }

    private static String orderBy(UpdateQuery q) {
        String column = switch (q.sort() == null ? "submitted" : q.sort()) {
            case "modified" -> "u.modifiedAt";
            case "alias" -> "u.alias";
            case "title" -> "u.title";
            case "karma" -> "u.karma";
            case "status" -> "u.status";
            case "type" -> "u.type";
            case "severity" -> "u.severity";
            case "release" -> "u.release.name";
            default -> "u.submittedAt";
        };
        String dir = q.descending() ? " desc" : " asc";
        return column + dir + ", u.id" + dir;
    }

    private static boolean set(String s) {
        return s != null && !s.isBlank();
    }
}

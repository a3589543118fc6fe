package org.paddock.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Reads releases and module streams. */
@ApplicationScoped
public class ReleaseRepository {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    /** Every release, newest-named first, with its module streams and their owner groups loaded. */
    public List<Release> allWithModuleStreams() {
        return em.createQuery("""
                        select distinct r from Release r left join fetch r.moduleStreams ms left join fetch ms.ownerGroup
                        order by r.name desc""", Release.class)
                .getResultList();
    }

    /** The {@code name:stream} of each module stream of {@code release}, in order; one query, no entity loaded. */
    public List<String> streamNamesOf(String release) {
        return em.createQuery("""
                        select concat(ms.name, ':', ms.stream) from ModuleStream ms
                        where ms.release.name = :release order by ms.name, ms.stream""", String.class)
                .setParameter("release", release).getResultList();
    }

    /** Every module stream with its release, ordered by module, stream and release. */
    public List<ModuleStream> allModuleStreams() {
        return em.createQuery("""
                        select ms from ModuleStream ms join fetch ms.release r
                        order by ms.name, ms.stream, r.name desc""", ModuleStream.class)
                .getResultList();
    }

    public Optional<Release> findByName(String name) {
        return em.createQuery("select r from Release r where r.name = :name", Release.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    /** The builds of a module stream, newest first. */
    /** The stream's newest 200 builds, each with its artifacts loaded (the module stream page lists them). */
    @jakarta.transaction.Transactional
    public List<ModuleBuild> buildsOf(ModuleStream stream) {
        List<ModuleBuild> builds = em.createQuery(
                        "select b from ModuleBuild b where b.moduleStream = :s order by b.version desc, b.id desc",
                        ModuleBuild.class).setParameter("s", stream).setMaxResults(200).getResultList();
        builds.forEach(b -> b.getArtifacts().size());
        return builds;
    }

    public long count() {
        return em.createQuery("select count(r) from Release r", Long.class).getSingleResult();
    }
}

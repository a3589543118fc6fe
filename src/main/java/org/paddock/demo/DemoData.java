package org.paddock.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paddock.release.Release;
import org.paddock.release.ReleaseState;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Seeds a small demo data set into an empty database on first start, so a newcomer sees something.
 * Runs after the schema migration; never touches a database that already holds releases; switched
 * off with {@code PADDOCK_DEMO_DATA=false}. An advisory lock keeps two instances from seeding twice.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    private static final long SEED_LOCK = 0x7061646465L; // "padde"

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "paddock.demo.data", defaultValue = "true")
    boolean enabled;

    @Inject
    Clock clock;

    @PostConstruct
    void seedIfEmpty() {
        if (!enabled) {
            LOG.info("Demo data is switched off (PADDOCK_DEMO_DATA=false)");
            return;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
        long releases = em.createQuery("select count(r) from Release r", Long.class).getSingleResult();
        if (releases > 0) {
            LOG.info("Demo data not seeded: the database already holds " + releases + " release(s)");
            return;
        }
        seed(clock.instant());
        LOG.info("Seeded demo data: release F45 with nginx:1.24, postgresql:16 and ruby:3.3");
    }

    private void seed(Instant now) {
        Release f45 = new Release("F45", "Fedora 45", ReleaseState.CURRENT, now);
        em.persist(f45);
        em.persist(f45.addModuleStream("nginx", "1.24",
                "A high performance web server and reverse proxy server", now));
        em.persist(f45.addModuleStream("postgresql", "16",
                "PostgreSQL server and client module", now));
        em.persist(f45.addModuleStream("ruby", "3.3",
                "An interpreter of object-oriented scripting language", now));
    }
}

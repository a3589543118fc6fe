package org.paddock.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paddock.platform.ReplayClock;
import org.paddock.platform.security.Accounts;
import org.paddock.platform.security.Group;
import org.paddock.platform.security.Role;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
import org.paddock.release.ReleaseState;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seeds a small demo data set into an empty database on first start, so a newcomer sees something: release F45,
 * its module streams, groups and people, then (unless {@code PADDOCK_DEMO_HISTORY=false}) weeks of their updates
 * ({@link DemoHistory}). Runs after the schema migration; never touches a database that already holds releases;
 * switched off with {@code PADDOCK_DEMO_DATA=false}. An advisory lock keeps two instances from seeding twice.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
// transactions of its own: the release and people commit first, then each step of the history commits as a click would
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    private static final long SEED_LOCK = 0x7061646465L; // "padde"

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "paddock.demo.data", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "paddock.demo.history", defaultValue = "true")
    boolean history;

    @Inject
    Clock clock;

    @Inject
    DemoHistory demoHistory;

    @Inject
    DemoStep demoStep;

    @Resource
    UserTransaction tx;

    @Inject
    Accounts accounts;

    /** Every demo user signs in with this password; printed at start while they keep it. */
    public static final String PASSWORD = "paddock-demo";

    /** The demo people: user name, what they are, their role and groups. */
    record Person(String username, String displayName, String what, Role role, Set<String> groups) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("alice", "Alice Maintainer", "maintainer of nginx:1.24 and postgresql:16", Role.MAINTAINER,
                    Set.of("nginx-maintainers", "postgresql-maintainers")),
            new Person("bob", "Bob Maintainer", "maintainer of ruby:3.3", Role.MAINTAINER, Set.of("ruby-maintainers")),
            new Person("erin", "Erin Editor", "policy editor", Role.POLICY_EDITOR, Set.of()),
            new Person("admin", "Ada Admin", "admin", Role.ADMIN, Set.of()),
            new Person("ci", "CI System", "CI account (posts test results with an API token)", Role.CI, Set.of()));

    @PostConstruct
    void seedIfEmpty() {
        if (!enabled) {
            LOG.info("Demo data is switched off (PADDOCK_DEMO_DATA=false)");
            return;
        }
        Instant now = clock.instant();
        if (seedBase(history ? DemoHistory.start(now) : now) && history) {
            try {
                demoHistory.replay(now);
                LOG.info("Seeded the demo history: six weeks of F45's updates, results, waivers, comments and pushes");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The demo history stopped part-way; what was replayed before stays", e);
            }
        }
        demoStep.run(() -> {
            printDemoUsers();
            return null;
        });
    }

    /** Seeds release F45, its streams and people as of {@code at} if the database holds no release; true if it did. */
    private boolean seedBase(Instant at) {
        try {
            tx.begin();
            em.createNativeQuery("select pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
            long releases = em.createQuery("select count(r) from Release r", Long.class).getSingleResult();
            if (releases > 0) {
                LOG.info("Demo data not seeded: the database already holds " + releases + " release(s)");
            } else {
                ReplayClock.at(at, () -> {
                    seed(at);
                    return null;
                });
                LOG.info("Seeded demo data: release F45 with nginx:1.24, postgresql:16 and ruby:3.3");
            }
            tx.commit();
            return releases == 0;
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } catch (Exception e) {
            rollback();
            throw new IllegalStateException("demo data: " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "demo data: rollback failed", e);
        }
    }

    /** Tells the person who started Paddock how to sign in, for the demo users that still have the demo password. */
    private void printDemoUsers() {
        StringBuilder out = new StringBuilder();
        for (Person p : PEOPLE) {
            accounts.byUsername(p.username()).filter(u -> accounts.hasPassword(u, PASSWORD))
                    .ifPresent(u -> out.append(String.format("    %-6s %s%n", p.username(), p.what())));
        }
        if (out.length() > 0) {
            System.out.printf("%n  Demo users, password '%s':%n%s%n", PASSWORD, out);
        }
    }

    private void seed(Instant now) {
        Map<String, Group> groups = new HashMap<>();
        for (String g : List.of("nginx-maintainers", "postgresql-maintainers", "ruby-maintainers")) {
            groups.put(g, accounts.createGroup(g, "Maintainers of " + g.substring(0, g.indexOf('-'))));
        }
        Release f45 = new Release("F45", "Fedora 45", ReleaseState.CURRENT, now);
        em.persist(f45);
        stream(f45, "nginx", "1.24", "A high performance web server and reverse proxy server", groups, now);
        stream(f45, "postgresql", "16", "PostgreSQL server and client module", groups, now);
        stream(f45, "ruby", "3.3", "An interpreter of object-oriented scripting language", groups, now);
        for (Person p : PEOPLE) {
            accounts.createUser(p.username(), p.displayName(), p.username() + "@paddock.example", PASSWORD,
                    Set.of(p.role()), p.groups());
        }
    }

    private void stream(Release release, String name, String stream, String summary, Map<String, Group> groups,
                        Instant now) {
        ModuleStream ms = release.addModuleStream(name, stream, summary, now);
        ms.ownedBy(groups.get(name + "-maintainers"));
        em.persist(ms);
    }
}

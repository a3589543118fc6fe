package org.paddock.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paddock.platform.InvalidInputException;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The first admin of a fresh installation, from the operator, as self-hosted services do it:
 * {@code PADDOCK_ADMIN_USER} and {@code PADDOCK_ADMIN_PASSWORD} create that admin at start when no user of that name
 * exists yet (never a fixed default password; a later start changes nothing, so the password can be changed on the
 * Account page). Without them, and with no admin able to sign in, Paddock says at start how to make one. An advisory
 * lock keeps two instances starting together from creating it twice.
 */
@Startup
@Singleton
// after the demo seed (by bean name: platform imports no feature), so its admin counts when demo data is on
@DependsOn({"SchemaMigration", "DemoData"})
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
    private static final long LOCK = 0x6669727374L; // "first"

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "paddock.admin.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "paddock.admin.password")
    Optional<String> password;

    @PostConstruct
    void ensure() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
        String name = user.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (name == null) {
            long admins = ((Number) em.createNativeQuery("""
                    select count(*) from paddock_user u join user_role r on r.user_id = u.id
                    where r.role = 'admin' and u.active""").getSingleResult()).longValue();
            if (admins == 0) {
                System.out.printf("%n  No admin can sign in yet: set PADDOCK_ADMIN_USER and PADDOCK_ADMIN_PASSWORD"
                        + " (at least %d characters) and start Paddock again to create the first one.%n%n",
                        Accounts.MIN_PASSWORD);
            }
            return;
        }
        if (accounts.byUsername(name).isPresent()) {
            return; // made on an earlier start (or by hand): its password is its own now
        }
        String secret = password.orElse("");
        try {
            accounts.createUser(name, "Administrator", "", secret, Set.of(Role.ADMIN), Set.of());
            LOG.info(() -> "Created the first admin '" + name + "' from PADDOCK_ADMIN_USER and PADDOCK_ADMIN_PASSWORD");
            System.out.printf("%n  First admin '%s' created: sign in with PADDOCK_ADMIN_PASSWORD.%n%n", name);
        } catch (InvalidInputException e) {
            String why = String.join("; ", e.errors().stream().map(f -> (f.field().equals("password")
                    ? "PADDOCK_ADMIN_PASSWORD" : "PADDOCK_ADMIN_USER") + " " + f.reason()).toList());
            LOG.severe("The first admin was not created: " + why);
            System.out.printf("%n  The first admin was not created: %s.%n%n", why);
        }
    }
}

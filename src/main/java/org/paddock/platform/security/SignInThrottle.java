package org.paddock.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.paddock.platform.Words;
import org.paddock.platform.security.SignInCounter.Kind;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Sign-in throttling ({@link SignInCounter} is the rule), kept in PostgreSQL so that every instance sharing
 * the database sees the same counts and locks. Every failure, lock and refusal writes one audit line to the
 * server log: user name, address and count, never the password.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger AUDIT = Logger.getLogger(SignInThrottle.class.getName());

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Clock clock;

    /** The lock that refuses a sign-in as this user from this address now, before any password is checked. */
    @Transactional
    public Optional<SignInLock> lockFor(String username, String address) {
        Instant now = clock.instant();
        Optional<SignInLock> lock = latest(Stream.of(find(Kind.USER, username), find(Kind.ADDRESS, address))
                .flatMap(Optional::stream), now);
        lock.ifPresent(l -> AUDIT.warning(() -> String.format("sign-in refused: user '%s' from %s: %s locked until %s",
                Kind.USER.subject(username), Kind.ADDRESS.subject(address), Words.word(l.kind()), l.until())));
        return lock;
    }

    /** Counts a failed sign-in for the user name and the address; answers the lock it earned, if any. */
    @Transactional
    public Optional<SignInLock> failed(String username, String address) {
        Instant now = clock.instant();
        // always the user's row before the address's: two instances counting at once never wait on each other in a circle
        SignInCounter user = counted(Kind.USER, username);
        SignInCounter from = counted(Kind.ADDRESS, address);
        int userFailures = user.failed(now);
        int addressFailures = from.failed(now);
        AUDIT.warning(() -> String.format("sign-in failed: user '%s' from %s (failure %d of %d for the user, %d of %d "
                        + "for the address)", user.getSubject(), from.getSubject(), userFailures, Kind.USER.limit,
                addressFailures, Kind.ADDRESS.limit));
        for (SignInCounter c : new SignInCounter[] {user, from}) {
            c.lockedAt(now).ifPresent(until -> AUDIT.warning(() -> String.format(
                    "sign-in locked: %s '%s' (user '%s' from %s) until %s, lock %d in a row",
                    Words.word(c.getKind()), c.getSubject(), user.getSubject(), from.getSubject(), until, c.getLocks())));
        }
        em.createQuery("delete from SignInCounter c where c.lastFailureAt < :forgotten "
                        + "and (c.lockedUntil is null or c.lockedUntil <= :now)")
                .setParameter("forgotten", now.minus(SignInCounter.FORGET_AFTER)).setParameter("now", now)
                .executeUpdate();
        return latest(Stream.of(user, from), now);
    }

    /** A successful sign-in forgets the user's failures and locks (never the address's). */
    @Transactional
    public void succeeded(String username) {
        em.createQuery("delete from SignInCounter c where c.kind = :k and c.subject = :s")
                .setParameter("k", Kind.USER).setParameter("s", Kind.USER.subject(username)).executeUpdate();
    }

    private static Optional<SignInLock> latest(Stream<SignInCounter> counters, Instant now) {
        return counters.flatMap(c -> c.lockedAt(now).map(until -> new SignInLock(c.getKind(), c.getSubject(), until))
                .stream()).max(Comparator.comparing(SignInLock::until));
    }

    private TypedQuery<SignInCounter> counter(Kind kind, String subject) {
        return em.createQuery("select c from SignInCounter c where c.kind = :k and c.subject = :s", SignInCounter.class)
                .setParameter("k", kind).setParameter("s", kind.subject(subject));
    }

    private Optional<SignInCounter> find(Kind kind, String subject) {
        return counter(kind, subject).getResultStream().findFirst();
    }

    /** The row for this subject, created if missing (by whichever instance comes first), locked until commit. */
    private SignInCounter counted(Kind kind, String subject) {
        em.createNativeQuery("insert into sign_in_counter (kind, subject) values (?1, ?2) on conflict do nothing")
                .setParameter(1, Words.word(kind)).setParameter(2, kind.subject(subject)).executeUpdate();
        return counter(kind, subject).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
    }
}

package org.paddock.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.paddock.platform.Words;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed sign-ins for one user name or one client address, and the lock they earned: the throttling rule.
 * {@link Kind#limit} failures within {@link #WINDOW} lock sign-in for {@link #FIRST_LOCK}, each further lock
 * twice as long as the one before (at most {@link #LONGEST_LOCK}); a day without failures forgets it all, and
 * a successful sign-in forgets a user's count ({@link SignInThrottle}).
 */
@Entity
@Table(name = "sign_in_counter")
public class SignInCounter {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCK = Duration.ofMinutes(5);
    static final Duration LONGEST_LOCK = Duration.ofHours(1);
    static final Duration FORGET_AFTER = Duration.ofDays(1);
    /** Longer user names are counted by their beginning: no such user exists (see {@link Accounts#createUser}). */
    static final int SUBJECT_LENGTH = 100;

    /** What is counted, and how many failures within the window lock it. */
    public enum Kind {
        USER(5), ADDRESS(20);

        final int limit;

        Kind(int limit) {
            this.limit = limit;
        }

        /**
         * The counted form of a user name or address: stripped, lower-case, no control or invisible formatting
         * characters (it is written to the log), cut to the column's length.
         */
        String subject(String raw) {
            String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\p{Cc}\\p{Cf}]", "?");
            return s.length() > SUBJECT_LENGTH ? s.substring(0, SUBJECT_LENGTH) : s;
        }

        @jakarta.persistence.Converter
        public static class JpaConverter extends Words.Converter<Kind> {
            public JpaConverter() {
                super(Kind.class);
            }
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 16)
    @Convert(converter = Kind.JpaConverter.class)
    private Kind kind;

    @Column(nullable = false, length = SUBJECT_LENGTH)
    private String subject;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_started_at")
    private Instant windowStartedAt;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(nullable = false)
    private int locks;

    protected SignInCounter() {
    }

    SignInCounter(Kind kind, String subject) {
        this.kind = Objects.requireNonNull(kind);
        this.subject = kind.subject(subject);
    }

    /** Until when sign-in is refused, if it is at {@code now}. */
    public Optional<Instant> lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /**
     * Counts a failed sign-in at {@code now} and answers how many failures the window holds with it; the one
     * that reaches the kind's limit locks ({@link #lockedAt}). Attempts refused during a lock are not failures:
     * they never reach the password check.
     */
    public int failed(Instant now) {
        if (lastFailureAt != null && !now.isBefore(lastFailureAt.plus(FORGET_AFTER))) {
            locks = 0;
            failures = 0;
        }
        if (failures == 0 || !now.isBefore(windowStartedAt.plus(WINDOW))) {
            failures = 0;
            windowStartedAt = now;
        }
        int count = ++failures;
        lastFailureAt = now;
        if (count >= kind.limit) {
            lockedUntil = now.plus(lockLength(locks));
            locks++;
            failures = 0;
            windowStartedAt = null;
        }
        return count;
    }

    static Duration lockLength(int earlierLocks) {
        Duration length = FIRST_LOCK;
        for (int i = 0; i < earlierLocks && length.compareTo(LONGEST_LOCK) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : length;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public int getLocks() {
        return locks;
    }
}

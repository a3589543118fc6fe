package org.paddock.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paddock.platform.security.SignInCounter.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttling rule with a fixed clock: failures at given minutes after 14:00 UTC, and whether (and until when)
 * sign-in is locked right after the last of them.
 */
class SignInThrottlingTest {

    private static final Instant T0 = Instant.parse("2026-12-07T14:00:00Z");

    @ParameterizedTest(name = "{0} failing at minutes {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # kind  | failures at minute (after 14:00)            | locked until (after the last failure)
            USER    | 0 1 2 3                                      | -
            USER    | 0 1 2 3 4                                    | 14:09
            USER    | 0 0 0 0 0                                    | 14:05
            # the window is 15 minutes from the first failure in it: the old ones no longer count
            USER    | 0 1 2 3 15                                   | -
            USER    | 0 1 2 3 15 16 17 18                          | -
            USER    | 0 1 2 3 15 16 17 18 19                       | 14:24
            # a second lock lasts twice as long as the first, a third four times
            USER    | 0 1 2 3 4 10 11 12 13 14                     | 14:24
            USER    | 0 1 2 3 4 10 11 12 13 14 30 31 32 33 34      | 14:54
            # a day without failures forgets the earlier locks
            USER    | 0 1 2 3 4 1500 1501 1502 1503 1504           | 39:09
            ADDRESS | 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0        | -
            ADDRESS | 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1      | 14:06
            """)
    void failuresLockAfterTheLimitWithinTheWindow(Kind kind, String minutes, String lockedUntil) {
        SignInCounter counter = new SignInCounter(kind, "somebody");
        Instant last = T0;
        for (String m : minutes.split(" ")) {
            last = T0.plus(Duration.ofMinutes(Long.parseLong(m)));
            counter.failed(last);
        }
        assertThat(counter.lockedAt(last).map(SignInThrottlingTest::clock)).isEqualTo(
                java.util.Optional.ofNullable(lockedUntil));
    }

    @Test
    void theFailureReachingTheLimitIsCountedAndLocksTheNextOnesStartAfresh() {
        SignInCounter alice = new SignInCounter(Kind.USER, "alice");
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            counts.add(alice.failed(T0.plusSeconds(i)));
        }
        assertThat(counts).containsExactly(1, 2, 3, 4, 5);
        assertThat(alice.lockedAt(T0.plusSeconds(4))).contains(T0.plusSeconds(4).plus(Duration.ofMinutes(5)));
        assertThat(alice.getLocks()).isEqualTo(1);
        Instant after = T0.plus(Duration.ofMinutes(6));
        assertThat(alice.lockedAt(after)).isEmpty();
        assertThat(alice.failed(after)).isEqualTo(1);
    }

    @ParameterizedTest(name = "lock after {0} earlier locks lasts {1}")
    @CsvSource({"0, PT5M", "1, PT10M", "2, PT20M", "3, PT40M", "4, PT1H", "5, PT1H", "1000, PT1H"})
    void eachLockLastsTwiceAsLongUpToAnHour(int earlier, Duration length) {
        assertThat(SignInCounter.lockLength(earlier)).isEqualTo(length);
    }

    @ParameterizedTest(name = "{0} {1} is counted as ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            USER    |   Alice       | alice
            ADDRESS | 2001:DB8::1   | 2001:db8::1
            USER    | bob\\nforged   | bob?forged
            USER    | \\u202eevil    | ?evil
            """)
    void subjectsAreCountedInOneForm(Kind kind, String raw, String counted) {
        assertThat(kind.subject(raw.replace("\\n", "\n").replace("\\u202e", "\u202e"))).isEqualTo(counted);
        assertThat(Kind.USER.subject("x".repeat(5000))).hasSize(SignInCounter.SUBJECT_LENGTH);
    }

    @ParameterizedTest(name = "locked until {1}, now {0}: \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            14:00:30 | 14:04:10 | USER    | Too many failed sign-ins for alice. Try again in 4 minutes (at 14:05 UTC).
            14:00:00 | 14:05:00 | USER    | Too many failed sign-ins for alice. Try again in 5 minutes (at 14:05 UTC).
            14:04:59 | 14:05:00 | USER    | Too many failed sign-ins for alice. Try again in 1 minute (at 14:05 UTC).
            14:00:00 | 15:00:00 | ADDRESS | Too many failed sign-ins from this address. Try again in 60 minutes (at 15:00 UTC).
            """)
    void theRefusalSaysWhenToTryAgain(String now, String until, Kind kind, String message) {
        SignInLock lock = new SignInLock(kind, kind == Kind.USER ? "alice" : "192.0.2.7", at(until));
        assertThat(lock.message(at(now))).isEqualTo(message);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-12-07T" + time + "Z");
    }

    /** "14:09", or hours past midnight beyond 24 for later days ("39:09" is 15:09 the next day). */
    private static String clock(Instant t) {
        long minutes = Duration.between(T0.minus(Duration.ofHours(14)), t).toMinutes();
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}

package org.paddock.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Why a sign-in was refused before its password was looked at: who or where is locked, and until when. */
public record SignInLock(SignInCounter.Kind kind, String subject, Instant until) {

    /** Request attribute holding the lock that refused this request's sign-in, for the login page to tell. */
    static final String ATTRIBUTE = "paddock.signInLock";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** "Too many failed sign-ins for alice. Try again in 4 minutes (at 14:05 UTC)": both rounded up to the minute. */
    public String message(Instant now) {
        Instant minute = until.truncatedTo(ChronoUnit.MINUTES);
        Instant at = minute.equals(until) ? until : minute.plus(Duration.ofMinutes(1));
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return "Too many failed sign-ins " + (kind == SignInCounter.Kind.USER ? "for " + subject : "from this address")
                + ". Try again in " + minutes + (minutes == 1 ? " minute" : " minutes")
                + " (at " + TIME.format(at) + " UTC).";
    }
}

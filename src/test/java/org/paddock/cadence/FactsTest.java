package org.paddock.cadence;

import org.paddock.update.Severity;
import org.paddock.update.UpdateStatus;
import org.paddock.update.UpdateType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The facts the rule reads, and the refusals of facts that cannot be. */
class FactsTest {

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static Freeze freeze(String start, String end, String reason) {
        return new Freeze(at(start), at(end), reason);
    }

    static final Freeze BETA = freeze("2026-10-01T00:00:00Z", "2026-10-25T00:00:00Z", "F45 beta freeze");
    static final Freeze FINAL = freeze("2026-10-22T00:00:00Z", "2026-12-01T00:00:00Z", "F45 final freeze");
    static final Freeze LATER = freeze("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", "F45 release day");
    static final Freeze APART = freeze("2027-01-10T00:00:00Z", "2027-01-11T00:00:00Z", "datacenter move");

    /** instant, covered by BETA? */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2026-09-30T23:59:59Z, false", "2026-10-01T00:00:00Z, true", "2026-10-24T23:59:59Z, true",
            "2026-10-25T00:00:00Z, false"})
    void aFreezeCoversFromItsStartToBeforeItsEnd(String instant, boolean covered) {
        assertThat(BETA.covers(at(instant))).isEqualTo(covered);
    }

    /** instant, reason of the freeze in effect (its end is the thaw), or empty */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", value = {
            "2026-09-30T00:00:00Z, -",
            "2026-10-10T00:00:00Z, F45 release day",
            "2026-10-23T00:00:00Z, F45 release day",
            "2026-11-30T00:00:00Z, F45 release day",
            "2026-12-01T12:00:00Z, F45 release day",
            "2026-12-02T00:00:00Z, -",
            "2027-01-10T12:00:00Z, datacenter move"})
    void overlappingAndTouchingFreezesChain(String instant, String reason) {
        ReleaseFacts f45 = new ReleaseFacts("F45", false, List.of(APART, LATER, BETA, FINAL));

        assertThat(f45.freezeAt(at(instant)).map(Freeze::reason).orElse(null)).isEqualTo(reason);
    }

    @Test
    void refusals() {
        Instant t = at("2026-10-01T00:00:00Z");
        assertThatThrownBy(() -> new Freeze(t, t, "x")).hasMessage("end: must be after start 2026-10-01T00:00:00Z, not 2026-10-01T00:00:00Z");
        assertThatThrownBy(() -> new Freeze(t, t.minusSeconds(1), "x")).hasMessageStartingWith("end: must be after start");
        assertThatThrownBy(() -> new Freeze(null, t, "x")).hasMessage("start: required");
        assertThatThrownBy(() -> new Freeze(t, null, "x")).hasMessage("end: required");
        assertThat(new Freeze(t, t.plusSeconds(1), null).reason()).isEmpty();

        assertThatThrownBy(() -> new ReleaseFacts(" ", false, List.of())).hasMessage("name: required");
        assertThatThrownBy(() -> new ReleaseFacts("F45", false, Arrays.asList(BETA, null))).hasMessage("freezes[1]: required");
        assertThat(new ReleaseFacts("F45", false, null).freezes()).isEmpty();

        assertThatThrownBy(() -> candidate(null, "moderate", "testing", t)).hasMessage("type: required");
        assertThatThrownBy(() -> candidate("bugfix", null, "testing", t)).hasMessage("severity: required");
        assertThatThrownBy(() -> candidate("bugfix", "moderate", null, t)).hasMessage("status: required");
        assertThatThrownBy(() -> candidate("bugfix", "moderate", "testing", null)).hasMessage(
                "testingSince: required for an update in testing");
        assertThatThrownBy(() -> candidate(null, "bugfix", "low", "pending", null)).hasMessage("alias: required");

        assertThatThrownBy(() -> new Gate("green", true, "")).hasMessage(
                "status: must be one of passed, failed, waiting, ignored, not 'green'");
        assertThatThrownBy(() -> new Gate("passed", false, "")).hasMessage("satisfied: a passed gate is always satisfied");
        assertThatThrownBy(() -> new Gate("failed", true, "")).hasMessage("satisfied: a failed gate is never satisfied");
        assertThatThrownBy(() -> new Gate("waiting", true, "")).hasMessage("satisfied: a waiting gate is never satisfied");

        assertThatThrownBy(() -> new Verdict(true, Verdict.Reason.FROZEN, "x", null)).hasMessage("eligible: must be false for frozen");
        assertThatThrownBy(() -> new Verdict(false, Verdict.Reason.ELIGIBLE, "x", null)).hasMessage("eligible: must be true for eligible");
        assertThatThrownBy(() -> new Verdict(true, Verdict.Reason.ELIGIBLE, "x", t))
                .hasMessage("earliest: an eligible update moves now, not at 2026-10-01T00:00:00Z");
        assertThatThrownBy(() -> new Verdict(false, Verdict.Reason.HELD, " ", null)).hasMessage("why: required");
    }

    @Test
    void theAliasIsStrippedAndABlankHoldIsNoHold() {
        Candidate c = new Candidate(" PADDOCK-2026-1a2b3c4d5e ", UpdateType.SECURITY, Severity.CRITICAL, UpdateStatus.TESTING,
                at("2026-10-01T00:00:00Z"), "  ", false);

        assertThat(c).extracting(Candidate::alias, Candidate::type, Candidate::severity, Candidate::status, Candidate::held)
                .containsExactly("PADDOCK-2026-1a2b3c4d5e", UpdateType.SECURITY, Severity.CRITICAL, UpdateStatus.TESTING, false);
        assertThat(new Gate("FAILED", false, null).summary()).isEqualTo("failed");
    }

    static Candidate candidate(String type, String severity, String status, Instant since) {
        return candidate("PADDOCK-2026-1a2b3c4d5e", type, severity, status, since);
    }

    /** A candidate from words, as the enums read them ({@code null} stays null). */
    static Candidate candidate(String alias, String type, String severity, String status, Instant since) {
        return new Candidate(alias, type == null ? null : UpdateType.fromWord(type),
                severity == null ? null : Severity.fromWord(severity), status == null ? null : UpdateStatus.fromWord(status),
                since, null, false);
    }
}

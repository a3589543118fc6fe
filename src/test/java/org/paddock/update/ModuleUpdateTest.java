package org.paddock.update;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.paddock.platform.ConflictException;
import org.paddock.platform.InvalidInputException;
import org.paddock.release.Artifact;
import org.paddock.release.ModuleBuild;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paddock.update.Fixtures.T0;
import static org.paddock.update.Fixtures.at;
import static org.paddock.update.Fixtures.bugfix;
import static org.paddock.update.Fixtures.cve;
import static org.paddock.update.Fixtures.security;

class ModuleUpdateTest {

    private final Fixtures f = new Fixtures();

    @Test
    void aNewUpdateIsPendingAndAsksForTesting() {
        ModuleUpdate u = f.submit("PADDOCK-2026-0000000001", f.build(f.nginx, 1, "nginx"), bugfix("Fix crash"));
        assertThat(u.getStatus()).isEqualTo(UpdateStatus.PENDING);
        assertThat(u.getRequest()).isEqualTo(UpdateRequest.TESTING);
        assertThat(u.getKarma()).isZero();
        assertThat(u.getSubmittedAt()).isEqualTo(T0);
        assertThat(u.getHistory()).extracting(HistoryEntry::getField, HistoryEntry::getFromValue, HistoryEntry::getToValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("status", null, "pending"),
                        org.assertj.core.groups.Tuple.tuple("request", null, "testing"));
    }

    @Test
    void aSecurityUpdateNeedsASeverityAndEveryProblemIsNamed() {
        UpdateContent bad = new UpdateContent(UpdateType.SECURITY, Severity.NONE, " ", "", null);
        assertThatThrownBy(() -> f.submit("A", f.build(f.nginx, 1, "nginx"), bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(org.paddock.platform.FieldError::field).containsExactly("severity", "title"));
    }

    @Test
    void anUpdateNeedsABuildAndOneBuildPerModuleStream() {
        assertThatThrownBy(() -> ModuleUpdate.submit("A", f.f45, List.of(), bugfix("x"), List.of(), f.alice, T0))
                .hasMessage("builds: an update needs at least one module build");
        assertThatThrownBy(() -> ModuleUpdate.submit("A", f.f45,
                List.of(f.build(f.nginx, 1, "nginx"), f.build(f.nginx, 2, "nginx")), bugfix("x"), List.of(), f.alice, T0))
                .hasMessage("builds: two builds of nginx:1.24 in one update; submit only the newest");
    }

    /** The table: state | verb | what it leads to, or "refused: " and the message. */
    private static final String LIFE_CYCLE = "/update/life-cycle.psv";

    /** The states of the table: status/request, and whether the update is held or has a window override. */
    private static final List<String> STATES = List.of("pending/testing", "pending/none", "pending/testing held",
            "testing/none", "testing/stable", "testing/unpush", "testing/revoke", "testing/testing", "testing/none held",
            "testing/none overridden", "stable/none", "unpushed/none", "revoked/none", "obsolete/none");

    /** Every verb production calls on an update (the pusher's {@code pushTo} once per place it moves updates to). */
    private static final List<String> VERBS = List.of("requestTesting", "requestStable", "cancelRequest", "unpush",
            "revoke", "edit", "replaceBuilds", "pushToTesting", "pushToStable", "pushToUnpushed", "pushToRevoked", "hold",
            "releaseHold", "overrideWindow", "obsolete");

    /**
     * Every verb from every state ({@value #LIFE_CYCLE}): what it leads to, or the one message that refuses it. The
     * states are reached with production's verbs only ({@link #inState}); {@link #theTableHasEveryVerbFromEveryState}
     * keeps the table whole.
     */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvFileSource(resources = LIFE_CYCLE, delimiter = '|')
    void lifeCycle(String from, String verb, String expected) {
        ModuleUpdate u = inState(from);
        int historyBefore = u.getHistory().size();
        Consumer<ModuleUpdate> action = switch (verb) {
            case "requestTesting" -> x -> x.requestTesting(f.alice, at(100));
            case "requestStable" -> x -> x.requestStable(f.alice, at(100));
            case "cancelRequest" -> x -> x.cancelRequest(f.alice, at(100));
            case "unpush" -> x -> x.unpush(f.alice, at(100));
            case "revoke" -> x -> x.revoke(f.alice, at(100), null);
            case "edit" -> x -> x.edit(bugfix("New title"), List.of(), f.alice, at(100));
            case "replaceBuilds" -> x -> x.replaceBuilds(List.of(f.build(f.nginx, 9, "nginx")), f.alice, at(100));
            case "pushToTesting" -> x -> x.pushTo(UpdateStatus.TESTING, "pushed", at(100));
            case "pushToStable" -> x -> x.pushTo(UpdateStatus.STABLE, "pushed", at(100));
            case "pushToUnpushed" -> x -> x.pushTo(UpdateStatus.UNPUSHED, "pushed", at(100));
            case "pushToRevoked" -> x -> x.pushTo(UpdateStatus.REVOKED, "pushed", at(100));
            case "hold" -> x -> x.hold(f.erin, "waits for the mirror sync", at(100));
            case "releaseHold" -> x -> x.releaseHold(f.erin, at(100));
            case "overrideWindow" -> x -> x.overrideWindow(f.erin, "the CVE is public", at(100));
            case "obsolete" -> x -> x.obsoleteBy(f.submit("PADDOCK-2026-cccccccccc", f.build(f.nginx, 10, "nginx"),
                    bugfix("Newest")), at(100));
            default -> throw new IllegalArgumentException(verb);
        };
        java.util.Optional<String> refusal = switch (verb) {
            case "requestTesting" -> u.refusalOf(UpdateRequest.TESTING);
            case "requestStable" -> u.refusalOf(UpdateRequest.STABLE);
            case "cancelRequest" -> u.refusalOf(UpdateRequest.NONE);
            case "unpush" -> u.refusalOf(UpdateRequest.UNPUSH);
            case "revoke" -> u.refusalOf(UpdateRequest.REVOKE);
            case "edit", "replaceBuilds" -> u.editRefusal();
            default -> null; // a push is the pusher's, not offered on the page
        };
        if (refusal != null) {
            assertThat(refusal.map(why -> "refused: " + why)).as("what the page offers agrees with the verb")
                    .isEqualTo(expected.startsWith("refused: ") ? java.util.Optional.of(expected) : java.util.Optional.empty());
        }
        if (expected.startsWith("refused: ")) {
            assertThatThrownBy(() -> action.accept(u)).isInstanceOf(ConflictException.class)
                    .hasMessage("PADDOCK-2026-aaaaaaaaaa " + expected.substring("refused: ".length()));
            assertThat(state(u)).isEqualTo(from);
            assertThat(u.getHistory()).hasSize(historyBefore);
        } else {
            action.accept(u);
            assertThat(state(u)).isEqualTo(expected);
            assertThat(u.getHistory()).as("every change is recorded").hasSizeGreaterThan(historyBefore);
            assertThat(u.getHistory().get(u.getHistory().size() - 1).getAt()).isEqualTo(at(100));
        }
    }

    @Test
    void theTableHasEveryVerbFromEveryState() throws Exception {
        String table;
        try (var in = getClass().getResourceAsStream(LIFE_CYCLE)) {
            table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> rows = table.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\\|")[0].strip() + " + " + l.split("\\|")[1].strip()).toList();
        List<String> every = STATES.stream().flatMap(s -> VERBS.stream().map(v -> s + " + " + v)).toList();
        assertThat(rows).containsExactlyElementsOf(every);
    }

    /** An update in {@code state}, reached by the verbs production uses. */
    private ModuleUpdate inState(String state) {
        ModuleUpdate u = f.submit("PADDOCK-2026-aaaaaaaaaa", f.build(f.nginx, 1, "nginx"), bugfix("Fix"));
        switch (state) {
            case "pending/testing" -> { }
            case "pending/none" -> u.cancelRequest(f.alice, at(1));
            case "pending/testing held" -> u.hold(f.erin, "waits for the release notes", at(1));
            case "testing/none" -> toTesting(u);
            case "testing/stable" -> { toTesting(u); u.requestStable(f.alice, at(2)); }
            case "testing/unpush" -> { toTesting(u); u.unpush(f.alice, at(2)); }
            case "testing/revoke" -> { toTesting(u); u.revoke(f.alice, at(2), "broken"); }
            case "testing/testing" -> { toTesting(u); u.replaceBuilds(List.of(f.build(f.nginx, 5, "nginx")), f.alice, at(2)); }
            case "testing/none held" -> { toTesting(u); u.hold(f.erin, "waits for the release notes", at(2)); }
            case "testing/none overridden" -> { toTesting(u); u.overrideWindow(f.erin, "release day", at(2)); }
            case "stable/none" -> { toTesting(u); u.pushTo(UpdateStatus.STABLE, "pushed", at(3)); }
            case "unpushed/none" -> { toTesting(u); u.unpush(f.alice, at(2)); u.pushTo(UpdateStatus.UNPUSHED, "pushed", at(3)); }
            case "revoked/none" -> u.revoke(f.alice, at(1), null);
            case "obsolete/none" -> u.obsoleteBy(f.submit("PADDOCK-2026-bbbbbbbbbb", f.build(f.nginx, 2, "nginx"), bugfix("Newer")), at(1));
            default -> throw new IllegalArgumentException(state);
        }
        assertThat(state(u)).isEqualTo(state);
        return u;
    }

    private static void toTesting(ModuleUpdate u) {
        u.pushTo(UpdateStatus.TESTING, "pushed", at(1));
    }

    private static String state(ModuleUpdate u) {
        return u.getStatus().word() + "/" + u.getRequest().word() + (u.getHoldReason() != null ? " held" : "")
                + (u.getWindowOverride() != null ? " overridden" : "");
    }

    @Test
    void pushesStampTheDatesOfTestingAndStable() {
        ModuleUpdate u = f.submit("A", f.build(f.nginx, 1, "nginx"), bugfix("Fix"));
        u.pushTo(UpdateStatus.TESTING, "pushed", at(10));
        u.requestStable(f.bob, at(20));
        u.pushTo(UpdateStatus.STABLE, "pushed", at(30));
        assertThat(u.getTestingAt()).isEqualTo(at(10));
        assertThat(u.getStableAt()).isEqualTo(at(30));
        assertThat(u.getHistory()).filteredOn(h -> h.getField().equals("status"))
                .extracting(HistoryEntry::getToValue, HistoryEntry::getActorName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pending", "alice"),
                        org.assertj.core.groups.Tuple.tuple("testing", "paddock"),
                        org.assertj.core.groups.Tuple.tuple("stable", "paddock"));
    }

    @Test
    void onlyEachPersonsLatestVoteCountsAndTheSubmittersCountsZero() {
        ModuleUpdate u = f.submit("A", f.build(f.nginx, 1, "nginx"), bugfix("Fix"));
        u.comment(f.bob, "works", 1, at(1));
        u.comment(f.carol, "works too", 1, at(2));
        assertThat(u.getKarma()).isEqualTo(2);
        u.comment(f.bob, "actually broken", -1, at(3));
        assertThat(u.getKarma()).isZero();
        u.comment(f.alice, "my own update is great", 1, at(4));
        assertThat(u.getKarma()).as("the submitter's vote counts 0").isZero();
        u.comment(f.dave, "just a note", 0, at(5));
        assertThat(u.getKarma()).isZero();
        u.comment(f.bob, "fixed after all", 1, at(6));
        assertThat(u.getKarma()).isEqualTo(2);
        assertThat(u.getComments()).hasSize(6);
        assertThat(u.getHistory()).filteredOn(h -> h.getField().equals("karma"))
                .extracting(HistoryEntry::getToValue).containsExactly("1", "2", "0", "2");
    }

    @Test
    void karmaStartsAgainWhenTheBuildsChange() {
        ModuleUpdate u = f.submit("A", f.build(f.nginx, 1, "nginx"), bugfix("Fix"));
        u.comment(f.bob, "works", 1, at(1));
        u.comment(f.carol, "works", 1, at(2));
        u.replaceBuilds(List.of(f.build(f.nginx, 2, "nginx")), f.alice, at(3));
        assertThat(u.getKarma()).isZero();
        u.comment(f.dave, "new build works", 1, at(4));
        assertThat(u.getKarma()).as("votes on the old builds no longer count").isEqualTo(1);
        assertThat(u.getHistory()).filteredOn(h -> h.getField().equals("builds")).singleElement()
                .satisfies(h -> assertThat(h.getToValue()).isEqualTo("nginx:1.24:2:abcd1234:x86_64"));
    }

    @Test
    void aCommentNeedsTextOrAVoteAndAVoteIsMinusOneToOne() {
        ModuleUpdate u = f.submit("A", f.build(f.nginx, 1, "nginx"), bugfix("Fix"));
        assertThatThrownBy(() -> u.comment(f.bob, "  ", 0, at(1))).hasMessage("text: a comment needs text or a karma vote");
        assertThatThrownBy(() -> u.comment(f.bob, "x", 2, at(1))).hasMessage("karma: must be -1, 0 or 1, not 2");
        assertThat(u.getComments()).isEmpty();
    }

    @Test
    void referencesNameThePackagesThatFixThemAndOnlyPackagesOfTheUpdate() {
        ModuleBuild b = f.build(f.nginx, 1, "nginx", "nginx-mod-http-perl");
        Artifact perl = b.getArtifacts().get(1);
        ModuleUpdate u = f.submit("A", b, security(Severity.IMPORTANT), cve("cve-2026-10001", perl), cve("CVE-2026-10002"));
        assertThat(u.getReferences()).extracting(UpdateReference::getRefId).containsExactly("CVE-2026-10001", "CVE-2026-10002");
        assertThat(u.getReferences().get(0).getFixedIn()).containsExactly(perl);
        assertThat(u.getReferences().get(0).getUrl()).isEqualTo("https://www.cve.org/CVERecord?id=CVE-2026-10001");

        Artifact foreign = f.build(f.ruby, 1, "ruby").getArtifacts().get(0);
        assertThatThrownBy(() -> u.edit(security(Severity.IMPORTANT), List.of(cve("CVE-2026-10003", foreign)), f.alice, at(1)))
                .hasMessageContaining("is not a package of this update");
    }

    @Test
    void aNewerUpdateKeepsTheReferencesAndHigherSecuritySeverityOfTheOneItObsoletes() {
        ModuleBuild old = f.build(f.nginx, 1, "nginx", "nginx-mod-http-perl");
        ModuleUpdate older = f.submit("OLD", old, security(Severity.CRITICAL), cve("CVE-2026-1111", old.getArtifacts().get(1)));
        older.pushTo(UpdateStatus.TESTING, "pushed", at(1));
        ModuleBuild newBuild = f.build(f.nginx, 2, "nginx", "nginx-mod-http-perl");
        ModuleUpdate newer = ModuleUpdate.submit("NEW", f.f45, List.of(newBuild), bugfix("Rebase"), List.of(), f.alice, at(2));

        older.obsoleteBy(newer, at(2));

        assertThat(older.getStatus()).isEqualTo(UpdateStatus.OBSOLETE);
        assertThat(older.getObsoletedBy()).isSameAs(newer);
        assertThat(older.getReferences()).as("kept").hasSize(1);
        assertThat(newer.getType()).isEqualTo(UpdateType.SECURITY);
        assertThat(newer.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(newer.getReferences()).singleElement().satisfies(r -> {
            assertThat(r.getRefId()).isEqualTo("CVE-2026-1111");
            assertThat(r.getFixedIn()).as("mapped to the newer build's package of the same name")
                    .containsExactly(newBuild.getArtifacts().get(1));
        });
        assertThat(newer.getHistory()).anySatisfy(h -> assertThat(h.getReason()).isEqualTo("inherited from obsoleted OLD"));
    }

    @Test
    void obsoletingNeverLowersASeverity() {
        ModuleUpdate older = f.submit("OLD", f.build(f.nginx, 1, "nginx"), security(Severity.LOW));
        ModuleUpdate newer = ModuleUpdate.submit("NEW", f.f45, List.of(f.build(f.nginx, 2, "nginx")),
                security(Severity.IMPORTANT), List.of(), f.alice, at(2));
        older.obsoleteBy(newer, at(2));
        assertThat(newer.getSeverity()).isEqualTo(Severity.IMPORTANT);
    }
}

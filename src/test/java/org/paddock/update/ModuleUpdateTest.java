package org.paddock.update;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** Every verb from every state: what it leads to, or the one message that refuses it. */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            pending/testing  | requestTesting | refused: already asks to go to testing
            pending/testing  | requestStable  | refused: is pending: it must be in testing before it can go to stable
            pending/testing  | cancelRequest  | pending/none
            pending/testing  | unpush         | refused: is pending: only an update in testing can be unpushed
            pending/testing  | revoke         | revoked/none
            pending/testing  | push           | testing/none
            pending/testing  | edit           | pending/testing
            pending/testing  | replaceBuilds  | pending/testing
            pending/none     | requestTesting | pending/testing
            pending/none     | requestStable  | refused: is pending: it must be in testing before it can go to stable
            pending/none     | cancelRequest  | refused: asks for nothing, so there is no request to cancel
            pending/none     | revoke         | revoked/none
            pending/none     | push           | refused: asks for nothing, so there is nothing to push
            pending/none     | replaceBuilds  | pending/testing
            testing/none     | requestTesting | refused: is already in testing
            testing/none     | requestStable  | testing/stable
            testing/none     | cancelRequest  | refused: asks for nothing, so there is no request to cancel
            testing/none     | unpush         | testing/unpush
            testing/none     | revoke         | testing/revoke
            testing/none     | edit           | testing/none
            testing/none     | replaceBuilds  | testing/testing
            testing/none     | push           | refused: asks for nothing, so there is nothing to push
            testing/stable   | requestStable  | refused: already asks to go to stable
            testing/stable   | cancelRequest  | testing/none
            testing/stable   | unpush         | testing/unpush
            testing/stable   | push           | stable/none
            testing/unpush   | requestStable  | refused: asks to be unpushed; cancel that request first
            testing/unpush   | unpush         | refused: already asks to be unpushed
            testing/unpush   | push           | unpushed/none
            testing/revoke   | revoke         | refused: already asks to be revoked
            testing/revoke   | requestStable  | refused: asks to be revoked; cancel that request first
            testing/revoke   | push           | revoked/none
            testing/testing  | requestStable  | refused: has new builds waiting to be pushed to testing; they must reach testing first
            testing/testing  | push           | testing/none
            stable/none      | requestTesting | refused: is stable and cannot go to testing
            stable/none      | requestStable  | refused: is stable and cannot go to stable
            stable/none      | unpush         | refused: is stable: a stable update cannot be unpushed
            stable/none      | revoke         | refused: is stable: a stable update cannot be revoked; submit a new update instead
            stable/none      | edit           | refused: is stable and cannot be edited; submit a new update instead
            stable/none      | replaceBuilds  | refused: is stable and cannot be edited; submit a new update instead
            unpushed/none    | requestTesting | unpushed/testing
            unpushed/none    | requestStable  | refused: was unpushed: request testing again first
            unpushed/none    | unpush         | refused: is unpushed: only an update in testing can be unpushed
            unpushed/none    | revoke         | refused: is unpushed and cannot be revoked
            unpushed/none    | edit           | unpushed/none
            unpushed/none    | replaceBuilds  | pending/testing
            revoked/none     | requestTesting | refused: is revoked and cannot go to testing
            revoked/none     | revoke         | refused: is revoked and cannot be revoked
            revoked/none     | edit           | refused: is revoked and cannot be edited; submit a new update instead
            obsolete/none    | requestTesting | refused: is obsolete and cannot go to testing
            obsolete/none    | requestStable  | refused: is obsolete and cannot go to stable
            obsolete/none    | revoke         | refused: is obsolete and cannot be revoked
            obsolete/none    | replaceBuilds  | refused: is obsolete and cannot be edited; submit a new update instead
            """)
    void lifeCycle(String from, String verb, String expected) {
        ModuleUpdate u = inState(from);
        int historyBefore = u.getHistory().size();
        Consumer<ModuleUpdate> action = switch (verb) {
            case "requestTesting" -> x -> x.requestTesting(f.alice, at(100));
            case "requestStable" -> x -> x.requestStable(f.alice, at(100));
            case "cancelRequest" -> x -> x.cancelRequest(f.alice, at(100));
            case "unpush" -> x -> x.unpush(f.alice, at(100));
            case "revoke" -> x -> x.revoke(f.alice, at(100), null);
            case "push" -> x -> x.pushed(at(100));
            case "edit" -> x -> x.edit(bugfix("New title"), List.of(), f.alice, at(100));
            case "replaceBuilds" -> x -> x.replaceBuilds(List.of(f.build(f.nginx, 9, "nginx")), f.alice, at(100));
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

    private ModuleUpdate inState(String state) {
        ModuleUpdate u = f.submit("PADDOCK-2026-aaaaaaaaaa", f.build(f.nginx, 1, "nginx"), bugfix("Fix"));
        switch (state) {
            case "pending/testing" -> { }
            case "pending/none" -> u.cancelRequest(f.alice, at(1));
            case "testing/none" -> u.pushed(at(1));
            case "testing/stable" -> { u.pushed(at(1)); u.requestStable(f.alice, at(2)); }
            case "testing/unpush" -> { u.pushed(at(1)); u.unpush(f.alice, at(2)); }
            case "testing/revoke" -> { u.pushed(at(1)); u.revoke(f.alice, at(2), "broken"); }
            case "testing/testing" -> { u.pushed(at(1)); u.replaceBuilds(List.of(f.build(f.nginx, 5, "nginx")), f.alice, at(2)); }
            case "stable/none" -> { u.pushed(at(1)); u.requestStable(f.alice, at(2)); u.pushed(at(3)); }
            case "unpushed/none" -> { u.pushed(at(1)); u.unpush(f.alice, at(2)); u.pushed(at(3)); }
            case "revoked/none" -> u.revoke(f.alice, at(1), null);
            case "obsolete/none" -> u.obsoleteBy(f.submit("PADDOCK-2026-bbbbbbbbbb", f.build(f.nginx, 2, "nginx"), bugfix("Newer")), at(1));
            default -> throw new IllegalArgumentException(state);
        }
        assertThat(state(u)).isEqualTo(state);
        return u;
    }

    private static String state(ModuleUpdate u) {
        return u.getStatus().word() + "/" + u.getRequest().word();
    }

    @Test
    void pushesStampTheDatesOfTestingAndStable() {
        ModuleUpdate u = f.submit("A", f.build(f.nginx, 1, "nginx"), bugfix("Fix"));
        u.pushed(at(10));
        u.requestStable(f.bob, at(20));
        u.pushed(at(30));
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
        older.pushed(at(1));
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

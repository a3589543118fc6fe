package org.paddock.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paddock.platform.ForbiddenException;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may do what: one row per person, one column per action, read as the table in {@link Permissions}' javadoc. */
class PermissionsTest {

    private static final Group NGINX = new Group("nginx-maintainers", "");
    private static final Group RUBY = new Group("ruby-maintainers", "");
    private static final List<Permissions.Owned> NGINX_STREAM = List.of(new Permissions.Owned("nginx:1.24", NGINX));

    private static final Map<String, User> PEOPLE = Map.of(
            "alice", user("alice", Set.of(Role.MAINTAINER), NGINX),
            "bob", user("bob", Set.of(Role.MAINTAINER), RUBY),
            "erin", user("erin", Set.of(Role.POLICY_EDITOR), null),
            "admin", user("admin", Set.of(Role.ADMIN), null),
            "ci", user("ci", Set.of(Role.CI), null),
            "gone", deactivated(user("gone", Set.of(Role.ADMIN), NGINX)),
            "nobody", user("nobody", Set.of(), NGINX));

    private static final Map<String, BiPredicate<User, List<Permissions.Owned>>> ACTIONS = Map.of(
            "maintain", Permissions::mayMaintain,
            "hold", Permissions::mayHold,
            "override", (u, s) -> Permissions.mayOverrideWindow(u),
            "policies", (u, s) -> Permissions.mayEditPolicies(u),
            "waive", (u, s) -> Permissions.mayWaive(u),
            "cadence", (u, s) -> Permissions.mayEditCadence(u),
            "results", (u, s) -> Permissions.mayPostResults(u),
            "push", (u, s) -> Permissions.mayPush(u),
            "webhooks", (u, s) -> Permissions.mayManageWebhooks(u),
            "users", (u, s) -> Permissions.mayManageUsers(u));

    /** The actions are on nginx:1.24, owned by nginx-maintainers (alice's group, not bob's). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # who    | allowed (everything else is refused)
            alice    | maintain hold
            bob      |
            erin     | hold override policies waive cadence
            admin    | maintain hold override policies waive cadence results push webhooks users
            ci       | results
            gone     |
            nobody   |
            """)
    void whoMayDoWhat(String who, String allowed) {
        Set<String> yes = allowed == null ? Set.of() : Set.of(allowed.trim().split("\\s+"));
        assertThat(ACTIONS.keySet()).containsAll(yes);
        ACTIONS.forEach((action, may) -> assertThat(may.test(PEOPLE.get(who), NGINX_STREAM))
                .as("%s may %s", who, action).isEqualTo(yes.contains(action)));
    }

    @Test
    void aMaintainerMustBeInTheGroupOfEveryStreamAndNothingOwnedMeansNothingToMaintain() {
        User alice = PEOPLE.get("alice");
        List<Permissions.Owned> both = List.of(NGINX_STREAM.get(0), new Permissions.Owned("ruby:3.3", RUBY));
        assertThat(Permissions.mayMaintain(alice, both)).isFalse();
        assertThat(Permissions.mayHold(alice, both)).isFalse();
        assertThat(Permissions.mayMaintain(alice, List.of())).isFalse();
        assertThat(Permissions.mayMaintain(alice, List.of(new Permissions.Owned("orphan:1", null)))).isFalse();
        assertThat(Permissions.mayMaintain(PEOPLE.get("admin"), List.of())).isTrue();
        assertThat(Permissions.mayMaintain(null, NGINX_STREAM)).isFalse();
    }

    @Test
    void tokensAreRevokedByTheirOwnerOrAnAdmin() {
        User alice = PEOPLE.get("alice");
        assertThat(Permissions.mayRevokeToken(alice, alice)).isTrue();
        assertThat(Permissions.mayRevokeToken(PEOPLE.get("bob"), alice)).isFalse();
        assertThat(Permissions.mayRevokeToken(PEOPLE.get("admin"), alice)).isTrue();
    }

    @Test
    void aRefusalSaysWhoMayAndWhichGroupOwnsTheStreams() {
        assertThatThrownBy(() -> Permissions.requireMaintain(PEOPLE.get("bob"), NGINX_STREAM, "edit PADDOCK-1"))
                .isInstanceOf(ForbiddenException.class).hasMessage("bob may not edit PADDOCK-1: only admins and "
                        + "maintainers in the group owning nginx:1.24 (nginx-maintainers) may");
        assertThatThrownBy(() -> Permissions.requireHold(PEOPLE.get("bob"), NGINX_STREAM, "hold PADDOCK-1"))
                .hasMessage("bob may not hold PADDOCK-1: only admins, policy editors and maintainers in the group "
                        + "owning nginx:1.24 (nginx-maintainers) may");
        assertThatThrownBy(() -> Permissions.requireWaive(PEOPLE.get("alice")))
                .hasMessage("alice may not waive: only policy editors and admins may");
        assertThatThrownBy(() -> Permissions.requirePostResults(PEOPLE.get("erin")))
                .hasMessage("erin may not post results: only CI accounts and admins may");
        Permissions.requireHold(PEOPLE.get("erin"), NGINX_STREAM, "hold PADDOCK-1");
    }

    private static User user(String name, Set<Role> roles, Group group) {
        return new User(name, name, name + "@example.org", "hash", roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles,
                group == null ? Set.of() : Set.of(group), Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static User deactivated(User u) {
        u.deactivate();
        return u;
    }
}

package org.paddock.platform.security;

import org.paddock.platform.ForbiddenException;

import java.util.Collection;
import java.util.Objects;

/**
 * Every "may this person do this" answer in one place: services refuse with the {@code require…} methods, pages
 * render their buttons from the same {@code may…} answers (through {@link CurrentUser} or a backing bean).
 * It sits in platform, beneath every feature, because webhooks and users (platform) ask it too; what a feature
 * owns therefore comes in as {@link Owned} (a module stream's name and owner group), not as a feature's entity.
 * A user who is missing or deactivated may do nothing.
 */
public final class Permissions {

    private static final String EDITORS = "policy editors and admins";

    private Permissions() {
    }

    /** A module stream as far as permissions care: its name (for the refusal) and the group that owns it (or null). */
    public record Owned(String name, Group owner) {
        public Owned {
            Objects.requireNonNull(name);
        }

        String described() {
            return name + " (" + (owner == null ? "no group" : owner.getName()) + ")";
        }
    }

    // --- the answers -----------------------------------------------------------------------------------

    /**
     * Submit, edit, request testing/stable, unpush, revoke, import builds: admins, and maintainers in the groups
     * owning every one of the streams (nothing owned means nothing to maintain).
     */
    public static boolean mayMaintain(User user, Collection<Owned> streams) {
        if (!active(user)) {
            return false;
        }
        if (user.has(Role.ADMIN)) {
            return true;
        }
        return user.has(Role.MAINTAINER) && !streams.isEmpty()
                && streams.stream().allMatch(s -> user.isMemberOf(s.owner()));
    }

    /** Hold an update where it is, or lift the hold: its maintainers, policy editors and admins. */
    public static boolean mayHold(User user, Collection<Owned> streams) {
        return mayMaintain(user, streams) || mayEditPolicies(user);
    }

    /** Let an update in testing go stable outside its cadence's windows: policy editors and admins. */
    public static boolean mayOverrideWindow(User user) {
        return mayEditPolicies(user);
    }

    /** Write policies: policy editors and admins. */
    public static boolean mayEditPolicies(User user) {
        return active(user) && (user.has(Role.POLICY_EDITOR) || user.has(Role.ADMIN));
    }

    /** Waive a failed or missing result (or revoke a waiver): policy editors and admins. */
    public static boolean mayWaive(User user) {
        return mayEditPolicies(user);
    }

    /** Change a module's or a release's cadence, freeze a release or end a freeze: policy editors and admins. */
    public static boolean mayEditCadence(User user) {
        return mayEditPolicies(user);
    }

    /** Post test results: CI accounts and admins. */
    public static boolean mayPostResults(User user) {
        return active(user) && (user.has(Role.CI) || user.has(Role.ADMIN));
    }

    /** Start a push by hand (pushes also run every minute on their own): admins. */
    public static boolean mayPush(User user) {
        return mayAdminister(user);
    }

    /** Subscribe, change and remove webhooks: admins. */
    public static boolean mayManageWebhooks(User user) {
        return mayAdminister(user);
    }

    /** Create and change users, roles and groups: admins. */
    public static boolean mayManageUsers(User user) {
        return mayAdminister(user);
    }

    /** Create, edit and branch releases: admins. */
    public static boolean mayManageReleases(User user) {
        return mayAdminister(user);
    }

    /** Revoke an API token: its owner, and admins. */
    public static boolean mayRevokeToken(User user, User owner) {
        return active(user) && (user.equals(owner) || user.has(Role.ADMIN));
    }

    /** What only admins do. */
    public static boolean mayAdminister(User user) {
        return active(user) && user.has(Role.ADMIN);
    }

    // --- the refusals (403 through ForbiddenException) -----------------------------------------------------

    public static void requireMaintain(User user, Collection<Owned> streams, String what) {
        require(mayMaintain(user, streams), user, what, "admins and maintainers in the group owning " + owners(streams));
    }

    public static void requireHold(User user, Collection<Owned> streams, String what) {
        require(mayHold(user, streams), user, what, "admins, policy editors and maintainers in the group owning "
                + owners(streams));
    }

    public static void requireOverrideWindow(User user, String what) {
        require(mayOverrideWindow(user), user, what, EDITORS);
    }

    public static void requireEditPolicies(User user) {
        require(mayEditPolicies(user), user, "change policies", EDITORS);
    }

    public static void requireWaive(User user) {
        require(mayWaive(user), user, "waive", EDITORS);
    }

    public static void requireEditCadence(User user, String what) {
        require(mayEditCadence(user), user, what, EDITORS);
    }

    public static void requirePostResults(User user) {
        require(mayPostResults(user), user, "post results", "CI accounts and admins");
    }

    public static void requirePush(User user) {
        require(mayPush(user), user, "start a push by hand (pushes also run every minute)", "admins");
    }

    public static void requireManageWebhooks(User user) {
        require(mayManageWebhooks(user), user, "manage webhooks", "admins");
    }

    public static void requireManageReleases(User user, String what) {
        require(mayManageReleases(user), user, what, "admins");
    }

    public static void requireManageUsers(User user) {
        require(mayManageUsers(user), user, "manage users", "admins");
    }

    private static void require(boolean allowed, User user, String what, String who) {
        if (!allowed) {
            String name = user == null ? "someone not signed in" : user.getUsername();
            throw new ForbiddenException(name + " may not " + what + ": only " + who + " may");
        }
    }

    private static String owners(Collection<Owned> streams) {
        return streams.stream().map(Owned::described).distinct().sorted()
                .reduce((a, b) -> a + ", " + b).orElse("the module streams");
    }

    private static boolean active(User user) {
        return user != null && user.isActive();
    }
}

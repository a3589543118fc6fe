package org.paddock.release;

import org.paddock.platform.ForbiddenException;
import org.paddock.platform.security.Role;
import org.paddock.platform.security.User;

import java.util.Collection;

/** Who may act on what: admins on everything, maintainers on the module streams their groups own. */
public final class Access {

    private Access() {
    }

    public static boolean mayActOn(User user, Collection<ModuleStream> streams) {
        if (user == null || !user.isActive()) {
            return false;
        }
        if (user.isAdmin()) {
            return true;
        }
        return user.has(Role.MAINTAINER) && !streams.isEmpty()
                && streams.stream().allMatch(s -> user.isMemberOf(s.getOwnerGroup()));
    }

    public static void requireActOn(User user, Collection<ModuleStream> streams, String what) {
        if (!mayActOn(user, streams)) {
            throw new ForbiddenException(user.getUsername() + " may not " + what + ": only admins and maintainers in the "
                    + "group owning " + streams.stream().map(s -> s.getNameStream() + " (" + owner(s) + ")")
                    .distinct().sorted().reduce((a, b) -> a + ", " + b).orElse("the module streams") + " may");
        }
    }

    private static String owner(ModuleStream s) {
        return s.getOwnerGroup() == null ? "no group" : s.getOwnerGroup().getName();
    }
}

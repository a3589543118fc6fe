package org.paddock.platform;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Looking through an exception's chain of causes, for what the container, JTA, EJB, EL and Hibernate wrap: the one
 * walk every error answer (REST, pages, filters) uses. It stops on a cause that is itself or was seen before.
 */
public final class Causes {

    private Causes() {
    }

    /** The first throwable in {@code thrown}'s chain (itself included) that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** Whether anything in {@code thrown}'s chain (itself included) is what {@code test} looks for. */
    public static boolean any(Throwable thrown, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}

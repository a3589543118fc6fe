package org.paddock.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which module streams are active on a host, in dnf's words: a stream is active when it is enabled, or when it is
 * its module's default stream and the module is not disabled (and no other stream of it is enabled); the client
 * also counts a stream as active when an installed package's {@code MODULARITYLABEL} names it, as the package came
 * from it whatever modules.d says now.
 */
public final class ModuleStates {

    private final Map<String, String> enabled = new LinkedHashMap<>();
    private final Set<String> disabled = new LinkedHashSet<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Set<String> labelled = new LinkedHashSet<>();

    /** {@code name} has {@code stream} enabled (the last word wins, as a later {@code dnf module enable} would). */
    public void enable(String name, String stream) {
        enabled.put(name, stream);
        disabled.remove(name);
    }

    public void disable(String name) {
        disabled.add(name);
        enabled.remove(name);
    }

    /** {@code stream} is {@code name}'s default, from a modulemd-defaults document. A known default is kept. */
    public void defaultStream(String name, String stream) {
        defaults.putIfAbsent(name, stream);
    }

    /** An installed package was built in {@code name:stream}. */
    public void labelledBy(String nameStream) {
        labelled.add(nameStream);
    }

    public boolean isActive(String name, String stream) {
        if (labelled.contains(name + ":" + stream)) {
            return true;
        }
        if (enabled.containsKey(name)) {
            return enabled.get(name).equals(stream);
        }
        return !disabled.contains(name) && stream.equals(defaults.get(name));
    }

    /** Whether dnf would consider the stream active (the labels left out). */
    public boolean isEnabledOrDefault(String name, String stream) {
        if (enabled.containsKey(name)) {
            return enabled.get(name).equals(stream);
        }
        return !disabled.contains(name) && stream.equals(defaults.get(name));
    }

    public Map<String, String> enabled() {
        return Collections.unmodifiableMap(enabled);
    }

    public Set<String> disabled() {
        return Collections.unmodifiableSet(disabled);
    }

    public Map<String, String> defaults() {
        return Collections.unmodifiableMap(defaults);
    }
}

package org.paddock.update;

import org.paddock.release.ModuleBuild;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an event about an update carries: enough for a listener (CI, a mirror) to act without asking back. */
public final class Events {

    private Events() {
    }

    public static Map<String, Object> about(ModuleUpdate u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("update", u.getAlias());
        m.put("release", u.getRelease().getName());
        m.put("status", u.getStatus().word());
        m.put("type", u.getType().word());
        m.put("severity", u.getSeverity().word());
        m.put("title", u.getTitle());
        m.put("submitter", u.getSubmitter().getUsername());
        m.put("builds", u.getBuilds().stream().map(ModuleBuild::nsvca).toList());
        return m;
    }
}

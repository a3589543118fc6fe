package org.paddock.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code summary}: how many advisories apply, by type, security ones by severity — as dnf updateinfo summary. */
public record Summary(Map<String, Long> counts) {

    private static final List<String> SEVERITIES = List.of("Critical", "Important", "Moderate", "Low");

    public static Summary of(List<Advisory> applying) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Advisory a : applying) {
            counts.merge(a.type(), 1L, Long::sum);
            if ("security".equals(a.type())) {
                String sev = a.severityWord();
                counts.merge("security/" + (sev == null || !SEVERITIES.contains(sev) ? "Unknown" : sev), 1L, Long::sum);
            }
        }
        return new Summary(counts);
    }

    public List<String> text() {
        List<String> out = new ArrayList<>();
        if (counts.isEmpty()) {
            return out;
        }
        out.add("Updates Information Summary: available");
        if (counts.containsKey("security")) {
            out.add(String.format("%5d Security notice(s)", counts.get("security")));
            for (String sev : List.of("Critical", "Important", "Moderate", "Low", "Unknown")) {
                Long n = counts.get("security/" + sev);
                if (n != null) {
                    out.add(String.format("%9d %s Security notice(s)", n, sev));
                }
            }
        }
        for (String[] t : List.of(new String[] {"bugfix", "Bugfix"}, new String[] {"enhancement", "Enhancement"},
                new String[] {"newpackage", "New Package"})) {
            Long n = counts.get(t[0]);
            if (n != null) {
                out.add(String.format("%5d %s notice(s)", n, t[1]));
            }
        }
        return out;
    }
}

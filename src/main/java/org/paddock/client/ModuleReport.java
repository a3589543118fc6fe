package org.paddock.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code modules}: every module stream on the host that needs an update — the question dnf never answers — with each
 * advisory that applies to it (id, severity, CVEs, link) and, verbose, the packages inside: installed → fixed.
 */
public final class ModuleReport {

    /**
     * One package of the stream an advisory fixes: what is installed and what fixes it.
     *
     * @param ownerRpm for a gem, wheel or jar an RPM holds, that RPM's name; {@code null} otherwise
     */
    public record Package(String kind, String name, String installed, String fixed, List<String> cves, String ownerRpm) {
    }

    /** One advisory of a stream, with the packages it updates there. */
    public record Item(Advisory advisory, List<Package> packages) {

        public String id() {
            return advisory.id();
        }
    }

    /** A module stream that needs an update. */
    public record Stream(String module, List<Item> advisories) {
    }

    private ModuleReport() {
    }

    public static List<Stream> of(List<Applicability.Match> matches) {
        Map<String, Map<Advisory, List<Package>>> byStream = new LinkedHashMap<>();
        for (Applicability.Match m : matches) {
            if (m.state() != Applicability.State.AVAILABLE || m.moduleStream() == null) {
                continue;
            }
            byStream.computeIfAbsent(m.moduleStream(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(m.advisory(), k -> new ArrayList<>())
                    .add(new Package(m.fix().kind(), m.fix().name(), m.installed().version(), m.fix().version(),
                            m.cves(), m.installed().ownerRpm()));
        }
        List<Stream> streams = new ArrayList<>();
        byStream.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> streams.add(new Stream(e.getKey(),
                e.getValue().entrySet().stream().map(a -> new Item(a.getKey(), a.getValue()))
                        .sorted(Comparator.comparing(Item::id)).toList())));
        return streams;
    }

    public static List<String> text(List<Stream> streams, boolean verbose) {
        List<String> out = new ArrayList<>();
        if (streams.isEmpty()) {
            out.add("No module stream needs an update.");
            return out;
        }
        for (Stream s : streams) {
            out.add(s.module() + "  (" + s.advisories().size() + " advisor" + (s.advisories().size() == 1 ? "y" : "ies") + ")");
            for (Item i : s.advisories()) {
                Advisory a = i.advisory();
                List<String> cves = a.ids("cve");
                out.add("  " + a.id() + "  " + Listing.label(a) + (cves.isEmpty() ? "" : "  " + String.join(" ", cves))
                        + (a.url() == null ? "" : "  " + a.url()));
                if (verbose) {
                    for (Package p : i.packages()) {
                        out.add("      " + p.name() + ("rpm".equals(p.kind()) ? ""
                                : " (" + p.kind() + (p.ownerRpm() == null ? "" : ", in " + p.ownerRpm()) + ")") + "  "
                                + p.installed() + " → " + p.fixed()
                                + (p.cves().isEmpty() ? "" : "  fixes " + String.join(" ", p.cves())));
                    }
                }
            }
        }
        return out;
    }
}

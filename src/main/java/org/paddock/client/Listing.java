package org.paddock.client;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code list}: the advisory packages that concern the host, one row each, chosen and written as
 * {@code dnf updateinfo list} chooses and writes them — so a sysadmin reads the same words, and a test can hold the
 * two side by side.
 */
public final class Listing {

    /** Which rows: dnf's {@code --available} (the default), {@code --installed}, {@code --all}. */
    public enum Which { AVAILABLE, INSTALLED, ALL }

    /**
     * What to list. Empty sets mean "any".
     *
     * @param types      {@code security}, {@code bugfix}, {@code enhancement}, {@code newpackage}
     * @param severities as advisories write them, any case
     * @param ids        {@code --with-cve} or {@code --with-bz}: rows per CVE or per Bugzilla id instead of advisory
     */
    public record Filter(Which which, Set<String> types, Set<String> cves, Set<String> bugs, Set<String> severities,
                         String ids) {

        public static Filter all() {
            return new Filter(Which.ALL, Set.of(), Set.of(), Set.of(), Set.of(), null);
        }

        boolean accepts(Advisory a) {
            return (types.isEmpty() || types.contains(a.type()))
                    && (cves.isEmpty() || a.ids("cve").stream().anyMatch(cves::contains))
                    && (bugs.isEmpty() || a.ids("bugzilla").stream().anyMatch(bugs::contains))
                    && (severities.isEmpty() || (a.severity() != null && severities.stream()
                    .anyMatch(s -> s.equalsIgnoreCase(a.severity()))));
        }

        boolean shows(Applicability.State state) {
            return which == Which.ALL || (which == Which.AVAILABLE) == (state == Applicability.State.AVAILABLE);
        }
    }

    /** One row: {@code installed} marks an advisory package already installed (dnf's {@code i}, with --all). */
    public record Row(boolean installed, String id, String label, String nevra, Applicability.Match match) {
    }

    private Listing() {
    }

    public static List<Row> rows(List<Applicability.Match> matches, Filter filter) {
        return sorted(Halves.map(matches, some -> {
            Rows rows = new Rows(filter, some.size());
            for (Applicability.Match m : some) {
                rows.add(m);
            }
            return rows.list;
        }));
    }

    /** The rows being made; one match at a time, in a method a short run compiles instead of interpreting a loop. */
    private static final class Rows {
        final Filter filter;
        final List<Row> list;
        final Map<Advisory, String> labels;
        final Map<Advisory.Fix, String> nevras; // an index run shares one Fix per package

        Rows(Filter filter, int expected) {
            this.filter = filter;
            this.list = new ArrayList<>(expected);
            this.labels = new IdentityHashMap<>(expected / 2);
            this.nevras = new IdentityHashMap<>(expected); // sized once: no rehashing of 100 000 entries
        }

        void add(Applicability.Match m) {
            if (!filter.accepts(m.advisory()) || !filter.shows(m.state())) {
                return;
            }
            String label = labels.computeIfAbsent(m.advisory(), Listing::label);
            String nevra = nevras.computeIfAbsent(m.fix(), Advisory.Fix::nevra);
            boolean installed = m.state() == Applicability.State.INSTALLED;
            if (filter.ids() == null) {
                list.add(new Row(installed, m.advisory().id(), label, nevra, m));
            } else {
                for (String id : referenceIds(m.advisory(), filter.ids())) {
                    list.add(new Row(installed, id, label, nevra, m));
                }
            }
        }
    }

    /**
     * The ids {@code --with-cve} ({@code wanted} "cve") or {@code --with-bz} ("bugzilla") lists for an advisory, as
     * dnf lists them: none unless it has a reference of that kind; then every reference but those of the other kind
     * (so an updateinfo's {@code self} reference, which libsolv keeps as a vendor one, is listed too).
     */
    static List<String> referenceIds(Advisory a, String wanted) {
        if (a.ids(wanted).isEmpty()) {
            return List.of();
        }
        String other = wanted.equals("cve") ? "bugzilla" : "cve";
        return a.references().stream().filter(r -> !r.type().equals(other)).map(Advisory.Reference::id)
                .filter(id -> !id.isEmpty()).distinct().toList();
    }

    /**
     * The rows in {@link #order}, sorted a package name at a time: a line starts with its name and a dash (an RPM's
     * {@code name-[epoch:]version-release.arch}, another package's {@code name-version}), so names sorted by
     * {@code name + "-"} put their lines in order — except where one such key begins another ({@code foo-} and
     * {@code foo-devel-}), whose lines can interleave: those names' lines are sorted together. 100 000 lines cost a
     * sort of their names and of many short runs, not of 100 000 long strings. The same line reached twice (two
     * collections) is kept once, as in dnf: its twins sit side by side in its name's run.
     */
    static List<Row> sorted(List<Row> rows) {
        Map<String, List<Row>> byName = new java.util.HashMap<>();
        for (Row r : rows) {
            byName.computeIfAbsent(r.match().fix().name(), k -> new ArrayList<>(4)).add(r);
        }
        String[] keys = byName.keySet().stream().map(n -> n + "-").sorted().toArray(String[]::new);
        List<List<Row>> clusters = new ArrayList<>();
        for (int i = 0; i < keys.length; ) {
            String root = keys[i];
            List<Row> cluster = byName.get(root.substring(0, root.length() - 1));
            int j = i + 1;
            if (j < keys.length && keys[j].startsWith(root)) {
                cluster = new ArrayList<>(cluster);
                for (; j < keys.length && keys[j].startsWith(root); j++) {
                    cluster.addAll(byName.get(keys[j].substring(0, keys[j].length() - 1)));
                }
            }
            clusters.add(cluster);
            i = j;
        }
        return Halves.map(clusters, rows.size(), some -> {
            List<Row> out = new ArrayList<>();
            for (List<Row> cluster : some) {
                cluster.sort(Listing::order);
                addOnce(cluster, out);
            }
            return out;
        });
    }

    /** dnf's order: by package, then id; rows that are the same line sit side by side. */
    private static int order(Row a, Row b) {
        int c = a.nevra() == b.nevra() ? 0 : a.nevra().compareTo(b.nevra());
        if (c == 0) {
            c = a.id().compareTo(b.id());
        }
        return c != 0 ? c : Boolean.compare(a.installed(), b.installed());
    }

    /** Adds the sorted {@code rows} to {@code out}, each line once. */
    private static void addOnce(List<Row> rows, List<Row> out) {
        for (int i = 0; i < rows.size(); i++) {
            if (i == 0 || !sameLine(rows.get(i - 1), rows.get(i))) {
                out.add(rows.get(i));
            }
        }
    }

    private static boolean sameLine(Row a, Row b) {
        return a.installed() == b.installed() && a.id().equals(b.id()) && a.nevra().equals(b.nevra());
    }

    /** dnf's type column: {@code bugfix}, {@code enhancement}, {@code newpackage}, {@code Important/Sec.} … */
    public static String label(Advisory a) {
        if (!"security".equals(a.type())) {
            return a.type().toLowerCase(Locale.ROOT);
        }
        String sev = a.severityWord();
        return (sev == null || !List.of("Critical", "Important", "Moderate", "Low").contains(sev) ? "Unknown" : sev)
                + "/Sec.";
    }

    /** Writes the rows as dnf aligns them: the flag column only with {@code --all}, then id and label padded. */
    public static void write(List<Row> rows, boolean flags, Writer out) throws IOException {
        int idWidth = 0;
        int labelWidth = 0;
        for (Row r : rows) {
            idWidth = Math.max(idWidth, r.id().length());
            labelWidth = Math.max(labelWidth, r.label().length());
        }
        int ids = idWidth;
        int labels = labelWidth;
        // the text of each half made on a core of its own, in pieces of 64 KiB, then written in order
        List<String> pieces = Halves.map(rows, some -> {
            List<String> made = new ArrayList<>();
            StringBuilder chunk = new StringBuilder(1 << 16);
            for (Row r : some) {
                line(chunk, r, flags, ids, labels);
                if (chunk.length() > (1 << 16) - 512) {
                    made.add(chunk.toString());
                    chunk.setLength(0);
                }
            }
            made.add(chunk.toString());
            return made;
        });
        for (String piece : pieces) {
            out.write(piece);
        }
    }

    private static void line(StringBuilder chunk, Row r, boolean flags, int idWidth, int labelWidth) {
        if (flags) {
            chunk.append(r.installed() ? "i " : "  ");
        }
        pad(chunk, r.id(), idWidth).append(' ');
        pad(chunk, r.label(), labelWidth).append(' ').append(r.nevra()).append(NEWLINE);
    }

    private static final String NEWLINE = System.lineSeparator();

    private static final String SPACES = " ".repeat(64);

    private static StringBuilder pad(StringBuilder line, String s, int width) {
        line.append(s);
        for (int left = width - s.length(); left > 0; left -= SPACES.length()) {
            line.append(SPACES, 0, Math.min(left, SPACES.length()));
        }
        return line;
    }
}

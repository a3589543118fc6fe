package org.paddock.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

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
        Predicate<Applicability.Match> chosen = m -> filter.accepts(m.advisory()) && filter.shows(m.state());
        List<Row> rows = new ArrayList<>();
        for (Applicability.Match m : matches) {
            if (!chosen.test(m)) {
                continue;
            }
            List<String> ids = filter.ids() == null ? List.of(m.advisory().id()) : referenceIds(m.advisory(), filter.ids());
            for (String id : ids) {
                rows.add(new Row(m.state() == Applicability.State.INSTALLED, id, label(m.advisory()), m.fix().nevra(), m));
            }
        }
        rows.sort(ORDER);
        return dedupe(rows);
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

    /** dnf's order: by package, then id; rows that are the same line sit side by side. */
    private static final Comparator<Row> ORDER = Comparator.comparing(Row::nevra).thenComparing(Row::id)
            .thenComparing(Row::installed);

    /** The same advisory package reached twice (two collections) is one row, as in dnf: drops neighbours alike. */
    private static List<Row> dedupe(List<Row> sorted) {
        List<Row> out = new ArrayList<>(sorted.size());
        Row last = null;
        for (Row r : sorted) {
            if (last == null || last.installed() != r.installed() || !last.id().equals(r.id())
                    || !last.nevra().equals(r.nevra())) {
                out.add(r);
            }
            last = r;
        }
        return out;
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

    /** The rows as dnf aligns them: the flag column only with {@code --all}, then id and label padded. */
    public static List<String> text(List<Row> rows, boolean flags) {
        int idWidth = rows.stream().mapToInt(r -> r.id().length()).max().orElse(0);
        int labelWidth = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
        List<String> out = new ArrayList<>(rows.size());
        StringBuilder line = new StringBuilder(128);
        for (Row r : rows) {
            line.setLength(0);
            if (flags) {
                line.append(r.installed() ? "i " : "  ");
            }
            pad(line, r.id(), idWidth).append(' ');
            pad(line, r.label(), labelWidth).append(' ').append(r.nevra());
            out.add(line.toString());
        }
        return out;
    }

    private static StringBuilder pad(StringBuilder line, String s, int width) {
        line.append(s);
        for (int i = s.length(); i < width; i++) {
            line.append(' ');
        }
        return line;
    }
}

package org.paddock.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule of which advisories apply to what is installed.
 * <ul>
 *   <li>An RPM in an advisory concerns the host when an RPM of the same name and arch is installed; it is
 *       <em>available</em> (the advisory applies) when it is newer than the newest of them by rpm's order, and
 *       <em>installed</em> otherwise — as dnf says.</li>
 *   <li>A collection that names a module build counts only when that stream is active ({@link ModuleStates}: enabled,
 *       or default and not disabled, or named by an installed package's label), the repository publishes the build's
 *       context (when its modules.yaml is known) and its arch fits the machine; then it concerns only installed
 *       packages of that stream or of none, never one labelled by another stream (no cross-stream false positive).</li>
 *   <li>A gem, wheel or jar in an advisory concerns an installed one of the same ecosystem and name, compared by its
 *       ecosystem's rule ({@link VersionOrder}); one an RPM holds is reported once, under that RPM, and belongs to
 *       that RPM's module stream (its {@code MODULARITYLABEL}): a module collection of another stream does not concern
 *       it, and a fix for it outside any module counts for that stream.</li>
 * </ul>
 */
public final class Applicability {

    /** What an advisory's package is to the host. */
    public enum State { AVAILABLE, INSTALLED }

    /**
     * One advisory package that concerns one installed package.
     *
     * @param installed the newest installed package it is compared with
     * @param carried   the CVEs of gems, wheels and jars this RPM holds that the same advisory fixes: they are reported
     *                  under it ({@link #cves})
     */
    public record Match(Advisory advisory, Advisory.Collection collection, Advisory.Fix fix, Installed installed,
                        State state, List<String> carried) {

        public Match {
            carried = List.copyOf(carried);
        }

        public Match(Advisory advisory, Advisory.Collection collection, Advisory.Fix fix, Installed installed,
                     State state) {
            this(advisory, collection, fix, installed, state, List.of());
        }

        /** The CVEs this package's update fixes: its own ({@link Advisory#cvesFixedBy}), and those it carries. */
        public List<String> cves() {
            List<String> own = advisory.cvesFixedBy(fix);
            if (carried.isEmpty()) {
                return own;
            }
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(own);
            all.addAll(carried);
            return List.copyOf(all);
        }

        /**
         * The module stream of the collection; for a gem, wheel or jar fixed outside any module, the stream of the RPM
         * that holds it; {@code null} when neither.
         */
        public String moduleStream() {
            if (collection.module() != null) {
                return collection.module().nameStream();
            }
            return installed.isRpm() ? null : installed.moduleStream();
        }
    }

    /** By name, the newest installed RPM of each arch (one or two entries): no key made per advisory package. */
    private final Map<String, List<Installed>> newestRpm = new HashMap<>();
    private final Map<String, Installed> newestOther = new HashMap<>();
    private final ModuleStates modules;
    private final ModulesYaml repository;
    private final String machineArch;
    /** Whether a gem, wheel or jar held by an RPM is installed: only then can a match be reported twice. */
    private final boolean anyOwned;

    /**
     * @param repository  the repository's modules.yaml, or {@code null} when unknown (a Paddock server)
     * @param machineArch the machine's arch, or {@code null} to take any module build's arch
     */
    public Applicability(List<Installed> installed, ModuleStates modules, ModulesYaml repository, String machineArch) {
        this.modules = modules;
        this.repository = repository;
        this.machineArch = machineArch;
        Map<String, String> labels = new HashMap<>();
        installed.stream().filter(p -> p.isRpm() && p.modularityLabel() != null)
                .forEach(p -> labels.putIfAbsent(p.name(), p.modularityLabel()));
        for (Installed given : installed) {
            Installed p = given.isRpm() || given.modularityLabel() != null || given.ownerRpm() == null ? given
                    : new Installed(given.kind(), given.name(), given.evr(), given.version(), given.arch(),
                    labels.get(given.ownerRpm()), given.ownerRpm());
            if (p.isRpm()) {
                keepNewest(newestRpm.computeIfAbsent(p.name(), k -> new ArrayList<>(1)), p);
            } else {
                newestOther.merge(p.kind() + ":" + p.name(), p, (a, b) -> {
                    Integer c = VersionOrder.compare(a.kind(), a.version(), b.version());
                    return c == null || c >= 0 ? a : b;
                });
            }
        }
        anyOwned = installed.stream().anyMatch(p -> !p.isRpm() && p.ownerRpm() != null);
    }

    private static void keepNewest(List<Installed> byArch, Installed p) {
        for (int i = 0; i < byArch.size(); i++) {
            if (byArch.get(i).arch().equals(p.arch())) {
                if (p.evr().compareTo(byArch.get(i).evr()) > 0) {
                    byArch.set(i, p);
                }
                return;
            }
        }
        byArch.add(p);
    }

    private Installed newestRpm(String name, String arch) {
        List<Installed> byArch = newestRpm.get(name);
        if (byArch != null) {
            for (Installed p : byArch) {
                if (p.arch().equals(arch)) {
                    return p;
                }
            }
        }
        return null;
    }

    public List<Match> matches(List<Advisory> advisories) {
        List<Match> out = Halves.map(advisories, some -> {
            List<Match> found = new ArrayList<>();
            for (Advisory a : some) {
                matches(a, found);
            }
            return found;
        });
        return anyOwned ? once(out) : out;
    }

    /** One advisory's matches (a method of its own: a short run compiles it instead of interpreting a long loop). */
    private void matches(Advisory a, List<Match> out) {
        for (Advisory.Collection c : a.collections()) {
            if (c.module() != null && !counts(c.module())) {
                continue;
            }
            for (Advisory.Fix fix : c.packages()) {
                Installed have = fix.isRpm() ? newestRpm(fix.name(), fix.arch())
                        : newestOther.get(fix.kind() + ":" + fix.name());
                if (have == null || (c.module() != null && have.moduleStream() != null
                        && !have.moduleStream().equals(c.module().nameStream()))) {
                    continue;
                }
                Integer order = fix.isRpm() ? Integer.valueOf(fix.evr().compareTo(have.evr()))
                        : VersionOrder.compare(fix.kind(), fix.version(), have.version());
                if (order == null) {
                    continue;
                }
                out.add(new Match(a, c, fix, have, order > 0 ? State.AVAILABLE : State.INSTALLED));
            }
        }
    }

    /**
     * A gem, wheel or jar whose RPM the same advisory updates is left out: the RPM's update brings it, so it is
     * reported once, as that RPM — by every command.
     */
    private static List<Match> once(List<Match> matches) {
        // advisory and RPM name → the CVEs of what it holds and the same advisory fixes
        Map<String, java.util.Set<String>> carried = new HashMap<>();
        for (Match m : matches) {
            if (m.fix().isRpm()) {
                carried.put(m.advisory().id() + " " + m.fix().name(), new java.util.LinkedHashSet<>());
            }
        }
        if (carried.isEmpty()) {
            return matches;
        }
        List<Match> kept = new ArrayList<>();
        for (Match m : matches) {
            java.util.Set<String> owner = m.fix().isRpm() || m.installed().ownerRpm() == null ? null
                    : carried.get(m.advisory().id() + " " + m.installed().ownerRpm());
            if (owner == null) {
                kept.add(m);
            } else {
                owner.addAll(m.advisory().cvesFixedBy(m.fix()));
            }
        }
        return kept.stream().map(m -> {
            java.util.Set<String> more = m.fix().isRpm() ? carried.get(m.advisory().id() + " " + m.fix().name()) : null;
            return more == null || more.isEmpty() ? m
                    : new Match(m.advisory(), m.collection(), m.fix(), m.installed(), m.state(), List.copyOf(more));
        }).toList();
    }

    /** Whether a collection's module build counts on this host. */
    boolean counts(Advisory.Module m) {
        if (!modules.isActive(m.name(), m.stream())) {
            return false;
        }
        if (repository != null && !repository.publishes(m.name(), m.stream(), m.context())) {
            return false;
        }
        return machineArch == null || m.arch().isEmpty() || m.arch().equals(machineArch) || m.arch().equals("noarch");
    }

    /** The advisories that apply: at least one of their packages is {@link State#AVAILABLE}. */
    public static List<Advisory> applying(List<Match> matches) {
        return matches.stream().filter(m -> m.state() == State.AVAILABLE).map(Match::advisory).distinct()
                .sorted(Comparator.comparing(Advisory::id)).toList();
    }
}

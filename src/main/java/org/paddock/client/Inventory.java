package org.paddock.client;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What is installed: packages, the module streams' states, and the machine's arch ({@code null} when unknown). */
public record Inventory(List<Installed> packages, ModuleStates modules, String arch) {

    public Inventory {
        packages = List.copyOf(packages);
    }

    /** The arch most installed RPMs have, other than noarch: the machine's, as far as the packages tell. */
    static String machineArch(List<Installed> packages) {
        Map<String, Long> counts = packages.stream().filter(Installed::isRpm).map(Installed::arch)
                .filter(a -> !a.equals("noarch") && !a.equals("src"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}

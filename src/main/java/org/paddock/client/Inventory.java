package org.paddock.client;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What is installed: packages, the module streams' states, the machine's arch ({@code null} when unknown) and the
 * distribution's id ({@code fedora}, {@code rhel}: the namespace of its RPMs' package URLs).
 */
public record Inventory(List<Installed> packages, ModuleStates modules, String arch, String vendor) {

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

    /** {@code ID} of {@code root}/etc/os-release (or usr/lib/os-release), else {@code linux}. */
    static String osId(java.nio.file.Path root) {
        for (String file : List.of("etc/os-release", "usr/lib/os-release")) {
            try {
                for (String line : java.nio.file.Files.readAllLines(root.resolve(file))) {
                    if (line.startsWith("ID=")) {
                        String id = line.substring(3).strip().replace("\"", "").replace("'", "");
                        if (id.matches("[a-z0-9._-]+")) {
                            return id;
                        }
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not there: try the next, then say nothing more than linux
            }
        }
        return "linux";
    }
}

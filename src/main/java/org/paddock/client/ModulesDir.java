package org.paddock.client;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What dnf records about module streams on a host: {@code /etc/dnf/modules.d/NAME.module} (an INI section per
 * module with {@code stream=} and {@code state=enabled|disabled}, as {@code dnf module enable} writes it) and the
 * default streams in {@code /etc/dnf/modules.defaults.d/*.yaml} (modulemd-defaults documents).
 */
public final class ModulesDir {

    private ModulesDir() {
    }

    /** Reads {@code root}/etc/dnf/modules.d and modules.defaults.d into {@code states}; absent directories are fine. */
    public static void read(Path root, ModuleStates states) {
        Path etc = root.resolve("etc/dnf");
        for (Path file : files(etc.resolve("modules.defaults.d"), "*.yaml")) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ModulesYaml.read(r, file.toString()).defaults().forEach(states::defaultStream);
            } catch (IOException e) {
                throw new ClientException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        for (Path file : files(etc.resolve("modules.d"), "*.module")) {
            try {
                readModule(Files.readAllLines(file, StandardCharsets.UTF_8), states);
            } catch (IOException e) {
                throw new ClientException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** One {@code NAME.module} file: each {@code [section]} with its {@code name}, {@code stream} and {@code state}. */
    static void readModule(List<String> lines, ModuleStates states) {
        String section = null;
        String name = null;
        String stream = null;
        String state = null;
        List<String[]> modules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                if (section != null) {
                    modules.add(new String[] {name == null ? section : name, stream, state});
                }
                section = line.substring(1, line.length() - 1).strip();
                name = stream = state = null;
            } else if (section != null && line.contains("=") && !line.startsWith("#") && !line.startsWith(";")) {
                String key = line.substring(0, line.indexOf('=')).strip();
                String value = line.substring(line.indexOf('=') + 1).strip();
                switch (key) {
                    case "name" -> name = value;
                    case "stream" -> stream = value;
                    case "state" -> state = value;
                    default -> { }
                }
            }
        }
        if (section != null) {
            modules.add(new String[] {name == null ? section : name, stream, state});
        }
        for (String[] m : modules) {
            if ("enabled".equals(m[2]) && m[1] != null && !m[1].isEmpty()) {
                states.enable(m[0], m[1]);
            } else if ("disabled".equals(m[2])) {
                states.disable(m[0]);
            }
        }
    }

    private static List<Path> files(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw new ClientException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }
}

package org.paddock.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files the build made (the WAR, the launcher) and fresh scratch directories under target/it. */
public final class TestPaths {

    private TestPaths() {
    }

    public static Path war() {
        return existing("paddock.test.war");
    }

    public static Path launcherJar() {
        return existing("paddock.test.launcherJar");
    }

    /** target/paddock-client.jar, built by {@code mvn package} (so only the failsafe tests have it). */
    public static Path clientJar() {
        return existing("paddock.test.clientJar");
    }

    /** An empty directory below target/it, emptied first if an earlier run left it. */
    public static Path dir(String name) {
        Path dir = Path.of(System.getProperty("paddock.test.dir", "target/it")).resolve(name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where browser tests save what they saw. */
    public static Path screenshots() {
        try {
            return Files.createDirectories(Path.of("target", "screenshots"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException(property + " (" + value + ") is missing: run the tests with 'mvn verify'");
        }
        return Path.of(value);
    }
}

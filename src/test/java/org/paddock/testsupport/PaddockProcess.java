package org.paddock.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README command 1 as a person runs it: {@code java -jar target/paddock-launcher.jar} in a process of its own, with
 * the given {@code PADDOCK_*} environment, writing stdout.log and stderr.log into its working directory.
 */
public record PaddockProcess(Process process, Path dir) {

    public static PaddockProcess start(Map<String, String> env, Path workDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", TestPaths.launcherJar().toAbsolutePath().toString())
                .directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.log").toFile())
                .redirectError(workDir.resolve("stderr.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PADDOCK_"));
        pb.environment().putAll(env);
        return new PaddockProcess(pb.start(), workDir);
    }

    public String output() throws IOException {
        return Files.readString(dir.resolve("stdout.log")) + Files.readString(dir.resolve("stderr.log"));
    }

    public List<String> errorLines() throws IOException {
        return Files.readAllLines(dir.resolve("stderr.log")).stream().filter(l -> !l.isBlank()).toList();
    }

    public void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(dir.resolve("stdout.log")).contains("Paddock is ready at http://localhost:")) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the launcher exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the launcher did not print its URL within 180 s:\n" + output());
    }

    /** What Ctrl-C does: SIGINT to the launcher, which stops the server and then the database. */
    public void interruptAndAwaitExit() throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("launcher stopped after SIGINT").isTrue();
    }

    /** For clean-up after a failed test: the process, now. */
    public void destroy() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}

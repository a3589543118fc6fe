package org.paddock.launcher;

import fish.payara.micro.BootstrapException;
import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;
import sun.misc.Signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Starts Paddock: the database (external or embedded), then Payara Micro serving the WAR at {@code /}.
 * Prints the URL once the application answers as ready; Ctrl-C stops the server and then the database.
 *
 * <p>Exit codes: 1 bad setting, 2 database, 3 port in use, 4 server or deployment failure.
 */
public final class Launcher {

    private static final PrintStream OUT = System.out;

    private final LaunchSettings settings;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private PostgresServer database;
    private PayaraMicroRuntime runtime;
    private Path rootDir;

    private Launcher(LaunchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Instant started = Instant.now();
        Launcher launcher = null;
        try {
            LaunchSettings settings = LaunchSettings.from(System.getenv(), System.getProperties());
            launcher = new Launcher(settings);
            launcher.run(started);
        } catch (LaunchException e) {
            System.err.println("ERROR: " + e.getMessage());
            if (launcher != null) {
                launcher.stop();
            }
            System.exit(e.exitCode());
        }
    }

    private void run(Instant started) {
        Path war = locateWar();
        checkPortFree(settings.httpPort());
        database = PostgresServer.open(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "paddock-shutdown"));
        letStopFinish();
        publishDatabaseSettings();
        boot(war);
        waitUntilReady();
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        OUT.println();
        OUT.println("  Paddock is ready at http://localhost:" + settings.httpPort() + "/   (started in " + seconds + " s)");
        OUT.println("  Database: " + database.url() + (database.embedded() ? "  (embedded, data in "
                + settings.postgresDir() + ")" : ""));
        OUT.println("  Press Ctrl-C to stop.");
        OUT.println();
    }

    /**
     * A JVM that is already stopping halts at once on a second SIGINT or SIGTERM. Under {@code mvn -Prun}
     * Maven sends SIGTERM right after the terminal's SIGINT, which would cut our stop short; so once
     * stopping, further signals are ignored and the server and database get to stop in order.
     */
    private void letStopFinish() {
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                if (signalled.compareAndSet(false, true)) {
                    System.exit(128 + signal.getNumber());
                }
            });
        }
    }

    /** The WAR sits next to the launcher jar (target/paddock.war), unless paddock.war names it. */
    private static Path locateWar() {
        String explicit = System.getProperty("paddock.war");
        Path war;
        if (explicit != null) {
            war = Path.of(explicit);
        } else {
            try {
                Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                war = jar.resolveSibling("paddock.war");
            } catch (URISyntaxException e) {
                throw new LaunchException("Cannot tell where the launcher jar is: " + e.getMessage(), 4);
            }
        }
        if (!Files.isRegularFile(war)) {
            throw new LaunchException("The application archive " + war + " is missing: build it with 'mvn -Prun'", 4);
        }
        return war.toAbsolutePath();
    }

    static void checkPortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new LaunchException("Port " + port + " is already in use, so Paddock cannot listen on it. "
                    + "Stop the program using it or choose another port with PADDOCK_HTTP_PORT.", 3);
        }
    }

    /** The application reads these through MicroProfile Config (system properties win over environment). */
    private void publishDatabaseSettings() {
        System.setProperty("paddock.db.url", database.url());
        System.setProperty("paddock.db.user", database.user());
        // MicroProfile Config treats an empty value as missing; trust authentication ignores the password.
        System.setProperty("paddock.db.password", database.password().isEmpty() ? "unused" : database.password());
        System.setProperty("paddock.demo.data", String.valueOf(settings.demoData()));
        System.setProperty("paddock.demo.history", String.valueOf(settings.demoHistory()));
    }

    private void boot(Path war) {
        try {
            rootDir = Files.createTempDirectory("paddock-payara-");
            // Unpack Payara's runtime jars to real files: read in place from inside payara-micro.jar they lose
            // their Java 16+ multi-release classes, and Yasson then writes every record as {}.
            PayaraMicro.setUpackedJarDir(Files.createDirectories(rootDir.resolve("runtime")).toFile());
            runtime = PayaraMicro.getInstance()
                    .setHttpPort(settings.httpPort())
                    .setNoCluster(true)
                    .setRootDir(rootDir.toFile())
                    .setPrintLogo(false)
                    .setPreBootHandler(commands -> preBootCommands().forEach(line -> {
                        String[] words = line.split("\\s+");
                        commands.run(words[0], Arrays.copyOfRange(words, 1, words.length));
                    }))
                    .bootStrap();
        } catch (IOException | BootstrapException | RuntimeException e) {
            throw new LaunchException("Payara Micro failed to start: " + LaunchException.causeOf(e), 4);
        }
        if (!runtime.deploy("paddock", "/", war.toFile())) {
            throw new LaunchException("Paddock failed to deploy (see the server log above for the cause, "
                    + "often the database schema or its migrations)", 4);
        }
    }

    /** The asadmin commands of payara-preboot.asadmin, which the tests' and the container's Payara run too. */
    private static List<String> preBootCommands() {
        try (InputStream in = Launcher.class.getResourceAsStream("payara-preboot.asadmin")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitUntilReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + settings.httpPort() + "/health/ready");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                // Payara answers UP before any check is registered: wait for Paddock's own database check.
                if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = LaunchException.causeOf(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("Interrupted while waiting for Paddock to become ready", 4);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new LaunchException("Paddock did not become ready within 120 s at " + ready + ": " + last, 4);
    }

    /** Stops the server first, then the database it was using. Safe to call more than once. */
    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (runtime != null) {
            OUT.println("Stopping Paddock...");
            try {
                runtime.shutdown();
            } catch (BootstrapException | RuntimeException e) {
                // Payara's own shutdown hook may have stopped it already: nothing left to do then
                if (!String.valueOf(e.getMessage()).contains("not Running")) {
                    System.err.println("Stopping Payara Micro failed: " + LaunchException.causeOf(e));
                }
            }
        }
        if (database != null) {
            database.close();
        }
        deleteQuietly(rootDir);
        if (runtime != null || database != null) {
            OUT.println("Paddock stopped.");
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

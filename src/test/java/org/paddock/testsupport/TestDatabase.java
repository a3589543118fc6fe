package org.paddock.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 18 for the in-container tests, started once per test JVM on the port Maven reserved
 * ({@code paddock.test.db.port}); the Payara Micro JVMs that Arquillian starts are pointed at it through
 * {@code payara.cmdOptions}. Its data directory is fresh for every run.
 */
public final class TestDatabase {

    public static final String NAME = "paddock";
    public static final String USER = "postgres";

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized void ensureRunning() {
        if (postgres != null) {
            return;
        }
        int port = Integer.getInteger("paddock.test.db.port", 0);
        if (port == 0) {
            throw new IllegalStateException("paddock.test.db.port is not set: run the in-container tests with Maven (mvn verify)");
        }
        postgres = start(TestPaths.dir("arquillian-postgres"), port);
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
             Statement s = c.createStatement()) {
            s.execute("create database " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database", e);
        }
    }

    /** Starts a PostgreSQL on {@code port} (0: any free port) with its data in {@code dataDir}, kept if present. */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false);
            if (port != 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + Integer.getInteger("paddock.test.db.port") + "/" + database;
    }

    public static Connection connect() throws SQLException {
        ensureRunning();
        return DriverManager.getConnection(url(NAME), USER, "");
    }
}

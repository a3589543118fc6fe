package org.paddock.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL server Paddock runs on: the external PostgreSQL named by PADDOCK_DB_URL, or else an embedded
 * PostgreSQL whose data directory lives under PADDOCK_DATA_DIR and survives restarts.
 */
final class PostgresServer implements AutoCloseable {

    static final String EMBEDDED_DATABASE = "paddock";
    static final String EMBEDDED_USER = "postgres";

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String url, String user, String password, EmbeddedPostgres embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    static PostgresServer open(LaunchSettings settings) {
        if (settings.dbUrl().isPresent()) {
            PostgresServer external = new PostgresServer(settings.dbUrl().get(), settings.dbUser(), settings.dbPassword(), null);
            external.check();
            return external;
        }
        return startEmbedded(settings);
    }

    private static PostgresServer startEmbedded(LaunchSettings settings) {
        EmbeddedPostgres pg;
        try {
            Files.createDirectories(settings.postgresDir());
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(settings.postgresDir())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new LaunchException("Paddock cannot start its embedded PostgreSQL in " + settings.postgresDir()
                    + ": " + LaunchException.causeOf(e)
                    + " (is another Paddock using this PADDOCK_DATA_DIR?)", 2);
        }
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + EMBEDDED_DATABASE;
        PostgresServer db = new PostgresServer(url, EMBEDDED_USER, "", pg);
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", EMBEDDED_USER, "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "select 1 from pg_database where datname = '" + EMBEDDED_DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + EMBEDDED_DATABASE);
                    System.out.println("Created database " + EMBEDDED_DATABASE + " in the embedded PostgreSQL");
                }
            }
        } catch (SQLException e) {
            db.close();
            throw new LaunchException("Paddock cannot prepare its embedded PostgreSQL in " + settings.postgresDir()
                    + ": " + LaunchException.causeOf(e), 2);
        }
        System.out.println("Embedded PostgreSQL is running at " + url + " with data in " + settings.postgresDir());
        return db;
    }

    /** Fails with one clear line naming the URL and the cause when the database does not answer. */
    private void check() {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        try (Connection c = DriverManager.getConnection(url, props);
             Statement s = c.createStatement()) {
            s.execute("select 1");
        } catch (SQLException e) {
            throw new LaunchException("Paddock cannot reach its database at " + url + " as user '" + user + "': "
                    + LaunchException.causeOf(e), 2);
        }
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
                System.out.println("Embedded PostgreSQL stopped.");
            } catch (IOException | RuntimeException e) {
                System.err.println("Stopping the embedded PostgreSQL failed: " + LaunchException.causeOf(e));
            }
        }
    }
}

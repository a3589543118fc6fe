package org.paddock.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the launcher needs to know, read the way MicroProfile Config reads it inside the application:
 * a system property {@code paddock.http.port} wins over the environment variable {@code PADDOCK_HTTP_PORT}.
 */
record LaunchSettings(int httpPort, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                      boolean demoData) {

    static final int DEFAULT_HTTP_PORT = 8080;

    static LaunchSettings from(Map<String, String> env, Properties sys) {
        Lookup lookup = new Lookup(env, sys);
        int port = parsePort(lookup.get("paddock.http.port").orElse(String.valueOf(DEFAULT_HTTP_PORT)));
        Path dataDir = Path.of(lookup.get("paddock.data.dir").orElse("data")).toAbsolutePath().normalize();
        Optional<String> url = lookup.get("paddock.db.url");
        url.ifPresent(LaunchSettings::checkJdbcUrl);
        String user = lookup.get("paddock.db.user").orElse("paddock");
        String password = lookup.get("paddock.db.password").orElse("");
        boolean demo = parseBoolean("paddock.demo.data", lookup.get("paddock.demo.data").orElse("true"));
        return new LaunchSettings(port, dataDir, url, user, password, demo);
    }

    /** The data directory of the embedded PostgreSQL, below {@link #dataDir()}. */
    Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new LaunchException("PADDOCK_HTTP_PORT must be a port number between 1 and 65535, not '" + value + "'");
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.trim().toLowerCase()) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new LaunchException(envName(name) + " must be true or false, not '" + value + "'");
        };
    }

    private static void checkJdbcUrl(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new LaunchException("PADDOCK_DB_URL must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://localhost:5432/paddock, not '" + url + "'");
        }
    }

    static String envName(String property) {
        return property.toUpperCase().replace('.', '_');
    }

    private record Lookup(Map<String, String> env, Properties sys) {
        Optional<String> get(String property) {
            String value = sys.getProperty(property);
            if (value == null || value.isBlank()) {
                value = env.get(envName(property));
            }
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }
    }
}

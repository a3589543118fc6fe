package org.paddock.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the launcher needs to know, read the way MicroProfile Config reads it inside the application:
 * a system property {@code paddock.http.port} wins over the environment variable {@code PADDOCK_HTTP_PORT}.
 */
record LaunchSettings(int httpPort, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                      boolean demoData, boolean demoHistory) {

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
        boolean history = parseBoolean("paddock.demo.history", lookup.get("paddock.demo.history").orElse("true"));
        checkOidc(lookup);
        return new LaunchSettings(port, dataDir, url, user, password, demo, history);
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

    /**
     * Sign-in with an OpenID Connect provider is read by the application itself; checked here so that a half or
     * wrong setting stops the start with one line rather than a sign-in button that fails.
     */
    private static void checkOidc(Lookup lookup) {
        List<String> parts = List.of("paddock.oidc.issuer", "paddock.oidc.client.id", "paddock.oidc.client.secret");
        List<String> missing = parts.stream().filter(p -> lookup.get(p).isEmpty()).map(LaunchSettings::envName).toList();
        if (!missing.isEmpty() && missing.size() < parts.size()) {
            throw new LaunchException("PADDOCK_OIDC_ISSUER, PADDOCK_OIDC_CLIENT_ID and PADDOCK_OIDC_CLIENT_SECRET go "
                    + "together to sign in with an OpenID Connect provider: " + String.join(" and ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing");
        }
        lookup.get("paddock.oidc.issuer").ifPresent(issuer -> {
            checkWebAddress("PADDOCK_OIDC_ISSUER", "the provider's issuer URL, such as "
                    + "https://id.example.org/realms/distro", issuer);
            // the provider sends people back under it
            lookup.get("paddock.base-url").ifPresent(url -> checkWebAddress("PADDOCK_BASE_URL",
                    "the address people open Paddock at, such as https://updates.example.org/, to sign in with an "
                    + "OpenID Connect provider", url));
        });
    }

    private static void checkWebAddress(String name, String what, String value) {
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // fall through to the message below
        }
        throw new LaunchException(name + " must be " + what + ", not '" + value + "'");
    }

    static String envName(String property) {
        return property.toUpperCase().replace('.', '_').replace('-', '_');
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

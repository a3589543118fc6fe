package org.paddock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchSettingsTest {

    @Test
    void defaultsToPort8080EmbeddedDatabaseInDataAndDemoData() {
        LaunchSettings s = LaunchSettings.from(Map.of(), new Properties());
        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(s.postgresDir()).isEqualTo(Path.of("data", "postgres").toAbsolutePath());
        assertThat(s.dbUrl()).isEmpty();
        assertThat(s.demoData()).isTrue();
        assertThat(s.demoHistory()).isTrue();
    }

    @Test
    void readsEveryPaddockEnvironmentVariable() {
        LaunchSettings s = LaunchSettings.from(Map.of(
                "PADDOCK_HTTP_PORT", "9090",
                "PADDOCK_DATA_DIR", "/srv/paddock",
                "PADDOCK_DB_URL", "jdbc:postgresql://db.example:5432/paddock",
                "PADDOCK_DB_USER", "gate",
                "PADDOCK_DB_PASSWORD", "s3cret",
                "PADDOCK_DEMO_DATA", "false",
                "PADDOCK_DEMO_HISTORY", "no"), new Properties());
        assertThat(s.httpPort()).isEqualTo(9090);
        assertThat(s.dataDir()).isEqualTo(Path.of("/srv/paddock"));
        assertThat(s.dbUrl()).contains("jdbc:postgresql://db.example:5432/paddock");
        assertThat(s.dbUser()).isEqualTo("gate");
        assertThat(s.dbPassword()).isEqualTo("s3cret");
        assertThat(s.demoData()).isFalse();
        assertThat(s.demoHistory()).isFalse();
    }

    @Test
    void systemPropertiesWinOverEnvironmentAndBlankValuesCountAsUnset() {
        Properties sys = new Properties();
        sys.setProperty("paddock.http.port", "7070");
        sys.setProperty("paddock.db.url", " ");
        LaunchSettings s = LaunchSettings.from(Map.of("PADDOCK_HTTP_PORT", "9090", "PADDOCK_DB_URL", ""), sys);
        assertThat(s.httpPort()).isEqualTo(7070);
        assertThat(s.dbUrl()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eighty", "0", "65536", "-1", "80.5"})
    void refusesAPortThatIsNoPort(String port) {
        assertThatThrownBy(() -> LaunchSettings.from(Map.of("PADDOCK_HTTP_PORT", port), new Properties()))
                .isInstanceOf(LaunchException.class)
                .hasMessage("PADDOCK_HTTP_PORT must be a port number between 1 and 65535, not '" + port + "'");
    }

    @Test
    void refusesADatabaseUrlThatIsNotPostgreSql() {
        assertThatThrownBy(() -> LaunchSettings.from(Map.of("PADDOCK_DB_URL", "jdbc:mysql://db/paddock"),
                new Properties()))
                .hasMessageStartingWith("PADDOCK_DB_URL must be a PostgreSQL JDBC URL")
                .hasMessageEndingWith("not 'jdbc:mysql://db/paddock'");
    }

    @Test
    void refusesADemoSwitchThatIsNeitherTrueNorFalse() {
        assertThatThrownBy(() -> LaunchSettings.from(Map.of("PADDOCK_DEMO_DATA", "maybe"), new Properties()))
                .hasMessage("PADDOCK_DEMO_DATA must be true or false, not 'maybe'");
        assertThatThrownBy(() -> LaunchSettings.from(Map.of("PADDOCK_DEMO_HISTORY", "lively"), new Properties()))
                .hasMessage("PADDOCK_DEMO_HISTORY must be true or false, not 'lively'");
    }

    @Test
    void acceptsACompleteOpenIdConnectProviderOrNone() {
        LaunchSettings.from(Map.of("PADDOCK_OIDC_ISSUER", "https://id.example.org/realms/distro",
                "PADDOCK_OIDC_CLIENT_ID", "paddock", "PADDOCK_OIDC_CLIENT_SECRET", "s3cret",
                "PADDOCK_OIDC_GROUPS_CLAIM", "roles", "PADDOCK_BASE_URL", "https://updates.example.org/"), new Properties());
        LaunchSettings.from(Map.of("PADDOCK_OIDC_GROUPS_CLAIM", "groups"), new Properties());
    }

    @Test
    void refusesHalfAnOpenIdConnectProvider() {
        assertThatThrownBy(() -> LaunchSettings.from(Map.of("PADDOCK_OIDC_ISSUER", "https://id.example.org"),
                new Properties()))
                .hasMessage("PADDOCK_OIDC_ISSUER, PADDOCK_OIDC_CLIENT_ID and PADDOCK_OIDC_CLIENT_SECRET go together to "
                        + "sign in with an OpenID Connect provider: PADDOCK_OIDC_CLIENT_ID and PADDOCK_OIDC_CLIENT_SECRET "
                        + "are missing");
        assertThatThrownBy(() -> LaunchSettings.from(Map.of("PADDOCK_OIDC_ISSUER", "https://id.example.org",
                "PADDOCK_OIDC_CLIENT_ID", "paddock"), new Properties()))
                .hasMessageEndingWith(": PADDOCK_OIDC_CLIENT_SECRET is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id.example.org", "ftp://id.example.org", "https://id.example.org/?realm=x", "https://"})
    void refusesAnIssuerThatIsNoWebAddress(String issuer) {
        assertThatThrownBy(() -> LaunchSettings.from(Map.of("PADDOCK_OIDC_ISSUER", issuer,
                "PADDOCK_OIDC_CLIENT_ID", "paddock", "PADDOCK_OIDC_CLIENT_SECRET", "s3cret"), new Properties()))
                .hasMessage("PADDOCK_OIDC_ISSUER must be the provider's issuer URL, such as "
                        + "https://id.example.org/realms/distro, not '" + issuer + "'");
    }

    @Test
    void withAProviderTheBaseUrlMustBeAWebAddressPeopleComeBackTo() {
        assertThat(LaunchSettings.from(Map.of("PADDOCK_BASE_URL", "urn:paddock"), new Properties()).httpPort())
                .as("without a provider it is only the webhooks' event source").isEqualTo(8080);
        assertThatThrownBy(() -> LaunchSettings.from(Map.of("PADDOCK_BASE_URL", "updates.example.org",
                "PADDOCK_OIDC_ISSUER", "https://id.example.org", "PADDOCK_OIDC_CLIENT_ID", "paddock",
                "PADDOCK_OIDC_CLIENT_SECRET", "s3cret"), new Properties()))
                .hasMessage("PADDOCK_BASE_URL must be the address people open Paddock at, such as "
                        + "https://updates.example.org/, to sign in with an OpenID Connect provider, not "
                        + "'updates.example.org'");
    }

    @Test
    void causeIsTheFirstLineOfTheOutermostMessage() {
        SQLException e = new SQLException("Connection to localhost:1 refused.\nMore detail",
                new java.net.ConnectException("Connection refused"));
        assertThat(LaunchException.causeOf(e)).isEqualTo("Connection to localhost:1 refused.");
        assertThat(LaunchException.causeOf(new RuntimeException(new IllegalStateException("inner"))))
                .isEqualTo("java.lang.IllegalStateException: inner");
        assertThat(LaunchException.causeOf(new NullPointerException())).isEqualTo("NullPointerException");
    }
}

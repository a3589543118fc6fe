package org.paddock.platform;

import io.restassured.http.Headers;
import io.restassured.response.Response;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
import org.paddock.release.ReleaseRepository;
import org.paddock.release.ReleaseState;
import org.paddock.testsupport.Api;
import org.paddock.testsupport.Deployments;

import javax.sql.DataSource;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real WAR on Payara Micro against a real PostgreSQL: Flyway migrated the schema from db/migration,
 * Hibernate's mappings match it, the demo data was seeded once, and health reports the database.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.paddock();
    }

    @Inject
    ReleaseRepository releases;

    @Inject
    SchemaMigration migration;

    @Resource(lookup = PaddockDataSource.JNDI_NAME)
    DataSource dataSource;

    @Test
    void flywayAppliedEveryMigrationFromDbMigration() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version, success from flyway_schema_history "
                     + "where version is not null order by installed_rank")) {
            while (rs.next()) {
                assertThat(rs.getBoolean("success")).as("migration %s succeeded", rs.getString(1)).isTrue();
                applied.add(rs.getString("version"));
            }
        }
        assertThat(applied).startsWith("001");
        assertThat(migration.schemaVersion()).isEqualTo(applied.get(applied.size() - 1));
    }

    @Test
    void demoDataWasSeededExactlyOnce() {
        List<Release> all = releases.allWithModuleStreams();
        assertThat(all).extracting(Release::getName).containsExactly("F45");
        Release f45 = all.get(0);
        assertThat(f45.getLongName()).isEqualTo("Fedora 45");
        assertThat(f45.getState()).isEqualTo(ReleaseState.CURRENT);
        assertThat(f45.getModuleStreams()).extracting(ModuleStream::getNameStream)
                .containsExactly("nginx:1.24", "postgresql:16", "ruby:3.3");
    }

    @Test
    void moduleStreamsListedAcrossReleasesWithTheirRelease() {
        assertThat(releases.allModuleStreams())
                .extracting(ms -> ms.getRelease().getName() + "/" + ms.getNameStream())
                .containsExactly("F45/nginx:1.24", "F45/postgresql:16", "F45/ruby:3.3");
        assertThat(releases.findByName("F45")).isPresent();
        assertThat(releases.findByName("F99")).isEmpty();
    }

    @Test
    void schemaRefusesWhatTheDomainRefuses() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(
                    "insert into release (name, long_name, state) values ('F46', 'Fedora 46', 'retired')"))
                    .hasMessageContaining("release_state_known");
            assertThatThrownBy(() -> s.execute(
                    "insert into release (name, long_name, state) values ('F45', 'again', 'current')"))
                    .hasMessageContaining("release_name_unique");
            assertThatThrownBy(() -> s.execute("insert into module_stream (release_id, name, stream) "
                    + "select id, 'bad name', '1' from release where name = 'F45'"))
                    .hasMessageContaining("module_stream_name_format");
        }
        assertThat(releases.count()).isEqualTo(1);
    }

    @Test
    @RunAsClient
    void readinessReportsTheDatabase(@ArquillianResource URL base) throws Exception {
        Response ready = new Api(base).get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.asString()).contains("\"name\":\"database\"").contains("\"status\":\"UP\"")
                .contains("PostgreSQL 18");
        Response live = new Api(base).get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.asString()).contains("\"name\":\"paddock\"")
                .contains(System.getProperty("paddock.version"));
    }

    /** Pages, error pages, the API, feeds, static resources and health: the same security headers, no server version. */
    @Test
    @RunAsClient
    void everyResponseCarriesTheSecurityHeadersAndNoServerVersion(@ArquillianResource URL base) throws Exception {
        for (String path : List.of("/", "/login.xhtml", "/no-such-page.xhtml", "/api/v1/releases", "/api/v1/updates/NOPE",
                "/feeds/atom.xml", "/jakarta.faces.resource/paddock.css.xhtml?ln=paddock", "/health/ready")) {
            Headers headers = new Api(base).get(path).headers();
            assertThat(headers.getValue("Content-Security-Policy")).as(path).isNotNull().satisfies(csp -> assertThat(csp)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "script-src 'self'")
                    .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline"));
            assertThat(headers.getValue("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(headers.getValue("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(headers.getValues("Server")).as(path).noneMatch(server -> server.matches(".*\\d.*"));
            assertThat(headers.getValues("X-Powered-By")).as(path).isEmpty();
        }
    }

    /** A page's inline scripts run by the nonce its policy names, and its session cookie stays home. */
    @Test
    @RunAsClient
    void aPageNamesItsScriptNonceAndItsSessionCookieIsSameSiteLax(@ArquillianResource URL base) throws Exception {
        Response login = new Api(base).get("/login.xhtml");
        Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'")
                .matcher(login.header("Content-Security-Policy"));
        assertThat(nonce.find()).isTrue();
        assertThat(login.asString()).contains("nonce=\"" + nonce.group(1) + "\"");
        assertThat(login.headers().getValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
    }
}

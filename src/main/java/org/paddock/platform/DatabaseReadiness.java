package org.paddock.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready only while the database answers: {@code /health/ready} goes DOWN when it goes away and UP when it returns. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 3;

    @Resource(lookup = PaddockDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(TIMEOUT_SECONDS)) {
                return response.up().withData("database", c.getMetaData().getDatabaseProductName() + " "
                        + c.getMetaData().getDatabaseProductVersion()).build();
            }
            return response.down().withData("error", "the database did not answer within "
                    + TIMEOUT_SECONDS + " s").build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}

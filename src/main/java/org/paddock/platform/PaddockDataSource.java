package org.paddock.platform;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The one datasource of the application (its definition and JNDI name). Its URL and credentials come from MicroProfile Config
 * ({@code PADDOCK_DB_URL}, {@code PADDOCK_DB_USER}, {@code PADDOCK_DB_PASSWORD}); the pool validates
 * connections so that a database that went away and came back is used again without a restart.
 */
@DataSourceDefinition(
        name = PaddockDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=paddock.db.url}",
        user = "${MPCONFIG=paddock.db.user}",
        password = "${MPCONFIG=paddock.db.password}",
        minPoolSize = 1,
        maxPoolSize = 20,
        properties = {
                "connectTimeout=5",
                "socketTimeout=60",
                "ApplicationName=paddock",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=10000"
        })
public final class PaddockDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/paddock";

    private PaddockDataSource() {
    }
}

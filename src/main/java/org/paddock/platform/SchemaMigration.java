package org.paddock.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything else touches the database: Flyway applies
 * {@code db/migration} (the only owner of the schema), then Hibernate validates its mappings against
 * the result. A failure here fails the deployment, so Paddock never serves on a wrong schema.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = PaddockDataSource.JNDI_NAME)
    private DataSource dataSource;

    @PersistenceUnit(unitName = "paddock")
    private EntityManagerFactory emf;

    private volatile String schemaVersion = "none";

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current().getVersion().getVersion();
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now)");
        emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }

    public String schemaVersion() {
        return schemaVersion;
    }
}

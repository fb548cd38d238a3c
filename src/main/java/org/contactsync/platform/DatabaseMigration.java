package org.contactsync.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway before anything else touches the database. Startup beans that read or
 * write data declare {@code @DependsOn("DatabaseMigration")}.
 */
@Singleton
@Startup
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    private DataSource dataSource;

    /** Flyway commits each migration itself, so it must not run inside the container's transaction. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        var result = migrate(dataSource);
        LOG.info(() -> "Database schema at version " + result + ".");
    }

    /** Migrates any datasource to the current schema; shared with the persistence tests. */
    public static String migrate(DataSource dataSource) {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        flyway.migrate();
        var current = flyway.info().current();
        return current == null ? "empty" : current.getVersion().getVersion();
    }
}

package org.contactsync.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

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

    /** A schema of its own on a shared database server (PostgreSQL); Flyway creates it when missing. */
    @Inject
    @ConfigProperty(name = "contactsync.db.schema")
    Optional<String> schema;

    private boolean postgreSQL;

    /** Flyway commits each migration itself, so it must not run inside the container's transaction. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrateOnStartup() {
        postgreSQL = isPostgreSQL(dataSource);
        var result = migrate(dataSource, schema);
        LOG.info(() -> "Database schema at version " + result + ".");
    }

    /** Whether the database is PostgreSQL (a shared server) rather than embedded H2. */
    @Lock(LockType.READ)
    public boolean onPostgreSQL() {
        return postgreSQL;
    }

    /** Migrates any datasource to the current schema; shared with the persistence tests. */
    public static String migrate(DataSource dataSource, Optional<String> schema) {
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations(dataSource));
        schema.ifPresent(configuration::schemas);
        var flyway = configuration.load();
        flyway.migrate();
        // Flyway's own schema-creation marker has no version, so take the newest versioned migration applied.
        return Arrays.stream(flyway.info().applied())
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElse("empty");
    }

    /** The migrations of every database, and on PostgreSQL also its own (indexes H2 has no syntax for). */
    private static String[] locations(DataSource dataSource) {
        return isPostgreSQL(dataSource)
                ? new String[]{"classpath:db/migration", "classpath:db/migration-postgresql"}
                : new String[]{"classpath:db/migration"};
    }

    private static boolean isPostgreSQL(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }
}

package org.contactsync.testsupport;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.contactsync.platform.DatabaseMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database migrated by the application's own Flyway migrations, with the application's own persistence
 * unit running outside the container (EclipseLink SE, resource-local transactions). H2 gets a new in-memory
 * database, PostgreSQL a new schema that {@link #close()} drops.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(DatabaseKind.class)
 * void findsByNo(DatabaseKind kind) {
 *     try (var db = TestDatabase.fresh(kind)) {
 *         db.runInTransaction(em -> em.persist(...));
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {

    static final String POSTGRES_URL = System.getProperty("test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String POSTGRES_USER = System.getProperty("test.postgres.user", "postgres");

    private final DatabaseKind kind;
    private final DataSource dataSource;
    private final String schema;
    private EntityManagerFactory entityManagerFactory;

    private TestDatabase(DatabaseKind kind, DataSource dataSource, String schema) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.schema = schema;
    }

    public static TestDatabase fresh(DatabaseKind kind) {
        var name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        var database = switch (kind) {
            case H2 -> new TestDatabase(kind, h2(name), "PUBLIC");
            case POSTGRESQL -> new TestDatabase(kind, postgres(name), name);
        };
        database.createSchema();
        DatabaseMigration.migrate(database.dataSource, java.util.Optional.empty());
        return database;
    }

    public DatabaseKind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The application's persistence unit on this database, created on first use. */
    public EntityManagerFactory entityManagerFactory() {
        if (entityManagerFactory == null) {
            entityManagerFactory = Persistence.createEntityManagerFactory("contactsync", Map.of(
                    "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                    "jakarta.persistence.jtaDataSource", "",
                    "jakarta.persistence.nonJtaDataSource", dataSource,
                    "eclipselink.logging.level", "WARNING"));
        }
        return entityManagerFactory;
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        var em = entityManagerFactory().createEntityManager();
        var tx = em.getTransaction();
        try {
            tx.begin();
            var result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    public void runInTransaction(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public void close() {
        if (entityManagerFactory != null) {
            entityManagerFactory.close();
        }
        execute(kind == DatabaseKind.H2 ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
    }

    /** Drops a PostgreSQL schema with everything in it, if it exists (one a {@link PayaraMicroProcess} used). */
    static void dropPostgresqlSchema(String schema) {
        try (var connection = postgres("public").getConnection(); var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Dropping schema " + schema + " failed: " + e.getMessage(), e);
        }
    }

    private void createSchema() {
        if (kind == DatabaseKind.POSTGRESQL) {
            execute("CREATE SCHEMA " + schema);
        }
    }

    private void execute(String sql) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database " + kind + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static DataSource h2(String name) {
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("sa");
        return ds;
    }

    private static DataSource postgres(String schema) {
        var ds = new PGSimpleDataSource();
        ds.setURL(POSTGRES_URL);
        ds.setUser(POSTGRES_USER);
        ds.setCurrentSchema(schema);
        return ds;
    }
}

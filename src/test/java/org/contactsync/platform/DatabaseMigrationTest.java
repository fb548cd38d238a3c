package org.contactsync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema is Flyway's: every migration applies on both supported databases, and a restart changes nothing. */
class DatabaseMigrationTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void migrationsApplyCleanlyAndAreIdempotent(DatabaseKind kind) throws SQLException {
        try (var db = TestDatabase.fresh(kind)) {
            int applied = successfulMigrations(db);
            var versionAfterRestart = DatabaseMigration.migrate(db.dataSource(), java.util.Optional.empty());

            assertEquals(applied, successfulMigrations(db), "a second start must not apply anything again");
            assertEquals(latestMigration(kind), versionAfterRestart);
        }
    }

    private static int successfulMigrations(TestDatabase db) throws SQLException {
        try (var c = db.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from \"flyway_schema_history\" where \"success\" = true")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The newest migration in the folders for every database and, on PostgreSQL, its own. */
    private static String latestMigration(DatabaseKind kind) {
        var folders = kind == DatabaseKind.POSTGRESQL ? java.util.List.of("migration", "migration-postgresql")
                : java.util.List.of("migration");
        var versions = folders.stream()
                .map(folder -> new java.io.File("src/main/resources/db/" + folder).list((d, n) -> n.matches("V[\\d_]+__.*\\.sql")))
                .filter(java.util.Objects::nonNull)
                .flatMap(java.util.Arrays::stream)
                .map(n -> org.flywaydb.core.api.MigrationVersion.fromVersion(n.substring(1, n.indexOf("__"))))
                .toList();
        assertTrue(!versions.isEmpty(), "the application has migrations");
        return versions.stream().max(java.util.Comparator.naturalOrder()).orElseThrow().getVersion();
    }
}

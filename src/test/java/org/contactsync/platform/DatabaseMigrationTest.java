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
            assertEquals(latestMigrationOnClasspath(), versionAfterRestart);
        }
    }

    private static int successfulMigrations(TestDatabase db) throws SQLException {
        try (var c = db.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from \"flyway_schema_history\" where \"success\" = true")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String latestMigrationOnClasspath() {
        var dir = new java.io.File("src/main/resources/db/migration");
        var names = dir.list((d, n) -> n.matches("V\\d+__.*\\.sql"));
        assertTrue(names != null && names.length > 0, "the application has migrations");
        return java.util.Arrays.stream(names)
                .map(n -> n.substring(1, n.indexOf("__")))
                .max(java.util.Comparator.comparingInt(Integer::parseInt))
                .orElseThrow();
    }
}

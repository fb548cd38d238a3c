package org.contactsync.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Contact List at 100,000 contacts on H2: the queries the repository really sends (captured from EclipseLink
 * with literal values) are answered through the indexes — the plan names an index instead of a table scan, and the
 * list order comes sorted from the index. Timings belong to the benchmarks, not here.
 */
class ContactListScaleTest {

    private static final int CONTACTS = 100_000;

    /** Collects the SQL statements EclipseLink logs. */
    public static class SqlCapture extends AbstractSessionLog {
        static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

        @Override
        public void log(SessionLogEntry entry) {
            if ("sql".equals(entry.getNameSpace())) {
                STATEMENTS.add(entry.getMessage());
            }
        }
    }

    private static TestDatabase db;
    private static EntityManagerFactory capturing;

    @BeforeAll
    static void hundredThousandContacts() throws SQLException {
        db = TestDatabase.fresh(DatabaseKind.H2);
        ScaleContacts.insert(db.dataSource(), CONTACTS);
        capturing = Persistence.createEntityManagerFactory("contactsync", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", db.dataSource(),
                "eclipselink.logging.logger", SqlCapture.class.getName(),
                "eclipselink.logging.level.sql", "FINE",
                "eclipselink.jdbc.bind-parameters", "false"));
    }

    @AfterAll
    static void close() {
        capturing.close();
        db.close();
    }

    /** Runs a repository call and returns the plan of every SELECT it sent. */
    private static List<String> plans(java.util.function.Consumer<ContactRepository> call) throws SQLException {
        SqlCapture.STATEMENTS.clear();
        var em = capturing.createEntityManager();
        try {
            call.accept(new ContactRepository(em));
        } finally {
            em.close();
        }
        var plans = new ArrayList<String>();
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement()) {
            for (var sql : SqlCapture.STATEMENTS) {
                if (sql.startsWith("SELECT")) {
                    try (var rs = statement.executeQuery("EXPLAIN " + sql)) {
                        rs.next();
                        plans.add(rs.getString(1));
                    }
                }
            }
        }
        assertTrue(!plans.isEmpty(), "the repository sent a query");
        return plans;
    }

    private static void assertUsesIndex(String index, String plan) {
        assertTrue(plan.contains("PUBLIC." + index.toUpperCase()), () -> "expected index " + index + " in\n" + plan);
        assertTrue(!plan.contains("tableScan"), () -> "expected no table scan in\n" + plan);
    }

    @Test
    void theFirstPageInListOrderReadsTheListIndexInOrder() throws SQLException {
        var result = new ArrayList<Contact>();
        var plan = plans(r -> result.addAll(r.find(ContactFilter.NONE, ContactSort.DEFAULT, 0, 25))).get(0);
        assertEquals(25, result.size());
        assertUsesIndex("contact_list_order", plan);
        assertTrue(plan.contains("index sorted"), () -> "the order must come from the index:\n" + plan);
    }

    @Test
    void aDeepPageSortedByNameReadsTheNameIndexInOrder() throws SQLException {
        var result = new ArrayList<Contact>();
        var plan = plans(r -> result.addAll(r.find(ContactFilter.NONE, new ContactSort("name", true), 90_000, 25)))
                .get(0);
        assertEquals(25, result.size());
        assertUsesIndex("contact_search_name", plan);
        assertTrue(plan.contains("index sorted"), () -> "the order must come from the index:\n" + plan);
    }

    @Test
    void aStartsWithNameFilterAndItsCountUseTheNameIndex() throws SQLException {
        var plans = plans(r -> {
            var filter = ContactFilter.NONE.withName("@company 1*");
            assertTrue(r.count(filter) > 0);
            r.find(filter, ContactSort.DEFAULT, 0, 25);
        });
        assertEquals(2, plans.size());
        plans.forEach(plan -> assertUsesIndex("contact_search_name", plan));
    }

    @Test
    void aCompanysPersonsAndChangesSinceUseTheirIndexes() throws SQLException {
        plans(r -> r.personsOf("CT0000510")).forEach(plan -> assertUsesIndex("contact_company_no", plan));
        var since = java.time.Instant.parse("2026-01-02T15:00:00Z");
        plans(r -> r.count(ContactFilter.NONE.withModifiedSince(Optional.of(since))))
                .forEach(plan -> assertUsesIndex("contact_last_modified", plan));
    }
}

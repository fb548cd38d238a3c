package org.contactsync.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.contactsync.employee.Caller;
import org.contactsync.employee.Role;
import org.contactsync.employee.User;
import org.contactsync.employee.UserDetails;
import org.contactsync.employee.UserRepository;
import org.contactsync.graph.ConnectionCheckOutcome;
import org.contactsync.graph.ConnectionCheckResult;
import org.contactsync.graph.GraphConnectionChecks;
import org.contactsync.graph.GraphConnectionSettings;
import org.contactsync.platform.ApplicationException;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Validate Exchange Connection and Test connection around Graph: what is refused before Graph is called, and what
 * reaches Graph and is recorded. Graph itself is replaced by a recording stand-in.
 */
class ConnectionChecksTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN));
    private static final Caller NOMAIL = new Caller("nomail", Set.of(Role.EMPLOYEE));
    private static final String KEY = Base64.getEncoder().encodeToString("a-test-key-of-exactly-32-bytes!!"
            .getBytes(StandardCharsets.US_ASCII));

    /** Answers every check with one outcome and remembers the mailboxes asked for. */
    static final class RecordingChecks extends GraphConnectionChecks {
        final List<String> calls = new ArrayList<>();
        final List<GraphConnectionSettings> tested = new ArrayList<>();
        final ConnectionCheckOutcome answer;

        RecordingChecks(ConnectionCheckOutcome answer) {
            this.answer = answer;
        }

        @Override
        public ConnectionCheckResult testConnection(GraphConnectionSettings settings, Optional<String> mailboxToTry) {
            calls.add("test " + settings.tenantId());
            tested.add(settings);
            return new ConnectionCheckResult(answer, "");
        }

        @Override
        public ConnectionCheckResult validateMailbox(GraphConnectionSettings settings, String mailbox) {
            calls.add("mailbox " + mailbox);
            return new ConnectionCheckResult(answer, "");
        }
    }

    private static ConnectionChecks connectionChecks(jakarta.persistence.EntityManager em, RecordingChecks checks) {
        var connectionChecks = new ConnectionChecks();
        connectionChecks.connections = new GraphConnectionService(new GraphConnectionRepository(em),
                new SecretProtection(Optional.of(KEY), false), CLOCK);
        connectionChecks.setups = new ExchangeSyncService(new ExchangeSyncRepository(em), new UserRepository(em), CLOCK);
        connectionChecks.checks = checks;
        return connectionChecks;
    }

    @Test
    void noEmailOrNoConnectionIsRefusedWithoutCallingGraphAndAnOutcomeIsRecorded() {
        try (var db = TestDatabase.fresh(DatabaseKind.H2)) {
            db.runInTransaction(em -> {
                em.persist(new User(new UserDetails("nomail", "No Mail", "", true, Set.of(Role.EMPLOYEE)), "hash",
                        false, CLOCK.instant(), "system"));
                em.persist(new User(new UserDetails("alice", "Alice", "alice@contoso.example", true,
                        Set.of(Role.EMPLOYEE)), "hash", false, CLOCK.instant(), "system"));
            });
            var checks = new RecordingChecks(ConnectionCheckOutcome.WRONG_SECRET);

            var noEmail = assertThrows(ApplicationException.class,
                    () -> db.runInTransaction(em -> connectionChecks(em, checks).validateMailbox(NOMAIL, "nomail")));
            assertEquals("setup.noEmail", noEmail.userMessage().key());
            var noConnection = assertThrows(ApplicationException.class,
                    () -> db.runInTransaction(em -> connectionChecks(em, checks).validateMailbox(ADMIN, "alice")));
            assertEquals("connection.refused.notSetUp", noConnection.userMessage().key());
            assertEquals(List.of(), checks.calls, "Graph was not called");

            db.runInTransaction(em -> connectionChecks(em, checks).connections.createIfMissing("contoso.onmicrosoft.com",
                    "6731de76-14a6-49ae-97bc-6eba6914391e", "secret", "system"));
            var validated = db.inTransaction(em -> connectionChecks(em, checks).validateMailbox(ADMIN, "alice"));
            assertEquals(ConnectionCheckOutcome.WRONG_SECRET, validated.outcome());
            var tested = db.inTransaction(em -> connectionChecks(em, checks).testConnection(ADMIN, asSaved(em)));
            assertEquals(ConnectionCheckOutcome.WRONG_SECRET, tested.result().outcome());
            assertTrue(tested.tested().asSaved(), "the page showed the saved connection");
            assertEquals(List.of("mailbox alice@contoso.example", "test contoso.onmicrosoft.com"), checks.calls);
            var recorded = db.inTransaction(em -> connectionChecks(em, checks).connections.find().orElseThrow());
            assertEquals(Optional.of("WRONG_SECRET"), recorded.lastTestOutcome());
            assertEquals(Optional.of("admin"), recorded.lastTestBy());
            assertThrows(ApplicationException.class, () -> db.runInTransaction(em -> connectionChecks(em, checks)
                    .testConnection(new Caller("alice", Set.of(Role.EMPLOYEE)), asSaved(em))), "admins only");
        }
    }

    @Test
    void testConnectionTriesTheValuesOnThePageWithoutSavingOrRecordingThem() {
        try (var db = TestDatabase.fresh(DatabaseKind.H2)) {
            db.runInTransaction(em -> connectionChecks(em, null).connections.createIfMissing(TENANT, CLIENT_ID,
                    "the-saved-secret", "system"));
            var before = db.inTransaction(em -> connectionChecks(em, null).connections.find().orElseThrow());
            var checks = new RecordingChecks(ConnectionCheckOutcome.WRONG_SECRET);

            var typed = db.inTransaction(em -> connectionChecks(em, checks).testConnection(ADMIN,
                    onThePage(em, "fabrikam.onmicrosoft.com", Optional.of("a-wrong-secret-typed-to-try"))));

            assertEquals("fabrikam.onmicrosoft.com", checks.tested.get(0).tenantId(), "the typed tenant was tested");
            assertEquals(new GraphConnectionSettings.ClientSecret("a-wrong-secret-typed-to-try"),
                    checks.tested.get(0).credential());
            assertTrue(typed.tested().typed() && !typed.tested().asSaved());
            var after = db.inTransaction(em -> connectionChecks(em, null).connections.find().orElseThrow());
            assertEquals(before.getVersion(), after.getVersion(), "nothing was saved");
            assertEquals(TENANT, after.getTenantId());
            assertEquals(Optional.empty(), after.lastTestOutcome(), "a try-out is not the saved connection's test");
            assertEquals(new GraphConnectionSettings.ClientSecret("the-saved-secret"),
                    db.inTransaction(em -> connectionChecks(em, null).connections.settings().orElseThrow().credential()),
                    "every employee's sync still uses the saved secret");
        }
    }

    @Test
    void aTestOfAnotherTenantWithoutItsSecretIsRefusedBeforeGraphIsCalled() {
        try (var db = TestDatabase.fresh(DatabaseKind.H2)) {
            db.runInTransaction(em -> connectionChecks(em, null).connections.createIfMissing(TENANT, CLIENT_ID,
                    "the-saved-secret", "system"));
            var checks = new RecordingChecks(ConnectionCheckOutcome.OK);

            var refused = assertThrows(ApplicationException.class, () -> db.runInTransaction(em -> connectionChecks(
                    em, checks).testConnection(ADMIN, onThePage(em, "fabrikam.onmicrosoft.com", Optional.empty()))));

            assertEquals("clientSecret", refused.fieldProblems().get(0).field(), "the saved secret is not sent elsewhere");
            assertEquals(List.of(), checks.calls);
        }
    }

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";

    /** The page as it opens on the saved connection: no secret typed. */
    private static ConnectionInput asSaved(jakarta.persistence.EntityManager em) {
        var saved = connectionChecks(em, null).connections.find().orElseThrow();
        return new ConnectionInput(saved.getTenantId(), saved.getClientId(),
                ConnectionInput.CredentialKind.CLIENT_SECRET, Optional.empty(), Optional.empty(), Optional.empty(),
                saved.getAuthorityHost(), saved.getGraphEndpoint());
    }

    private static ConnectionInput onThePage(jakarta.persistence.EntityManager em, String tenant,
                                             Optional<String> typedSecret) {
        var service = connectionChecks(em, null).connections;
        return new ConnectionInput(tenant, CLIENT_ID, ConnectionInput.CredentialKind.CLIENT_SECRET, typedSecret,
                Optional.empty(), Optional.empty(), service.defaultAuthorityHost(), service.defaultGraphEndpoint());
    }
}

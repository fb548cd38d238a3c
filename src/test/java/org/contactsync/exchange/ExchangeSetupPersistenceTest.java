package org.contactsync.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.contactsync.employee.Caller;
import org.contactsync.employee.Role;
import org.contactsync.employee.User;
import org.contactsync.employee.UserDetails;
import org.contactsync.employee.UserRepository;
import org.contactsync.exchange.ConnectionInput.CredentialKind;
import org.contactsync.graph.GraphConnectionSettings.ClientSecret;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Exchange Sync setups and the Microsoft 365 connection in the database, on H2 and PostgreSQL: who may open
 * whose setup, what a save records, the engine's rename-pending state, and a saved secret that appears nowhere in
 * the database in readable form.
 */
class ExchangeSetupPersistenceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN));
    private static final Caller ALICE = new Caller("alice", Set.of(Role.EMPLOYEE));
    private static final String KEY = Base64.getEncoder().encodeToString("a-test-key-of-exactly-32-bytes!!"
            .getBytes(StandardCharsets.US_ASCII));
    private static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";

    private static void users(TestDatabase db) {
        db.runInTransaction(em -> {
            for (var name : new String[] {"admin", "alice", "bob"}) {
                var roles = name.equals("admin") ? Set.of(Role.ADMIN) : Set.of(Role.EMPLOYEE);
                em.persist(new User(new UserDetails(name, name, name + "@contoso.example", true, roles), "hash",
                        false, CLOCK.instant(), "system"));
            }
        });
    }

    private static <T> T setups(TestDatabase db, Function<ExchangeSyncService, T> work) {
        return db.inTransaction(em -> work.apply(new ExchangeSyncService(new ExchangeSyncRepository(em), new UserRepository(em), CLOCK)));
    }

    private static <T> T connections(TestDatabase db, Function<GraphConnectionService, T> work) {
        return connections(db, KEY, Optional.empty(), work);
    }

    /** The connection service of a server whose key is {@code key}, during a rotation from {@code previousKey}. */
    private static <T> T connections(TestDatabase db, String key, Optional<String> previousKey,
            Function<GraphConnectionService, T> work) {
        return db.inTransaction(em -> work.apply(new GraphConnectionService(new GraphConnectionRepository(em),
                new SecretProtection(Optional.of(key), previousKey, false), CLOCK)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anEmployeeOpensOnlyTheirOwnSetupAndAnAdminAnyone(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            users(db);
            var own = setups(db, s -> s.open(ALICE, "Alice"));
            assertEquals("alice", own.getUserName());
            assertEquals(ExchangeSync.DEFAULT_FOLDER_NAME, own.getFolderName());
            assertEquals("alice", own.created().by());
            var other = assertThrows(ApplicationException.class, () -> setups(db, s -> s.open(ALICE, "bob")));
            assertEquals(Kind.FORBIDDEN, other.kind());
            var unknownForEmployee = assertThrows(ApplicationException.class,
                    () -> setups(db, s -> s.open(ALICE, "nobody")));
            assertEquals(Kind.FORBIDDEN, unknownForEmployee.kind(), "an employee learns nothing about other names");
            assertEquals("bob", setups(db, s -> s.open(ADMIN, "bob")).getUserName());
            assertEquals(Kind.NOT_FOUND, assertThrows(ApplicationException.class,
                    () -> setups(db, s -> s.open(ADMIN, "nobody"))).kind());
            assertThrows(ApplicationException.class, () -> setups(db, s -> {
                s.delete(ALICE, "bob");
                return null;
            }));
            assertTrue(setups(db, s -> s.find("bob")).isPresent(), "bob's setup survived alice's attempt");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSaveRecordsWhoAndWhenAndARenameWaitsForTheEngine(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            users(db);
            var version = setups(db, s -> s.open(ALICE, "alice")).getVersion();
            var filter = new SyncFilter(Map.of(FilterField.NO, "CT00001*|CT00002*", FilterField.CITY, "@stock*"));
            var saved = setups(db, s -> s.save(ADMIN, "alice",
                    new ContactSyncSettings("Contacts from BC", filter, true, true), version));
            assertEquals("admin", saved.modified().by());
            assertEquals(CLOCK.instant(), saved.modified().at());
            assertFalse(saved.isFolderRenamePending(), "no Outlook folder yet: nothing to rename");
            var reread = setups(db, s -> s.find("alice")).orElseThrow();
            assertEquals(filter, reread.filter());
            assertTrue(reread.isBackgroundSyncEnabled());
            assertTrue(reread.isKeepInOutlook());
            assertEquals(1, setups(db, ExchangeSyncService::withBackgroundSync).size());

            db.runInTransaction(em -> new ExchangeSyncService(new ExchangeSyncRepository(em), new UserRepository(em), CLOCK).find("alice")
                    .orElseThrow().recordFolder("AAMkAGI2-folder"));
            var afterEngine = setups(db, s -> s.find("alice")).orElseThrow();
            var renamed = setups(db, s -> s.save(ALICE, "alice", new ContactSyncSettings("CRM",
                    afterEngine.filter(), true, true), afterEngine.getVersion()));
            assertTrue(renamed.isFolderRenamePending());
            assertEquals(Optional.of("AAMkAGI2-folder"), renamed.folderId(), "the folder and its contacts are kept");

            var stale = assertThrows(ApplicationException.class, () -> setups(db, s -> s.save(ALICE, "alice",
                    new ContactSyncSettings("Other", SyncFilter.NONE, false, false), version)));
            assertEquals(Kind.CONFLICT, stale.kind());
            var invalid = assertThrows(ApplicationException.class, () -> setups(db, s -> s.save(ALICE, "alice",
                    new ContactSyncSettings("CRM", new SyncFilter(Map.of(FilterField.POST_CODE, "1..2..3")),
                            true, true), renamed.getVersion())));
            assertEquals("filterPostCode", invalid.fieldProblems().get(0).field());
            var tooLong = assertThrows(ApplicationException.class, () -> setups(db, s -> s.save(ALICE, "alice",
                    new ContactSyncSettings("x".repeat(31), SyncFilter.NONE, true, true), renamed.getVersion())));
            assertEquals("folderName", tooLong.fieldProblems().get(0).field());
            var both = assertThrows(ApplicationException.class, () -> setups(db, s -> s.save(ALICE, "alice",
                    new ContactSyncSettings("", new SyncFilter(Map.of(FilterField.CITY, "(A", FilterField.TYPE,
                            "Vendor")), true, true), renamed.getVersion())));
            assertEquals(java.util.Set.of("folderName", "filterCity", "filterType"), both.fieldProblems().stream()
                    .map(p -> p.field()).collect(java.util.stream.Collectors.toSet()), "every bad field at once");
            assertEquals("CRM", setups(db, s -> s.find("alice")).orElseThrow().getFolderName(), "nothing saved");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSavedSecretIsNowhereInTheDatabaseInReadableForm(DatabaseKind kind) throws SQLException {
        try (var db = TestDatabase.fresh(kind)) {
            var secret = "Zq8~unmistakable-client-secret-4711";
            var input = new ConnectionInput("contoso.onmicrosoft.com", CLIENT_ID, CredentialKind.CLIENT_SECRET,
                    Optional.of(secret), Optional.empty(), Optional.empty(), "https://login.microsoftonline.com/",
                    "https://graph.microsoft.com/v1.0");
            var saved = connections(db, s -> s.save(ADMIN, input, Optional.empty()));
            assertTrue(saved.hasClientSecret());
            assertFalse(input.toString().contains(secret));

            var dump = dump(db);
            assertTrue(dump.contains("contoso.onmicrosoft.com"), "the dump holds the connection's row");
            assertFalse(dump.contains(secret), "plain text");
            assertFalse(dump.toLowerCase().contains(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8))),
                    "hex");
            assertFalse(dump.contains(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))),
                    "Base64");

            var settings = connections(db, GraphConnectionService::settings).orElseThrow();
            assertEquals(new ClientSecret(secret), settings.credential(), "the engine gets the secret back");
            assertEquals("https://login.microsoftonline.com", settings.authorityHost());

            var keep = new ConnectionInput("contoso.onmicrosoft.com", CLIENT_ID, CredentialKind.CLIENT_SECRET,
                    Optional.empty(), Optional.empty(), Optional.empty(), "https://login.microsoftonline.com",
                    "https://graph.microsoft.com/v1.0");
            connections(db, s -> s.save(ADMIN, keep, Optional.of(saved.getVersion())));
            assertEquals(new ClientSecret(secret), connections(db, GraphConnectionService::settings).orElseThrow()
                    .credential(), "an empty secret field keeps the stored secret");

            var employee = assertThrows(ApplicationException.class, () -> connections(db, s -> s.card(ALICE)));
            assertEquals(Kind.FORBIDDEN, employee.kind());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aKeyRotationSealsTheStoredSecretAgainUnderTheNewKeyAndTheOldKeyCanThenGo(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var secret = "Zq8~a-secret-sealed-under-the-old-key";
            connections(db, s -> s.save(ADMIN, new ConnectionInput("contoso.onmicrosoft.com", CLIENT_ID,
                    CredentialKind.CLIENT_SECRET, Optional.of(secret), Optional.empty(), Optional.empty(),
                    "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0"), Optional.empty()));
            var newKey = Base64.getEncoder().encodeToString("the-new-key-also-of-32-bytes!!!!"
                    .getBytes(StandardCharsets.US_ASCII));

            assertEquals(Kind.CONFLICT, assertThrows(ApplicationException.class, () -> connections(db, newKey,
                    Optional.empty(), GraphConnectionService::settings)).kind(), "the new key alone cannot read it yet");
            assertTrue(connections(db, newKey, Optional.of(KEY), GraphConnectionService::sealStoredSecretsUnderCurrentKey));
            assertFalse(connections(db, newKey, Optional.of(KEY), GraphConnectionService::sealStoredSecretsUnderCurrentKey),
                    "sealed under the new key already");

            assertEquals(new ClientSecret(secret), connections(db, newKey, Optional.empty(),
                    GraphConnectionService::settings).orElseThrow().credential(), "the new key alone reads it");
            assertEquals(Kind.CONFLICT, assertThrows(ApplicationException.class, () -> connections(db,
                    GraphConnectionService::settings)).kind(), "the old key no longer does");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invalidConnectionsAreRefusedFieldByField(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var input = new ConnectionInput("not a tenant!", "not-a-guid", CredentialKind.CLIENT_SECRET,
                    Optional.empty(), Optional.empty(), Optional.empty(), "http://login.example",
                    "https://graph.microsoft.com/beta");
            var refusal = assertThrows(ApplicationException.class,
                    () -> connections(db, s -> s.save(ADMIN, input, Optional.empty())));
            assertEquals(Set.of("tenantId", "clientId", "authorityHost", "graphEndpoint", "clientSecret"),
                    refusal.fieldProblems().stream().map(p -> p.field()).collect(java.util.stream.Collectors.toSet()));
            var certificate = new ConnectionInput("contoso.onmicrosoft.com", CLIENT_ID, CredentialKind.CERTIFICATE,
                    Optional.empty(), Optional.of(new ConnectionInput.UploadedCertificate("app.pfx",
                    "not a pfx".getBytes(StandardCharsets.US_ASCII))), Optional.of("pw"),
                    "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0");
            var unreadable = assertThrows(ApplicationException.class,
                    () -> connections(db, s -> s.save(ADMIN, certificate, Optional.empty())));
            assertEquals("connection.certificate.unreadable", unreadable.fieldProblems().get(0).message().key());
            assertTrue(connections(db, GraphConnectionService::find).isEmpty(), "nothing was saved");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aStoredSecretNeverFollowsAChangedTenantClientIdAuthorityOrEndpoint(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var secret = "secret-for-contoso";
            var saved = connections(db, s -> s.save(ADMIN, secretConnection("contoso.onmicrosoft.com", CLIENT_ID,
                    Optional.of(secret), "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0"),
                    Optional.empty()));
            var moves = java.util.List.of(
                    secretConnection("fabrikam.onmicrosoft.com", CLIENT_ID, Optional.empty(),
                            "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0"),
                    secretConnection("contoso.onmicrosoft.com", "1f6d8a1e-3b5c-4d0a-9f2e-7c4b1a2d3e5f",
                            Optional.empty(), "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0"),
                    secretConnection("contoso.onmicrosoft.com", CLIENT_ID, Optional.empty(),
                            "https://login.evil.example", "https://graph.microsoft.com/v1.0"),
                    secretConnection("contoso.onmicrosoft.com", CLIENT_ID, Optional.empty(),
                            "https://login.microsoftonline.com", "https://graph.evil.example/v1.0"));
            for (var move : moves) {
                var refusal = assertThrows(ApplicationException.class,
                        () -> connections(db, s -> s.save(ADMIN, move, Optional.of(saved.getVersion()))), move.toString());
                assertEquals(java.util.List.of("clientSecret"),
                        refusal.fieldProblems().stream().map(p -> p.field()).toList());
                assertEquals("You changed the tenant, client id, authority host or Graph endpoint: enter the client "
                        + "secret again. The stored secret is never sent anywhere it was not entered for.",
                        refusal.fieldProblems().get(0).message().in(java.util.Locale.ENGLISH));
            }
            var unchanged = connections(db, GraphConnectionService::settings).orElseThrow();
            assertEquals("https://login.microsoftonline.com", unchanged.authorityHost(), "nothing was saved");

            var withNewSecret = secretConnection("fabrikam.onmicrosoft.com", CLIENT_ID, Optional.of("fabrikam-secret"),
                    "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0");
            connections(db, s -> s.save(ADMIN, withNewSecret, Optional.of(saved.getVersion())));
            assertEquals(new ClientSecret("fabrikam-secret"),
                    connections(db, GraphConnectionService::settings).orElseThrow().credential());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void plainHttpIsRefusedExceptForTheGraphEndpointOnThisMachineWithTheSandboxOn(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var plain = secretConnection("contoso-sandbox", CLIENT_ID, Optional.of("s"), "http://login.evil.example",
                    "http://graph.evil.example/v1.0");
            for (boolean sandbox : new boolean[] {false, true}) {
                var refusal = assertThrows(ApplicationException.class, () -> db.inTransaction(em ->
                        sandboxConnections(em, sandbox).save(ADMIN, plain, Optional.empty())));
                assertEquals(Set.of("connection.authorityHost.notHttps", "connection.graphEndpoint.notHttps"),
                        refusal.fieldProblems().stream().map(p -> p.message().key())
                                .collect(java.util.stream.Collectors.toSet()));
            }
            var loopback = secretConnection("contoso-sandbox", CLIENT_ID, Optional.of("s"), "https://localhost:8181",
                    "http://localhost:8080/sandbox/graph/v1.0");
            assertThrows(ApplicationException.class, () -> db.inTransaction(em ->
                    sandboxConnections(em, false).save(ADMIN, loopback, Optional.empty())), "sandbox off");
            var loopbackAuthority = secretConnection("contoso-sandbox", CLIENT_ID, Optional.of("s"),
                    "http://localhost:8181", "https://localhost:8181/sandbox/graph/v1.0");
            assertThrows(ApplicationException.class, () -> db.inTransaction(em ->
                    sandboxConnections(em, true).save(ADMIN, loopbackAuthority, Optional.empty())),
                    "azure-identity takes no plain http authority, not even the sandbox's");
            db.inTransaction(em -> sandboxConnections(em, true).save(ADMIN, loopback, Optional.empty()));
            assertEquals("http://localhost:8080/sandbox/graph/v1.0",
                    connections(db, GraphConnectionService::settings).orElseThrow().graphEndpoint());
        }
    }

    private static GraphConnectionService sandboxConnections(jakarta.persistence.EntityManager em, boolean sandbox) {
        return new GraphConnectionService(new GraphConnectionRepository(em), new SecretProtection(Optional.of(KEY), false), CLOCK, sandbox);
    }

    private static ConnectionInput secretConnection(String tenant, String clientId, Optional<String> secret,
            String authority, String endpoint) {
        return new ConnectionInput(tenant, clientId, CredentialKind.CLIENT_SECRET, secret, Optional.empty(),
                Optional.empty(), authority, endpoint);
    }

    /** Every column of every row of the application's tables, as text (H2: SCRIPT; PostgreSQL: a row dump). */
    private static String dump(TestDatabase db) throws SQLException {
        var text = new StringBuilder();
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement()) {
            if (db.kind() == DatabaseKind.H2) {
                try (var rows = statement.executeQuery("SCRIPT")) {
                    while (rows.next()) {
                        text.append(rows.getString(1)).append('\n');
                    }
                }
                return text.toString();
            }
            var tables = new java.util.ArrayList<String>();
            try (var rows = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (var table : tables) {
                // Table names come from the catalogue, not from input; a row's text form has every column.
                try (var rows = statement.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (rows.next()) {
                        text.append(table).append(' ').append(rows.getString(1)).append('\n');
                    }
                }
            }
            return text.toString();
        }
    }
}

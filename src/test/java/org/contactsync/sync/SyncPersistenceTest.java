package org.contactsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.contactsync.employee.AuthenticationEmailChanged;
import org.contactsync.employee.Role;
import org.contactsync.employee.User;
import org.contactsync.employee.UserDetails;
import org.contactsync.employee.UserRepository;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.exchange.ExchangeSyncRepository;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.platform.ApplicationException;
import org.contactsync.sync.plan.ActionKind;
import org.contactsync.sync.plan.Direction;
import org.contactsync.contact.FieldValues;
import org.contactsync.sync.plan.MassDeleteGuard;
import org.contactsync.sync.plan.Reason;
import org.contactsync.sync.plan.SyncLink;
import org.contactsync.sync.plan.SyncMode;
import org.contactsync.contact.SyncedField;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The link table, runs with their lease and the sync log on H2 and PostgreSQL: a link keeps its last synced values
 * (including a field agreed empty, and one with no agreed value), one link per contact and per Outlook contact,
 * one running sync per employee even when two servers ask at once, an expired lease taken over, and the purge.
 */
class SyncPersistenceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private static void users(TestDatabase db) {
        db.runInTransaction(em -> {
            for (var name : new String[] {"alice", "bob"}) {
                em.persist(new User(new UserDetails(name, name, name + "@contoso.example", true,
                        Set.of(Role.EMPLOYEE)), "hash", false, NOW, "system"));
            }
        });
    }

    private static SyncRequest request(String user) {
        return new SyncRequest(user, SyncMode.INCREMENTAL, SyncTrigger.API, user, false, false);
    }

    private static SyncRun claim(TestDatabase db, String user, String server, Instant at) {
        return db.inTransaction(em -> new SyncRepository(em).claim(request(user), server, at, LEASE));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aLinkKeepsItsLastSyncedValuesAndIsUniquePerContactAndPerOutlookContact(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            users(db);
            var agreed = FieldValues.of(Map.of(SyncedField.NAME, "Åsa Öberg", SyncedField.E_MAIL, "asa@example.se",
                    SyncedField.ADDRESS_2, "", SyncedField.ADDRESS, "Storgatan 1\"quoted\""));
            db.runInTransaction(em -> new SyncRepository(em).add(
                    new ContactLink("alice", new SyncLink("CT000010", "AAMk-1", "ck1", agreed, true), NOW)));

            SyncLink read = db.inTransaction(em -> new SyncRepository(em).links("alice")).get(0).toSyncLink();
            assertEquals(new SyncLink("CT000010", "AAMk-1", "ck1", agreed, true, false), read);
            assertEquals(Optional.of(""), read.lastSynced().find(SyncedField.ADDRESS_2), "agreed empty");
            assertEquals(Optional.empty(), read.lastSynced().find(SyncedField.CITY), "no agreed value");

            assertThrows(PersistenceException.class, () -> db.runInTransaction(em -> new SyncRepository(em).add(
                    new ContactLink("alice", new SyncLink("CT000010", "AAMk-2", "ck", agreed, false), NOW))),
                    "a second link for the same contact");
            assertThrows(PersistenceException.class, () -> db.runInTransaction(em -> new SyncRepository(em).add(
                    new ContactLink("alice", new SyncLink("CT000020", "AAMk-1", "ck", agreed, false), NOW))),
                    "a second link to the same Outlook contact");
            db.runInTransaction(em -> new SyncRepository(em).add(
                    new ContactLink("bob", new SyncLink("CT000010", "AAMk-1", "ck", agreed, false), NOW)));
            assertEquals(1, db.inTransaction(em -> new SyncRepository(em).links("bob")).size(),
                    "another employee links the same pair");

            assertEquals(1, (int) db.inTransaction(em -> new SyncRepository(em).removeLinksTo("alice", "AAMk-1")));
            assertTrue(db.inTransaction(em -> new SyncRepository(em).links("alice")).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void oneRunPerEmployeeHoldsTheLeaseAndAnExpiredLeaseIsTakenOver(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            users(db);
            var first = claim(db, "alice", "server-a", NOW);

            assertThrows(PersistenceException.class, () -> claim(db, "alice", "server-b", NOW.plusSeconds(60)),
                    "the lease is live");
            assertEquals(first.getId(), db.inTransaction(em -> new SyncRepository(em).leaseHolder("alice"))
                    .orElseThrow().getId());
            var bobs = claim(db, "bob", "server-b", NOW.plusSeconds(60));
            assertNotEquals(first.getId(), bobs.getId(), "another employee runs at the same time");

            var takeover = claim(db, "alice", "server-b", NOW.plus(LEASE).plusSeconds(1));
            var abandoned = db.inTransaction(em -> new SyncRepository(em).run(first.getId())).orElseThrow();
            assertEquals(SyncRunStatus.FAILED, abandoned.getStatus());
            assertTrue(abandoned.errorMessage().orElseThrow().contains("lease"));
            assertEquals(Optional.of("server-b"), db.inTransaction(em -> new SyncRepository(em).run(takeover.getId()))
                    .orElseThrow().leaseOwner());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aServerStartingUpEndsTheRunsWhoseLeaseRanOutAndLeavesLiveOnes(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            users(db);
            var crashed = claim(db, "alice", "server-a", NOW);
            var live = claim(db, "bob", "server-b", NOW.plus(LEASE));

            int ended = db.inTransaction(em -> new SyncRepository(em).endLapsedRuns(Optional.empty(),
                    NOW.plus(LEASE).plusSeconds(1)));

            assertEquals(1, ended);
            var interrupted = db.inTransaction(em -> new SyncRepository(em).run(crashed.getId())).orElseThrow();
            assertEquals(SyncRunStatus.FAILED, interrupted.getStatus());
            assertTrue(interrupted.errorMessage().orElseThrow().startsWith("Interrupted:"));
            assertEquals(Optional.of(NOW.plus(LEASE).plusSeconds(1)), interrupted.endedAt());
            assertTrue(db.inTransaction(em -> new SyncRepository(em).leaseHolder("alice")).isEmpty(), "lease freed");
            assertEquals(live.getId(), db.inTransaction(em -> new SyncRepository(em).leaseHolder("bob"))
                    .orElseThrow().getId(), "a live lease of another server is kept");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRenewalKeepsTheLeaseLiveButCannotReviveARunAnotherServerTookOver(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            users(db);
            var run = claim(db, "alice", "server-a", NOW);

            assertTrue(db.<Boolean>inTransaction(em -> new SyncRepository(em).renewLease(run.getId(),
                    NOW.plus(LEASE).plus(LEASE))));
            assertThrows(PersistenceException.class,
                    () -> claim(db, "alice", "server-b", NOW.plus(LEASE).plusSeconds(1)), "renewed, still live");

            Instant later = NOW.plus(LEASE).plus(LEASE).plusSeconds(1);
            var takeover = claim(db, "alice", "server-b", later);
            assertFalse(db.<Boolean>inTransaction(em -> new SyncRepository(em).renewLease(run.getId(), later.plus(LEASE))),
                    "the taken-over run cannot renew");
            var ended = db.inTransaction(em -> new SyncRepository(em).run(run.getId())).orElseThrow();
            assertEquals(SyncRunStatus.FAILED, ended.getStatus());
            assertTrue(ended.leaseExpiresAt().isEmpty(), "its lease stays given up");
            assertEquals(takeover.getId(), db.inTransaction(em -> new SyncRepository(em).leaseHolder("alice"))
                    .orElseThrow().getId());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRenewedLeaseStaysLiveAndAnEndedRunFreesIt(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            users(db);
            var run = claim(db, "alice", "server-a", NOW);
            db.runInTransaction(em -> em.find(SyncRun.class, run.getId()).renewLease(NOW.plus(LEASE), LEASE));
            assertThrows(PersistenceException.class,
                    () -> claim(db, "alice", "server-b", NOW.plus(LEASE).plusSeconds(1)), "renewed, still live");

            db.runInTransaction(em -> {
                var held = em.find(SyncRun.class, run.getId());
                held.planned(3, MassDeleteGuard.DEFAULT.judge(0, 0, false));
                held.count(ActionKind.CREATE_IN_OUTLOOK, 2);
                held.count(ActionKind.SKIP, 1);
                held.progressed(3, 4);
                held.end(SyncRunStatus.SUCCEEDED, NOW.plusSeconds(30), Optional.empty(), 4);
            });
            var ended = db.inTransaction(em -> new SyncRepository(em).run(run.getId())).orElseThrow();
            assertEquals(SyncRunStatus.SUCCEEDED, ended.getStatus());
            assertEquals(2, ended.count(ActionKind.CREATE_IN_OUTLOOK));
            assertEquals(1, ended.count(ActionKind.SKIP));
            assertEquals(3, ended.getDoneActions());
            assertEquals(4, ended.getGraphRequests());
            assertTrue(ended.leaseOwner().isEmpty());
            assertFalse(db.inTransaction(em -> new SyncRepository(em).leaseHolder("alice")).isPresent());
            claim(db, "alice", "server-b", NOW.plusSeconds(31));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theLogKeepsEntriesPerRunAndThePurgeRemovesOldFinishedRuns(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            users(db);
            var old = claim(db, "alice", "a", NOW.minus(Duration.ofDays(100)));
            db.runInTransaction(em -> {
                em.find(SyncRun.class, old.getId()).end(SyncRunStatus.SUCCEEDED, NOW.minus(Duration.ofDays(100)),
                        Optional.empty(), 1);
                new SyncRepository(em).add(new SyncLogEntry(old.getId(), Optional.of("CT000010"), Optional.empty(), Optional.empty(),
                        ActionKind.CREATE_IN_OUTLOOK.name(), Direction.TO_OUTLOOK, Set.of(), Reason.NEW_IN_BC, "",
                        NOW.minus(Duration.ofDays(100))));
            });
            var recent = claim(db, "alice", "a", NOW);
            db.runInTransaction(em -> new SyncRepository(em).add(new SyncLogEntry(recent.getId(),
                    Optional.of("CT000020"), Optional.of("AAMk-9"), Optional.empty(), ActionKind.UPDATE_IN_OUTLOOK.name(),
                    Direction.TO_OUTLOOK, Set.of(SyncedField.E_MAIL, SyncedField.CITY), Reason.CHANGED_IN_BC, "",
                    NOW)));

            var entries = db.inTransaction(em -> new SyncRepository(em).log(recent.getId()));
            assertEquals(1, entries.size());
            assertEquals("City, E-Mail", entries.get(0).getFieldsChanged());
            assertEquals(Reason.CHANGED_IN_BC, entries.get(0).getReason());

            assertEquals(1, (int) db.inTransaction(em -> new SyncRepository(em).purgeRunsBefore(NOW.minus(Duration.ofDays(90)))));
            assertTrue(db.inTransaction(em -> new SyncRepository(em).run(old.getId())).isEmpty());
            assertEquals(1, db.inTransaction(em -> new SyncRepository(em).runs(Optional.of("alice"), 10)).size());
            assertEquals(0, (int) db.inTransaction(em -> new SyncRepository(em).purgeRunsBefore(NOW.plusSeconds(1))),
                    "a running run is never purged");
        }
    }
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aNewMailboxDropsTheOldOnesLinksFolderAndDeltaButNotWhileARunHoldsTheLease(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            users(db);
            var agreed = FieldValues.of(Map.of(SyncedField.NAME, "Åsa Öberg"));
            db.runInTransaction(em -> {
                var setup = new ExchangeSync("alice", NOW, "alice");
                setup.recordFolder("folder-in-old-mailbox");
                setup.recordSync(NOW, "ok", Optional.of("delta-of-old-mailbox"));
                em.persist(setup);
                var links = new SyncRepository(em);
                links.add(new ContactLink("alice", new SyncLink("CT000010", "AAMk-1", "ck", agreed, false), NOW));
                links.add(new ContactLink("bob", new SyncLink("CT000010", "AAMk-2", "ck", agreed, false), NOW));
            });
            claim(db, "alice", "server-a", NOW);
            var change = new AuthenticationEmailChanged("alice", Optional.of("alice@contoso.example"),
                    Optional.of("ceo@contoso.example"), "admin");

            var refusal = assertThrows(ApplicationException.class,
                    () -> db.runInTransaction(em -> reset(em, NOW.plusSeconds(60)).reset(change)));
            assertEquals(ApplicationException.Kind.CONFLICT, refusal.kind());
            assertEquals(1, db.inTransaction(em -> new SyncRepository(em).links("alice")).size(), "kept meanwhile");

            // The run's server died: its lease runs out, and the change goes through.
            var later = NOW.plus(LEASE).plusSeconds(1);
            db.runInTransaction(em -> reset(em, later).reset(change));

            assertTrue(db.inTransaction(em -> new SyncRepository(em).links("alice")).isEmpty());
            assertEquals(1, db.inTransaction(em -> new SyncRepository(em).links("bob")).size(), "bob's are his");
            var setup = db.inTransaction(em -> new ExchangeSyncService(new ExchangeSyncRepository(em), new UserRepository(em), null)
                    .find("alice")).orElseThrow();
            assertEquals(Optional.empty(), setup.folderId());
            assertEquals(Optional.empty(), setup.deltaLink());
            assertEquals(later, setup.modified().at(), "so the next run does not take the in-step shortcut");
            assertEquals(Optional.empty(), db.inTransaction(em -> new SyncRepository(em).leaseHolder("alice")));
        }
    }

    private static MailboxChangeReset reset(EntityManager em, Instant at) {
        var clock = Clock.fixed(at, ZoneOffset.UTC);
        return new MailboxChangeReset(new SyncRepository(em), new ExchangeSyncService(new ExchangeSyncRepository(em), new UserRepository(em), clock), clock);
    }
}

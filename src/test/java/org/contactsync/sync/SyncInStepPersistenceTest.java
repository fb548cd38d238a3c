package org.contactsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.contactsync.contact.ContactData;
import org.contactsync.contact.ContactField;
import org.contactsync.contact.ContactRepository;
import org.contactsync.contact.ContactService;
import org.contactsync.contact.ContactType;
import org.contactsync.employee.Role;
import org.contactsync.employee.User;
import org.contactsync.employee.UserDetails;
import org.contactsync.exchange.ContactSyncSettings;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.exchange.FilterField;
import org.contactsync.exchange.SyncFilter;
import org.contactsync.contact.FieldValues;
import org.contactsync.sync.plan.MassDeleteGuard;
import org.contactsync.sync.plan.SyncLink;
import org.contactsync.sync.plan.SyncMode;
import org.contactsync.testsupport.BeanValidation;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When a quiet incremental run may end without reading Business Central ({@link SyncRepository#inStepSince}), on H2
 * and PostgreSQL: after a run that found the sides in step and with nothing changed since, yes; never after a
 * contact was added or changed (also one that leaves the filter by it), a linked contact deleted, the setup's
 * filter changed, nor after a run that had work planned, failed writes or was postponed. A preview does not count
 * as the last run.
 *
 * <p>Contacts are stamped by their entity listener with the real clock, so the runs here start at the real time
 * too, and the margin is zero unless a test is about the margin.
 */
class SyncInStepPersistenceTest {

    private static final Duration NO_MARGIN = Duration.ZERO;

    /**
     * The time now, strictly after every stamp taken before this call (the entity listener's included): it waits
     * for the clock to move past the microsecond it was called in, as both databases keep microseconds.
     */
    private static Instant now() {
        Instant called = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant now = called;
        while (!now.isAfter(called)) {
            Thread.onSpinWait();
            now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        return now;
    }

    /** alice with her setup and three contacts: the first two linked, the third not; returns their numbers. */
    private static List<String> prepare(TestDatabase db) {
        Instant created = now();
        return db.inTransaction(em -> {
            List<String> nos = new ArrayList<>();
            em.persist(new User(new UserDetails("alice", "Alice", "alice@contoso.example", true,
                    Set.of(Role.EMPLOYEE)), "hash", false, created, "system"));
            em.persist(new ExchangeSync("alice", created, "alice"));
            var contacts = new ContactService(new ContactRepository(em), BeanValidation.validator());
            for (int i = 1; i <= 3; i++) {
                var person = new ContactData();
                person.setType(ContactType.PERSON);
                person.set(ContactField.NAME, "Person " + i);
                person.set(ContactField.E_MAIL, "person" + i + "@example.com");
                person.set(ContactField.SALESPERSON_CODE, "JO");
                String no = contacts.create(person).getNo();
                nos.add(no);
                if (i < 3) {
                    new SyncRepository(em).add(new ContactLink("alice",
                            new SyncLink(no, "AAMk-" + i, "ck" + i, FieldValues.empty(), false), created));
                }
            }
            return nos;
        });
    }

    /** A run of alice started now and ended with this status after planning this many actions, none failed. */
    private static SyncRun run(TestDatabase db, boolean preview, SyncRunStatus status, int planned) {
        return run(db, preview, status, planned, 0);
    }

    /** A run of alice started now and ended with this status after planning this many actions, {@code failed} failed. */
    private static SyncRun run(TestDatabase db, boolean preview, SyncRunStatus status, int planned, int failed) {
        var request = new SyncRequest("alice", SyncMode.INCREMENTAL, SyncTrigger.API, "alice", preview, false);
        long id = db.inTransaction(em -> new SyncRepository(em).claim(request, "test", now(), Duration.ofMinutes(5)))
                .getId();
        db.runInTransaction(em -> {
            SyncRun run = em.find(SyncRun.class, id);
            run.planned(planned, MassDeleteGuard.DEFAULT.judge(0, 2, false));
            run.countFailed(failed);
            run.end(status, now(), Optional.empty(), 1);
        });
        return db.inTransaction(em -> em.find(SyncRun.class, id));
    }

    /** What a run claimed now is told, with the margin given. */
    private static Optional<SyncRun> nextRunInStep(TestDatabase db, Duration margin) {
        Instant setupModified = db.inTransaction(em -> em.createQuery(
                "select s from ExchangeSync s where s.userName = 'alice'", ExchangeSync.class).getSingleResult()
                .modified().at());
        var request = new SyncRequest("alice", SyncMode.INCREMENTAL, SyncTrigger.API, "alice", false, false);
        return db.inTransaction(em -> {
            var repository = new SyncRepository(em);
            SyncRun next = repository.claim(request, "test", now(), Duration.ofMinutes(5));
            Optional<SyncRun> inStep = repository.inStepSince(next.getId(), "alice", setupModified, margin);
            em.remove(next); // the question only: the test goes on with the runs before it
            return inStep;
        });
    }

    private static void changeContact(TestDatabase db, String no, Consumer<ContactData> change) {
        db.runInTransaction(em -> {
            var contacts = new ContactService(new ContactRepository(em), BeanValidation.validator());
            var contact = contacts.get(no);
            var data = ContactData.of(contact);
            change.accept(data);
            contacts.update(no, contact.getVersion(), data);
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void afterARunThatFoundTheSidesInStepAndNothingChangedTheNextRunMayEndAtOnce(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            prepare(db);
            var inStep = run(db, false, SyncRunStatus.SUCCEEDED, 0);

            assertEquals(Optional.of(inStep.getId()), nextRunInStep(db, NO_MARGIN).map(SyncRun::getId));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aPreviewInBetweenIsNotTheLastRunButChangesNothing(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            prepare(db);
            var inStep = run(db, false, SyncRunStatus.SUCCEEDED, 0);
            run(db, true, SyncRunStatus.SUCCEEDED, 0);

            assertEquals(Optional.of(inStep.getId()), nextRunInStep(db, NO_MARGIN).map(SyncRun::getId));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aChangeStampedWithinTheMarginBeforeTheLastRunStartedCountsAsMadeAfterIt(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            prepare(db);
            run(db, false, SyncRunStatus.SUCCEEDED, 0);

            assertTrue(nextRunInStep(db, Duration.ofMinutes(1)).isEmpty(), "contacts made a moment before the run");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aContactChangedSinceTheLastRunMeansReadingBusinessCentral(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var nos = prepare(db);
            run(db, false, SyncRunStatus.SUCCEEDED, 0);
            changeContact(db, nos.get(0), data -> data.set(ContactField.CITY, "Uppsala"));

            assertTrue(nextRunInStep(db, NO_MARGIN).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aContactThatLeavesTheFilterByAChangeMeansReadingBusinessCentral(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var nos = prepare(db);
            run(db, false, SyncRunStatus.SUCCEEDED, 0);
            changeContact(db, nos.get(1), data -> data.set(ContactField.SALESPERSON_CODE, "BO"));

            assertTrue(nextRunInStep(db, NO_MARGIN).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aContactAddedSinceTheLastRunMeansReadingBusinessCentral(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            prepare(db);
            run(db, false, SyncRunStatus.SUCCEEDED, 0);
            db.runInTransaction(em -> {
                var person = new ContactData();
                person.setType(ContactType.PERSON);
                person.set(ContactField.NAME, "Newcomer");
                person.set(ContactField.E_MAIL, "newcomer@example.com");
                new ContactService(new ContactRepository(em), BeanValidation.validator()).create(person);
            });

            assertTrue(nextRunInStep(db, NO_MARGIN).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aLinkedContactDeletedSinceTheLastRunMeansReadingBusinessCentral(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var nos = prepare(db);
            run(db, false, SyncRunStatus.SUCCEEDED, 0);
            db.runInTransaction(em -> new ContactService(new ContactRepository(em), BeanValidation.validator())
                    .delete(nos.get(1), Optional.empty()));

            assertTrue(nextRunInStep(db, NO_MARGIN).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anUnlinkedContactDeletedChangesNothingTheRunWouldDo(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var nos = prepare(db);
            var inStep = run(db, false, SyncRunStatus.SUCCEEDED, 0);
            db.runInTransaction(em -> new ContactService(new ContactRepository(em), BeanValidation.validator())
                    .delete(nos.get(2), Optional.empty()));

            assertEquals(Optional.of(inStep.getId()), nextRunInStep(db, NO_MARGIN).map(SyncRun::getId));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFilterChangedSinceTheLastRunMeansReadingBusinessCentral(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            prepare(db);
            run(db, false, SyncRunStatus.SUCCEEDED, 0);
            db.runInTransaction(em -> em.createQuery("select s from ExchangeSync s where s.userName = 'alice'",
                    ExchangeSync.class).getSingleResult().change(new ContactSyncSettings("Business Central",
                    new SyncFilter(Map.of(FilterField.SALESPERSON_CODE, "JO")), false, false), now(),
                    "alice"));

            assertTrue(nextRunInStep(db, NO_MARGIN).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aLastRunWhosePlannedWritesAllSucceededMeansReadingBusinessCentral(DatabaseKind kind) {
        // Its writes changed Outlook; the next run reads them back through delta with Business Central beside them.
        try (var db = TestDatabase.fresh(kind)) {
            prepare(db);
            run(db, false, SyncRunStatus.SUCCEEDED, 0);
            var wrote = run(db, false, SyncRunStatus.SUCCEEDED, 3, 0);
            assertEquals(0, wrote.getFailed(), "every planned write succeeded");

            assertTrue(nextRunInStep(db, NO_MARGIN).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aLastRunWithFailedWritesPostponedOrFailedMeansReadingBusinessCentral(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            prepare(db);
            run(db, false, SyncRunStatus.SUCCEEDED, 0);
            run(db, false, SyncRunStatus.SUCCEEDED, 3, 3);
            assertTrue(nextRunInStep(db, NO_MARGIN).isEmpty(), "a run whose writes failed");

            run(db, false, SyncRunStatus.SUCCEEDED, 0);
            run(db, false, SyncRunStatus.POSTPONED, 0);
            assertTrue(nextRunInStep(db, NO_MARGIN).isEmpty(), "a postponed run");

            run(db, false, SyncRunStatus.SUCCEEDED, 0);
            run(db, false, SyncRunStatus.FAILED, 0);
            assertTrue(nextRunInStep(db, NO_MARGIN).isEmpty(), "a failed or interrupted run");
        }
    }
}

package org.contactsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactData;
import org.contactsync.contact.ContactField;
import org.contactsync.contact.ContactRepository;
import org.contactsync.contact.ContactService;
import org.contactsync.contact.ContactType;
import org.contactsync.employee.Role;
import org.contactsync.employee.User;
import org.contactsync.employee.UserDetails;
import org.contactsync.graph.OutlookWrite;
import org.contactsync.graph.WriteOutcome;
import org.contactsync.sync.plan.ActionKind;
import org.contactsync.contact.FieldValues;
import org.contactsync.sync.plan.Reason;
import org.contactsync.sync.plan.SyncAction;
import org.contactsync.sync.plan.SyncLink;
import org.contactsync.sync.plan.SyncMode;
import org.contactsync.contact.SyncedField;
import org.contactsync.testsupport.BeanValidation;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The executor's database side on H2 and PostgreSQL, as {@link SyncAction} documents it: link rows follow successful
 * Outlook writes only; a contact imported from Outlook is written as given, with its company resolved and Last
 * Date/Time Modified set; a write Business Central refuses or Outlook did not take is logged as FAILED and changes
 * nothing; a kept contact leaves a tombstone.
 */
class ActionRecorderTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    /** alice, her running run, and the company "Nordic Trade AB"; returns the run's id. */
    private static long prepare(TestDatabase db) {
        db.runInTransaction(em -> em.persist(new User(new UserDetails("alice", "Alice", "alice@contoso.example", true,
                Set.of(Role.EMPLOYEE)), "hash", false, NOW, "system")));
        db.runInTransaction(em -> {
            var company = new ContactData();
            company.setType(ContactType.COMPANY);
            company.set(ContactField.NAME, "Nordic Trade AB");
            new ContactService(new ContactRepository(em), BeanValidation.validator()).create(company);
        });
        return db.inTransaction(em -> new SyncRepository(em).claim(new SyncRequest("alice", SyncMode.FULL,
                SyncTrigger.API, "alice", false, false), "test", NOW, Duration.ofMinutes(5))).getId();
    }

    private static void record(TestDatabase db, long runId, Consumer<ActionRecorder> work) {
        db.runInTransaction(em -> work.accept(new ActionRecorder(new SyncRepository(em), new ContactTableContacts(new ContactRepository(em),
                new ContactService(new ContactRepository(em), BeanValidation.validator())), em.find(SyncRun.class, runId), NOW)));
    }

    private static Map<String, SyncLink> links(TestDatabase db) {
        return db.inTransaction(em -> new SyncRepository(em).links("alice")).stream()
                .collect(java.util.stream.Collectors.toMap(ContactLink::getContactNo, ContactLink::toSyncLink));
    }

    private static FieldValues person(String first, String surname, String email) {
        return FieldValues.of(Map.of(SyncedField.FIRST_NAME, first, SyncedField.SURNAME, surname,
                SyncedField.NAME, first + " " + surname, SyncedField.E_MAIL, email));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anOutlookContactIsImportedAsGivenWithItsCompanyAndLinked(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            long run = prepare(db);
            // A display name that BC's name rules would not compose from the parts: it must stay as Outlook has it.
            var values = person("Eva", "Lind", "eva@nordic.example").with(SyncedField.NAME, "Dr. Eva Lind")
                    .with(SyncedField.COMPANY_NAME, "Nordic Trade AB").with(SyncedField.PHONE_NO, "+46 (0)8-123 45");

            record(db, run, r -> r.record(new SyncAction.CreateInBc("AAMk-eva", "ck1", values, List.of(),
                    Reason.NEW_IN_OUTLOOK), Optional.empty()));

            var link = links(db).values().iterator().next();
            assertEquals("AAMk-eva", link.graphId());
            assertTrue(link.importedFromOutlook());
            assertEquals(values, link.lastSynced());
            Contact eva = db.inTransaction(em -> em.find(Contact.class, link.contactNo()));
            assertEquals("Dr. Eva Lind", eva.getName());
            assertEquals("+46 (0)8-123 45", eva.getPhoneNo(), "never reformatted");
            assertEquals("Nordic Trade AB", eva.getCompanyName());
            assertFalse(eva.getCompanyNo().isEmpty(), "the one company with that name");
            assertTrue(eva.getLastModifiedAt() != null);
            assertEquals(1, db.inTransaction(em -> em.find(SyncRun.class, run)).count(ActionKind.CREATE_IN_BC));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aWriteThatDidNotSucceedChangesNoLinkAndIsLoggedAsFailed(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            long run = prepare(db);
            var base = person("Ola", "Berg", "ola@example.se");
            db.runInTransaction(em -> new SyncRepository(em).add(
                    new ContactLink("alice", new SyncLink("CT000100", "AAMk-ola", "ck1", base, false), NOW)));
            var changes = FieldValues.of(Map.of(SyncedField.CITY, "Lund"));
            var update = new SyncAction.UpdateInOutlook("CT000100", "AAMk-ola", "ck1", changes, changes,
                    Reason.CHANGED_IN_BC);
            var write = new OutlookWrite.Update("AAMk-ola", Optional.of("ck1"), changes);
            var create = new SyncAction.CreateInOutlook("CT000200", person("Per", "Ek", "per@example.se"),
                    Reason.NEW_IN_BC);

            record(db, run, r -> {
                r.record(update, Optional.of(new WriteOutcome.Conflict(write, "ErrorIrresolvableConflict")));
                r.record(create, Optional.of(new WriteOutcome.Throttled(new OutlookWrite.Create("CT000200",
                        create.values()), Duration.ofSeconds(30))));
                r.record(new SyncAction.CreateInBc("AAMk-bad", "ck", person("Bad", "Mail", "not-an-address"),
                        List.of(), Reason.NEW_IN_OUTLOOK), Optional.empty());
            });

            assertEquals(Map.of("CT000100", new SyncLink("CT000100", "AAMk-ola", "ck1", base, false)), links(db));
            var log = db.inTransaction(em -> new SyncRepository(em).log(run));
            assertEquals(List.of(SyncLogEntry.FAILED, SyncLogEntry.FAILED, SyncLogEntry.FAILED),
                    log.stream().map(SyncLogEntry::getAction).toList());
            assertTrue(log.get(0).getDetail().contains("changed meanwhile"), log.get(0).getDetail());
            assertTrue(log.get(2).getDetail().contains("email"), log.get(2).getDetail());
            assertEquals(3, db.inTransaction(em -> em.find(SyncRun.class, run)).getFailed());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void successfulWritesMoveTheLinkAndAKeptContactLeavesATombstone(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            long run = prepare(db);
            var ola = person("Ola", "Berg", "ola@example.se");
            var kim = person("Kim", "Ek", "kim@example.se");
            db.runInTransaction(em -> {
                new SyncRepository(em).add(new ContactLink("alice",
                        new SyncLink("CT000100", "AAMk-ola", "ck1", ola, false), NOW));
                new SyncRepository(em).add(new ContactLink("alice",
                        new SyncLink("CT000300", "AAMk-kim", "ck1", kim, false), NOW));
            });
            var changes = FieldValues.of(Map.of(SyncedField.CITY, "Lund"));
            var write = new OutlookWrite.Update("AAMk-ola", Optional.of("ck1"), changes);
            var create = new SyncAction.CreateInOutlook("CT000200", person("Per", "Ek", "per@example.se"),
                    Reason.NEW_IN_BC);

            record(db, run, r -> {
                r.record(new SyncAction.UpdateInOutlook("CT000100", "AAMk-ola", "ck1", changes, changes,
                        Reason.CHANGED_IN_BC), Optional.of(new WriteOutcome.Updated(write, "ck2")));
                r.record(create, Optional.of(new WriteOutcome.Created(new OutlookWrite.Create("CT000200",
                        create.values()), "AAMk-per", "ck1")));
                r.record(new SyncAction.Unlink("CT000300", "AAMk-kim", Reason.KEPT_IN_OUTLOOK, true),
                        Optional.empty());
            });

            var links = links(db);
            assertEquals(new SyncLink("CT000100", "AAMk-ola", "ck2", ola.withAll(changes), false), links.get("CT000100"));
            assertEquals(new SyncLink("CT000200", "AAMk-per", "ck1", create.values(), false), links.get("CT000200"));
            assertTrue(links.get("CT000300").kept());
            var log = db.inTransaction(em -> new SyncRepository(em).log(run));
            assertEquals("City", log.get(0).getFieldsChanged());
            assertEquals(Reason.KEPT_IN_OUTLOOK, log.get(2).getReason());

            record(db, run, r -> r.record(new SyncAction.DeleteInOutlook("AAMk-per", Optional.of("CT000200"),
                    Reason.DELETED_IN_BC), Optional.of(new WriteOutcome.AlreadyGone(new OutlookWrite.Delete("AAMk-per")))));
            assertFalse(links(db).containsKey("CT000200"), "gone either way: the link goes too");
        }
    }

    /** A run creates hundreds of contacts in Outlook: each one's link row is read once, not once per step. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachCreatedContactsLinkIsReadOnce(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            long run = prepare(db);
            var reads = new AtomicInteger();

            db.runInTransaction(em -> {
                var recorder = new ActionRecorder(new SyncRepository(em) {
                    @Override
                    public Optional<ContactLink> link(String userName, String contactNo) {
                        reads.incrementAndGet();
                        return super.link(userName, contactNo);
                    }
                }, new ContactTableContacts(new ContactRepository(em), new ContactService(new ContactRepository(em),
                        BeanValidation.validator())), em.find(SyncRun.class, run), NOW);
                for (int i = 0; i < 3; i++) {
                    var create = new SyncAction.CreateInOutlook("CT00040" + i, person("Per", "Ek" + i,
                            "per" + i + "@example.se"), Reason.NEW_IN_BC);
                    recorder.record(create, Optional.of(new WriteOutcome.Created(new OutlookWrite.Create(
                            create.contactNo(), create.values()), "AAMk-" + i, "ck1")));
                }
            });

            assertEquals(3, reads.get());
            assertEquals(Set.of("CT000400", "CT000401", "CT000402"), links(db).keySet());
        }
    }
}

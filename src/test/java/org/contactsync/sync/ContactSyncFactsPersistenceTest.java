package org.contactsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.contactsync.contact.ContactData;
import org.contactsync.contact.ContactField;
import org.contactsync.contact.ContactRepository;
import org.contactsync.contact.ContactService;
import org.contactsync.contact.ContactType;
import org.contactsync.contact.FieldValues;
import org.contactsync.employee.Caller;
import org.contactsync.employee.Role;
import org.contactsync.employee.User;
import org.contactsync.employee.UserDetails;
import org.contactsync.employee.UserRepository;
import org.contactsync.exchange.ContactSyncSettings;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.exchange.ExchangeSyncRepository;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.exchange.FilterField;
import org.contactsync.exchange.SyncFilter;
import org.contactsync.sync.ContactSyncFacts.State;
import org.contactsync.sync.plan.Direction;
import org.contactsync.sync.plan.Reason;
import org.contactsync.sync.plan.SyncLink;
import org.contactsync.sync.plan.SyncMode;
import org.contactsync.testsupport.BeanValidation;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Contact Sync FactBox's facts, on H2 and PostgreSQL: where a contact stands in the employee's own sync. */
class ContactSyncFactsPersistenceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    private static final Caller ALICE = new Caller("alice", Set.of(Role.EMPLOYEE));
    private static final Caller BOB = new Caller("bob", Set.of(Role.EMPLOYEE));

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void inOutlookAtTheNextSyncOrNotAndWhyWithTheNewestLogEntry(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var nos = db.inTransaction(em -> {
                em.persist(new User(new UserDetails("alice", "Alice", "alice@contoso.example", true,
                        Set.of(Role.EMPLOYEE)), "hash", false, NOW, "system"));
                var contacts = new ContactService(new ContactRepository(em), BeanValidation.validator());
                var company = contacts.create(contact(ContactType.COMPANY, "", "Nordhav AB", "", "Umeå")).getNo();
                var linked = contacts.create(contact(ContactType.PERSON, "Anna", "Lind", "anna@example.com", "Umeå"))
                        .getNo();
                var next = contacts.create(contact(ContactType.PERSON, "Bo", "Ek", "bo@example.com", "Umeå")).getNo();
                var noEmail = contacts.create(contact(ContactType.PERSON, "Cia", "Ås", "", "Umeå")).getNo();
                var elsewhere = contacts.create(contact(ContactType.PERSON, "Dan", "Berg", "dan@example.com", "Luleå"))
                        .getNo();
                var setup = new ExchangeSync("alice", NOW, "alice");
                setup.change(new ContactSyncSettings("Business Central",
                        new SyncFilter(Map.of(FilterField.CITY, "Umeå")), false, false), NOW, "alice");
                em.persist(setup);
                var sync = new SyncRepository(em);
                sync.add(new ContactLink("alice", new SyncLink(linked, "AAMk-1", "ck",
                        FieldValues.of(Map.of()), false), NOW));
                var run = sync.claim(new SyncRequest("alice", SyncMode.INCREMENTAL,
                        SyncTrigger.API, "alice", false, false), "server", NOW, Duration.ofMinutes(5));
                sync.add(new SyncLogEntry(run.getId(), Optional.of(linked), Optional.of("AAMk-1"), Optional.empty(),
                        "CREATE_IN_OUTLOOK", Direction.TO_OUTLOOK, Set.of(), Reason.NEW_IN_BC, "", NOW));
                return new String[] {company, linked, next, noEmail, elsewhere};
            });

            var linked = facts(db, ALICE, nos[1]);
            assertEquals(State.IN_OUTLOOK, linked.state());
            assertEquals(Optional.of(NOW), linked.lastWritten());
            assertEquals("CREATE_IN_OUTLOOK", linked.lastEntry().orElseThrow().getAction());
            assertEquals(State.AT_NEXT_SYNC, facts(db, ALICE, nos[2]).state());
            assertEquals(Optional.of(Reason.NOT_PERSON), facts(db, ALICE, nos[0]).whyNot());
            assertEquals(Optional.of(Reason.NO_EMAIL), facts(db, ALICE, nos[3]).whyNot());
            var elsewhere = facts(db, ALICE, nos[4]);
            assertEquals(State.NOT_SYNCED, elsewhere.state());
            assertEquals(Optional.of(Reason.OUTSIDE_FILTER), elsewhere.whyNot());
            assertEquals(State.NO_SETUP, facts(db, BOB, nos[1]).state(), "bob has no setup: alice's sync is hers");
            assertEquals(State.NO_CONTACT, facts(db, ALICE, "CT999999").state());
        }
    }

    private static ContactData contact(ContactType type, String first, String name, String email, String city) {
        var data = new ContactData();
        data.setType(type);
        if (type == ContactType.COMPANY) {
            data.set(ContactField.NAME, name);
        } else {
            data.set(ContactField.FIRST_NAME, first);
            data.set(ContactField.SURNAME, name);
        }
        data.set(ContactField.E_MAIL, email);
        data.set(ContactField.CITY, city);
        return data;
    }

    private static ContactSyncFacts.Facts facts(TestDatabase db, Caller caller, String no) {
        return db.inTransaction(em -> service(em).of(caller, no));
    }

    private static ContactSyncFacts service(EntityManager em) {
        var facts = new ContactSyncFacts();
        facts.setups = new ExchangeSyncService(new ExchangeSyncRepository(em), new UserRepository(em),
                Clock.fixed(NOW, ZoneOffset.UTC));
        facts.repository = new SyncRepository(em);
        var contacts = new ContactRepository(em);
        facts.contacts = new ContactTableContacts(contacts, new ContactService(contacts, BeanValidation.validator()));
        return facts;
    }
}

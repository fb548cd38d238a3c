package org.contactsync.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactData;
import org.contactsync.contact.ContactField;
import org.contactsync.contact.ContactRepository;
import org.contactsync.contact.ContactService;
import org.contactsync.contact.ContactType;
import org.contactsync.employee.UserRepository;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.testsupport.BeanValidation;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Contact Sync Setup's filter as the database runs it, on H2 and PostgreSQL: every syntax form on text, code
 * and option fields, combinations of fields, and text that means something to SQL or LIKE matched literally.
 * Expected results come from plain Java predicates over all contacts, not from hand-counted numbers.
 */
class SyncFilterPersistenceTest {

    private static ContactData contact(ContactType type, String name, String city, String postCode, String county) {
        var data = new ContactData();
        data.setType(type);
        data.set(ContactField.NAME, name);
        data.set(ContactField.CITY, city);
        data.set(ContactField.POST_CODE, postCode);
        data.set(ContactField.COUNTY, county);
        return data;
    }

    /** 24 contacts, CT000010 ... CT000240 (the series counts in tens). */
    private static List<Contact> seed(TestDatabase db) {
        return db.inTransaction(em -> {
            var contacts = new ContactService(new ContactRepository(em), BeanValidation.validator());
            var names = List.of("Nordhav Logistik AB", "Björkvik Bygg AB", "100% Fun AB", "1000 Fun AB",
                    "Under_score AB", "Underscore AB", "Back\\slash AB", "O'Brien Trading", "Erik Svensson",
                    "Anna Lindberg", "Lars Andersson", "Ulla Söderström", "lars andersson", "Karin Persson",
                    "'; drop table contact; --", "Per Carlson", "Maja Ek", "Olof Berg", "Sara Nyström",
                    "Nils Holm", "Eva Strand", "Jonas Lund", "Ida Sjö", "Hans Hansen");
            for (int i = 0; i < names.size(); i++) {
                var type = i < 8 ? ContactType.COMPANY : ContactType.PERSON;
                var city = i % 3 == 0 ? "Stockholm" : i % 3 == 1 ? "Göteborg" : "";
                var data = contact(type, names.get(i), city, String.valueOf(10000 + i * 1000), i % 2 == 0
                        ? "Uppland" : "uppland");
                // Every fifth contact has no e-mail and one person is privacy blocked: they match, but do not sync.
                data.set(ContactField.E_MAIL, i % 5 == 4 ? "" : "contact" + i + "@example.com");
                data.setPrivacyBlocked(i == 9);
                contacts.create(data);
            }
            return contacts.list(org.contactsync.contact.ContactFilter.NONE,
                    new org.contactsync.contact.ContactSort("no", true), 0, 100);
        });
    }

    /**
     * The contacts the filter lets through, as the database selects them; on the way, the page's two counts and its
     * preview are held against them: Matching contacts counts them all, Will sync and the preview only those that go
     * to Outlook.
     */
    private static List<String> matching(TestDatabase db, SyncFilter filter) {
        return db.inTransaction(em -> {
            var service = new ExchangeSyncService(new ExchangeSyncRepository(em), new UserRepository(em), Clock.systemUTC());
            var cb = em.getCriteriaBuilder();
            var query = cb.createQuery(Contact.class);
            var contact = query.from(Contact.class);
            query.select(contact).where(filter.parse().toPredicate(cb, contact)).orderBy(cb.asc(contact.get("no")));
            var all = em.createQuery(query).getResultList();
            assertEquals(all.size(), service.count(filter), "Matching contacts counts what the filter lets through");
            var willSync = all.stream().filter(SyncFilterPersistenceTest::goesToOutlook).map(Contact::getNo).toList();
            assertEquals(willSync.size(), service.countWillSync(filter), "Will sync");
            assertEquals(willSync, service.preview(filter, 1000).stream().map(Contact::getNo).toList(),
                    "the preview lists those that will sync");
            return all.stream().map(Contact::getNo).toList();
        });
    }

    /** The article's rule: only Person contacts with a Name and an E-mail go to Outlook (and none privacy blocked). */
    private static boolean goesToOutlook(Contact contact) {
        return contact.getType() == ContactType.PERSON && !contact.getName().isBlank()
                && !contact.getEmail().isBlank() && !contact.isPrivacyBlocked();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theArticlesExampleMatchesTwoCompaniesOfWhichNoneWillSync(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            seed(db);
            var articleExample = on(FilterField.NO, "CT00001*|CT00002*");
            assertEquals(List.of("CT000010", "CT000020"), matching(db, articleExample));
            db.inTransaction(em -> {
                var service = new ExchangeSyncService(new ExchangeSyncRepository(em), new UserRepository(em),
                        Clock.systemUTC());
                assertEquals(2, service.count(articleExample));
                assertEquals(0, service.countWillSync(articleExample), "both are companies: nothing would sync");
                assertEquals(List.of(), service.preview(articleExample, 20));
                return null;
            });
        }
    }

    private static List<String> expected(List<Contact> all, Predicate<Contact> rule) {
        return all.stream().filter(rule).map(Contact::getNo).sorted().toList();
    }

    private static SyncFilter on(FilterField field, String expression) {
        return new SyncFilter(Map.of(field, expression));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everySyntaxFormSelectsTheRightContacts(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var all = seed(db);
            assertEquals(24, all.size());
            assertEquals(expected(all, c -> c.getNo().startsWith("CT00001") || c.getNo().startsWith("CT00002")),
                    matching(db, on(FilterField.NO, "CT00001*|CT00002*")));
            assertEquals(List.of("CT000010", "CT000020"), matching(db, on(FilterField.NO, "CT00001*|CT00002*")));
            assertEquals(expected(all, c -> c.getNo().compareTo("CT000030") >= 0 && c.getNo().compareTo("CT000050") <= 0),
                    matching(db, on(FilterField.NO, "ct000030..CT000050")));
            assertEquals(expected(all, c -> c.getNo().compareTo("CT000200") >= 0),
                    matching(db, on(FilterField.NO, "CT000200..")));
            assertEquals(expected(all, c -> c.getNo().compareTo("CT000030") <= 0),
                    matching(db, on(FilterField.NO, "..CT000030")));
            assertEquals(expected(all, c -> !c.getNo().equals("CT000010")),
                    matching(db, on(FilterField.NO, "<>CT000010")));
            assertEquals(expected(all, c -> c.getNo().compareTo("CT000230") > 0),
                    matching(db, on(FilterField.NO, ">CT000230")));
            assertEquals(expected(all, c -> c.getNo().compareTo("CT000020") < 0),
                    matching(db, on(FilterField.NO, "<CT000020")));
            assertEquals(expected(all, c -> c.getName().endsWith("son")),
                    matching(db, on(FilterField.NAME, "*son")));
            assertEquals(expected(all, c -> c.getName().contains("und")),
                    matching(db, on(FilterField.NAME, "*und*")));
            assertEquals(expected(all, c -> c.getName().toUpperCase().contains("UND")),
                    matching(db, on(FilterField.NAME, "@*UND*")));
            assertEquals(expected(all, c -> c.getName().equalsIgnoreCase("lars andersson")),
                    matching(db, on(FilterField.NAME, "@LARS ANDERSSON")));
            assertEquals(expected(all, c -> c.getName().equals("Lars Andersson")),
                    matching(db, on(FilterField.NAME, "Lars Andersson")));
            assertEquals(expected(all, c -> c.getName().matches("Hans.en")),
                    matching(db, on(FilterField.NAME, "Hans?en")));
            assertEquals(expected(all, c -> c.getCounty().equalsIgnoreCase("uppland")),
                    matching(db, on(FilterField.COUNTY, "@UPPLAND")), "@ on a field without an upper-case copy");
            assertEquals(expected(all, c -> c.getCounty().equals("uppland")),
                    matching(db, on(FilterField.COUNTY, "uppland")));
            assertEquals(expected(all, c -> c.getCity().isEmpty()), matching(db, on(FilterField.CITY, "''")));
            assertEquals(expected(all, c -> !c.getCity().isEmpty()), matching(db, on(FilterField.CITY, "<>''")));
            assertEquals(expected(all, c -> c.getPostCode().compareTo("12000") >= 0
                            && c.getPostCode().compareTo("15000") <= 0 || c.getPostCode().equals("30000")),
                    matching(db, on(FilterField.POST_CODE, "12000..15000|30000")));
            assertEquals(expected(all, c -> c.getPostCode().compareTo("12000") > 0
                            && c.getPostCode().compareTo("15000") < 0),
                    matching(db, on(FilterField.POST_CODE, ">12000&<15000")));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void typeAndCombinedFields(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var all = seed(db);
            var persons = expected(all, c -> c.getType() == ContactType.PERSON);
            assertEquals(persons, matching(db, on(FilterField.TYPE, "Person")));
            assertEquals(persons, matching(db, on(FilterField.TYPE, "<>company")));
            assertEquals(persons, matching(db, on(FilterField.TYPE, "1")));
            assertEquals(expected(all, c -> true), matching(db, on(FilterField.TYPE, "Company|Person")));
            assertEquals(List.of(), matching(db, on(FilterField.TYPE, "Company&Person")));
            var invalidType = assertThrows(ApplicationException.class,
                    () -> matching(db, on(FilterField.TYPE, "Per*")));
            assertEquals("filterType", invalidType.fieldProblems().get(0).field());
            assertEquals(expected(all, c -> c.getType() == ContactType.PERSON && c.getCity().equals("Stockholm")),
                    matching(db, new SyncFilter(Map.of(FilterField.TYPE, "Person", FilterField.CITY, "Stockholm"))));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void textThatMeansSomethingToSqlIsMatchedLiterally(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var all = seed(db);
            assertEquals(expected(all, c -> c.getName().startsWith("100%")),
                    matching(db, on(FilterField.NAME, "100%*")));
            assertEquals(1, matching(db, on(FilterField.NAME, "100%*")).size(), "not 1000 Fun AB");
            assertEquals(expected(all, c -> c.getName().contains("_")), matching(db, on(FilterField.NAME, "*_*")));
            assertEquals(expected(all, c -> c.getName().contains("\\")), matching(db, on(FilterField.NAME, "*\\*")));
            assertEquals(expected(all, c -> c.getName().equals("O'Brien Trading")),
                    matching(db, on(FilterField.NAME, "O'Brien Trading")));
            assertEquals(expected(all, c -> c.getName().equals("'; drop table contact; --")),
                    matching(db, on(FilterField.NAME, "'''; drop table contact; --'")));
            assertEquals(expected(all, c -> c.getName().endsWith("'; drop table contact; --")),
                    matching(db, on(FilterField.NAME, "*'; drop table contact; --")));
            assertEquals(List.of(), matching(db, on(FilterField.NAME, "x' or '1'='1")));
            var unclosed = assertThrows(ApplicationException.class,
                    () -> matching(db, on(FilterField.NAME, "'; drop table contact; --")));
            assertEquals(Kind.INVALID, unclosed.kind());
            assertEquals("filterName", unclosed.fieldProblems().get(0).field());
            assertTrue(unclosed.fieldProblems().get(0).message().in(java.util.Locale.ENGLISH).contains("Name"),
                    unclosed.fieldProblems().get(0).message().in(java.util.Locale.ENGLISH));
            assertEquals(24, matching(db, SyncFilter.NONE).size(), "the contact table is still there");
        }
    }
}

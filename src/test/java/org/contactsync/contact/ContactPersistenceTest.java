package org.contactsync.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.testsupport.BeanValidation;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.Poll;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contacts in the database, on H2 and PostgreSQL: numbers from the series (also under concurrency), the list's
 * paging, order, search and filters, optimistic locking, last-modified maintenance and the company rules.
 */
class ContactPersistenceTest {

    private static <T> T service(TestDatabase db, java.util.function.Function<ContactService, T> work) {
        return db.inTransaction(em -> work.apply(new ContactService(new ContactRepository(em), BeanValidation.validator())));
    }

    private static long count(TestDatabase db, ContactFilter filter) {
        return db.inTransaction(em -> new ContactRepository(em).count(filter));
    }

    private static ContactData company(String name, String city) {
        var data = new ContactData();
        data.setType(ContactType.COMPANY);
        data.set(ContactField.NAME, name);
        data.set(ContactField.CITY, city);
        return data;
    }

    private static ContactData person(String first, String surname, String companyNo, String email) {
        var data = new ContactData();
        data.set(ContactField.FIRST_NAME, first);
        data.set(ContactField.SURNAME, surname);
        data.set(ContactField.COMPANY_NO, companyNo);
        data.set(ContactField.E_MAIL, email);
        return data;
    }

    private static List<String> nos(List<Contact> contacts) {
        return contacts.stream().map(Contact::getNo).toList();
    }

    /** Two companies with persons, and one person without a company. */
    private static void demo(TestDatabase db) {
        service(db, s -> {
            var nordhav = s.create(company("Nordhav Logistik AB", "Stockholm")).getNo();     // CT000010
            var bjorkvik = s.create(company("Björkvik Bygg AB", "Göteborg")).getNo();        // CT000020
            s.create(person("Erik", "Svensson", nordhav, "erik.svensson@nordhav.example"));  // CT000030
            s.create(person("Anna", "Lindberg", nordhav, "anna.lindberg@nordhav.example"));  // CT000040
            s.create(person("Lars", "Andersson", bjorkvik, "lars@bjorkvik.example"));        // CT000050
            var loner = person("Ulla", "Söderström", "", "");                                // CT000060
            loner.set(ContactField.CITY, "Lund");
            loner.set(ContactField.PHONE_NO, "+46 46 555 12 00");
            s.create(loner);
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void contactsAreNumberedFromTheContactSeriesAndKeepTheirFields(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            var anna = service(db, s -> s.get("ct000040"));
            assertEquals("CT000040", anna.getNo());
            assertEquals("Anna Lindberg", anna.getName());
            assertEquals("ANNA LINDBERG", anna.getSearchName());
            assertEquals("CT000010", anna.getCompanyNo());
            assertEquals("Nordhav Logistik AB", anna.getCompanyName());
            assertEquals(ContactType.PERSON, anna.getType());
            var nordhav = service(db, s -> s.get("CT000010"));
            assertEquals("CT000010", nordhav.getCompanyNo(), "a company is its own company");
            assertEquals(6L, count(db, ContactFilter.NONE));
            var unknown = assertThrows(ApplicationException.class, () -> service(db, s -> s.get("CT999999")));
            assertEquals(Kind.NOT_FOUND, unknown.kind());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoConcurrentCreatesNeverGetTheSameNumber(DatabaseKind kind) throws Exception {
        try (var db = TestDatabase.fresh(kind)) {
            var firstSession = new CompletableFuture<Object>();
            var secondIsWaiting = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> db.inTransaction(em -> {
                    var no = new ContactRepository(em).nextNo(NumberSeries.CONTACT);
                    firstSession.complete(em.createNativeQuery(sessionIdQuery(kind)).getSingleResult());
                    await(secondIsWaiting);  // holds the series' lock until the second transaction waits for it
                    return no;
                }));
                Object holder = firstSession.get(10, TimeUnit.SECONDS);
                var second = pool.submit(() -> db.inTransaction(em ->
                        new ContactRepository(em).nextNo(NumberSeries.CONTACT)));
                Poll.until("the second transaction to wait for the first's lock", Duration.ofSeconds(10),
                        () -> sessionsBlockedBy(db, holder), blocked -> blocked > 0);
                assertFalse(second.isDone(), "the second transaction waits");
                secondIsWaiting.countDown();
                assertEquals("CT000010", first.get(20, TimeUnit.SECONDS));
                assertEquals("CT000020", second.get(20, TimeUnit.SECONDS));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String sessionIdQuery(DatabaseKind kind) {
        return switch (kind) {
            case H2 -> "select session_id()";
            case POSTGRESQL -> "select pg_backend_pid()";
        };
    }

    /** How many database sessions wait for a lock that the session {@code holder} holds. */
    private static long sessionsBlockedBy(TestDatabase db, Object holder) {
        var sql = switch (db.kind()) {
            case H2 -> "select count(*) from information_schema.sessions where blocker_id = ?";
            case POSTGRESQL -> "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))";
        };
        try (var connection = db.dataSource().getConnection(); var query = connection.prepareStatement(sql)) {
            query.setInt(1, ((Number) holder).intValue());
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the clock to pass {@code stamp} by a millisecond at least, so that a new stamp is later. */
    private static void awaitTheClockPast(Instant stamp) {
        while (!Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).isAfter(stamp)) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS), "the second transaction never waited");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theListShowsPersonsUnderTheirCompanyAndPagesWithoutOverlap(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            var all = service(db, s -> s.list(ContactFilter.NONE, ContactSort.DEFAULT, 0, 100));
            // Company Name, Company No., Type, Name: the person without a company first (empty Company Name).
            assertEquals(List.of("CT000060", "CT000020", "CT000050", "CT000010", "CT000040", "CT000030"), nos(all));

            var page1 = service(db, s -> s.list(ContactFilter.NONE, ContactSort.DEFAULT, 0, 4));
            var page2 = service(db, s -> s.list(ContactFilter.NONE, ContactSort.DEFAULT, 4, 4));
            assertEquals(nos(all.subList(0, 4)), nos(page1));
            assertEquals(nos(all.subList(4, 6)), nos(page2));

            var byNameDescending = service(db, s -> s.list(ContactFilter.NONE, new ContactSort("name", false), 0, 3));
            assertEquals(List.of("Ulla Söderström", "Nordhav Logistik AB", "Lars Andersson"),
                    byNameDescending.stream().map(Contact::getName).toList());
            var byEmail = service(db, s -> s.list(ContactFilter.NONE, new ContactSort("email", true), 0, 100));
            assertEquals("", byEmail.get(0).getEmail());
            assertEquals("lars@bjorkvik.example", byEmail.get(5).getEmail());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSearchBoxFindsTheTextAnywhereInNoNameCompanyEmailPhoneAndCityIgnoringCase(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            assertEquals(Set.of("CT000040"), search(db, "anna"));
            assertEquals(Set.of("CT000010", "CT000030", "CT000040"), search(db, "NORDHAV"));
            assertEquals(Set.of("CT000050"), search(db, "Lars@"));
            assertEquals(Set.of("CT000060"), search(db, "+46 46"));
            assertEquals(Set.of("CT000060"), search(db, "lund"));
            assertEquals(Set.of("CT000020", "CT000050"), search(db, "björkvik"));
            assertEquals(Set.of("CT000050"), search(db, "ct00005"));
            assertEquals(Set.of("CT000040"), search(db, "berg"), "Anna Lindberg, by the middle of her name");
            assertEquals(Set.of("CT000040"), search(db, "Lindberg"));
            assertEquals(Set.of("CT000030", "CT000050"), search(db, "sson"), "Svensson and Andersson");
            assertEquals(Set.of("CT000050"), search(db, "vik.exa"), "in the middle of lars@bjorkvik.example");
            assertEquals(Set.of("CT000060"), search(db, "555 12"), "in the middle of the phone number");
            assertEquals(Set.of(), search(db, "lindberg nordhav"), "within one value, not from one into the next");
            assertEquals(1L, count(db, ContactFilter.NONE.withSearch("berg")));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void likeWildcardsAndTheEscapeCharacterTypedInTheSearchBoxAreLiteral(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            service(db, s -> {
                s.create(company("Rabatt 50% AB", "Malmö"));     // CT000070
                s.create(company("A_B Konsult", "Malmö"));       // CT000080
                s.create(company("Back\\slash AB", "Malmö"));   // CT000090
                return null;
            });
            assertEquals(Set.of("CT000070"), search(db, "%"));
            assertEquals(Set.of("CT000070"), search(db, "50%"));
            assertEquals(Set.of("CT000080"), search(db, "_"));
            assertEquals(Set.of("CT000080"), search(db, "a_b"));
            assertEquals(Set.of("CT000090"), search(db, "\\"));
            assertEquals(Set.of("CT000090"), search(db, "k\\s"));
            assertEquals(Set.of(), search(db, "_nna"), "_ is not any one character");
        }
    }

    private static Set<String> search(TestDatabase db, String text) {
        return Set.copyOf(nos(service(db, s -> s.list(ContactFilter.NONE.withSearch(text), ContactSort.DEFAULT, 0, 100))));
    }

    private static Set<String> filtered(TestDatabase db, String column, String text) {
        return Set.copyOf(nos(service(db, s -> s.list(ContactFilter.NONE.withColumn(column, text), ContactSort.DEFAULT,
                0, 100))));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aPlainValueInAColumnFilterIsFoundAnywhereInThatColumnIgnoringCase(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            assertEquals(Set.of("CT000040"), filtered(db, "name", "berg"), "Anna Lindberg");
            assertEquals(Set.of("CT000040"), filtered(db, "name", "LINDBERG"));
            assertEquals(Set.of(), filtered(db, "companyName", "berg"), "in the Name column only");
            assertEquals(Set.of("CT000010", "CT000030", "CT000040"), filtered(db, "companyName", "logistik"));
            assertEquals(Set.of("CT000050"), filtered(db, "no", "0005"));
            assertEquals(Set.of("CT000060"), filtered(db, "phoneNo", "555"));
            assertEquals(Set.of("CT000030", "CT000040"), filtered(db, "email", "NORDHAV.example"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void columnFiltersTakeBusinessCentralsFilterSyntaxAsContactSyncSetupDoes(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            assertEquals(Set.of("CT000040"), filtered(db, "name", "*berg"), "ends with, as typed");
            assertEquals(Set.of(), filtered(db, "name", "*BERG"), "case counts without @, as in Business Central");
            assertEquals(Set.of("CT000040"), filtered(db, "name", "@*BERG"));
            assertEquals(Set.of("CT000020", "CT000030", "CT000040"), filtered(db, "no", "CT000020..CT000040"));
            assertEquals(Set.of("CT000020", "CT000030", "CT000040"), filtered(db, "no", "ct000020..ct000040"),
                    "a code compares in upper case");
            assertEquals(Set.of("CT000050", "CT000060"), filtered(db, "no", "CT000050.."));
            assertEquals(Set.of("CT000040", "CT000050"), filtered(db, "name", "Anna*|Lars*"));
            assertEquals(Set.of("CT000010", "CT000020"), filtered(db, "name", "*AB"));
            assertEquals(Set.of("CT000060"), filtered(db, "companyName", "''"), "'' is the empty value");
            assertEquals(5, filtered(db, "companyName", "<>''").size());
            assertEquals(Set.of(), filtered(db, "name", "=berg"), "= asks for the whole value");
            assertEquals(Set.of("CT000040"), filtered(db, "name", "=Anna Lindberg"));
            assertEquals(Set.of("CT000040"), filtered(db, "name", "@anna lindberg"));
            assertEquals(Set.of("CT000040"), filtered(db, "email", "*@nordhav.example&<>erik*"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void likeWildcardsAndTheEscapeCharacterTypedInAColumnFilterAreLiteral(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            service(db, s -> {
                s.create(company("Rabatt 50% AB", "Malmö"));     // CT000010
                s.create(company("A_B Konsult", "Malmö"));       // CT000020
                s.create(company("Back\\slash AB", "Malmö"));   // CT000030
                s.create(company("AxB Konsult", "Malmö"));       // CT000040
                return null;
            });
            assertEquals(Set.of("CT000010"), filtered(db, "name", "%"));
            assertEquals(Set.of("CT000010"), filtered(db, "name", "*0% AB"));
            assertEquals(Set.of("CT000020"), filtered(db, "name", "a_b"));
            assertEquals(Set.of("CT000020"), filtered(db, "name", "A_B*"));
            assertEquals(Set.of("CT000030"), filtered(db, "name", "\\"));
            assertEquals(Set.of("CT000030"), filtered(db, "name", "Back\\*"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aColumnFilterThatIsNotFilterSyntaxIsRefusedNamingTheColumnAndTheProblem(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            var refused = assertThrows(ApplicationException.class,
                    () -> filtered(db, "name", "Anna|"));
            assertEquals(Kind.INVALID, refused.kind());
            assertEquals(List.of("name"), refused.fieldProblems().stream().map(p -> p.field()).toList());
            assertEquals("Namn: filtret \"Anna|\" är ogiltigt: ett villkor saknas före eller efter | eller & "
                    + "(vid tecken 6).", refused.fieldProblems().get(0).message().in(Locale.forLanguageTag("sv")));
            assertEquals("No.: the filter \"CT1..CT2..\" is not valid: this character cannot stand here; put text "
                    + "with special characters in quotes, like 'A&B' (at character 9).", assertThrows(
                            ApplicationException.class, () -> filtered(db, "no", "CT1..CT2..")).fieldProblems().get(0)
                    .message().in(Locale.ENGLISH));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void columnFiltersCombine(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            var persons = ContactFilter.NONE.withType(Optional.of(ContactType.PERSON));
            assertEquals(4L, count(db, persons));
            assertEquals(List.of("CT000030", "CT000040"), nos(service(db, s -> s.list(
                    persons.withCompanyNo("ct000010"), new ContactSort("no", true), 0, 10))));
            assertEquals(List.of("CT000040"), nos(service(db, s -> s.list(
                    persons.withColumn("companyName", "nord").withColumn("email", "ANNA"), ContactSort.DEFAULT, 0, 10))));
            assertEquals(List.of("CT000020"), nos(service(db, s -> s.list(
                    ContactFilter.NONE.withColumn("name", "bj").withType(Optional.of(ContactType.COMPANY)),
                    ContactSort.DEFAULT, 0, 10))));
            assertEquals(0L, count(db, ContactFilter.NONE.withColumn("no", "CT1")));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void lastModifiedIsMaintainedOnEveryChangeEvenOutsideTheService(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var before = Instant.now().minusMillis(1);
            demo(db);
            var created = service(db, s -> s.get("CT000060"));
            assertTrue(!created.getLastModifiedAt().isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
            assertEquals(created.getLastModifiedAt().atOffset(java.time.ZoneOffset.UTC).toLocalDate(),
                    created.getLastDateModified());
            awaitTheClockPast(created.getLastModifiedAt());

            // The sync engine changes contacts through the EntityManager, not the service.
            db.runInTransaction(em -> em.find(Contact.class, "CT000060").setCity("Malmö"));
            var changed = service(db, s -> s.get("CT000060"));
            assertTrue(changed.getLastModifiedAt().isAfter(created.getLastModifiedAt()));
            assertEquals(1L, count(db, ContactFilter.NONE.withCity("malmö")), "search copy follows");
            assertEquals(Set.of("CT000060"), search(db, "MALM"), "search terms follow");
            assertEquals(Set.of(), search(db, "lund"), "search terms follow");
            assertEquals(created.getVersion() + 1, changed.getVersion());

            var since = service(db, s -> s.list(ContactFilter.NONE.withModifiedSince(
                    Optional.of(changed.getLastModifiedAt())), ContactSort.DEFAULT, 0, 10));
            assertEquals(List.of("CT000060"), nos(since));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aStaleVersionIsRefusedAndChangesNothing(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            var read = service(db, s -> s.get("CT000040"));
            var first = ContactData.of(read);
            first.set(ContactField.JOB_TITLE, "Inköpschef");
            service(db, s -> s.update("CT000040", read.getVersion(), first));

            var second = ContactData.of(read);
            second.set(ContactField.JOB_TITLE, "VD");
            var refusal = assertThrows(ApplicationException.class,
                    () -> service(db, s -> s.update("CT000040", read.getVersion(), second)));
            assertEquals(Kind.CONFLICT, refusal.kind());
            assertTrue(refusal.userMessage().in(Locale.ENGLISH).contains("Someone else changed contact CT000040"));
            assertEquals("Inköpschef", service(db, s -> s.get("CT000040")).getJobTitle());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoTransactionsSavingTheSameVersionCannotBothWin(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            var refusal = assertThrows(ApplicationException.class, () -> service(db, mine -> {
                var contact = mine.get("CT000040");
                var data = ContactData.of(contact);
                data.set(ContactField.JOB_TITLE, "Mine");
                // Someone else saves between my read and my write.
                service(db, theirs -> {
                    var other = ContactData.of(theirs.get("CT000040"));
                    other.set(ContactField.JOB_TITLE, "Theirs");
                    return theirs.update("CT000040", contact.getVersion(), other);
                });
                return mine.update("CT000040", contact.getVersion(), data);
            }));
            assertEquals(Kind.CONFLICT, refusal.kind());
            assertEquals("Theirs", service(db, s -> s.get("CT000040")).getJobTitle());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void companyNameFollowsTheCompanyAndCompanyNoMustBeACompany(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            var nordhav = service(db, s -> s.get("CT000010"));
            var renamed = ContactData.of(nordhav);
            renamed.set(ContactField.NAME, "Nordhav Shipping AB");
            service(db, s -> s.update("CT000010", nordhav.getVersion(), renamed));
            assertEquals("Nordhav Shipping AB", service(db, s -> s.get("CT000040")).getCompanyName());
            assertEquals("Nordhav Shipping AB", service(db, s -> s.get("CT000030")).getCompanyName());

            for (var notACompany : List.of("CT000030", "CT404040")) {
                var refusal = assertThrows(ApplicationException.class,
                        () -> service(db, s -> s.create(person("Per", "Persson", notACompany, ""))));
                assertEquals("companyNo", refusal.fieldProblems().get(0).field());
            }
            assertEquals(6L, count(db, ContactFilter.NONE), "refused creates leave nothing behind");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void typeChangesWhereBusinessCentralAllowsIt(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            var nordhav = service(db, s -> s.get("CT000010"));
            var refusal = assertThrows(ApplicationException.class,
                    () -> service(db, s -> s.updateType("CT000010", nordhav.getVersion(), ContactType.PERSON)));
            assertEquals("type", refusal.fieldProblems().get(0).field());
            assertEquals(ContactType.COMPANY, service(db, s -> s.get("CT000010")).getType());

            var anna = service(db, s -> s.get("CT000040"));
            var company = service(db, s -> s.updateType("CT000040", anna.getVersion(), ContactType.COMPANY));
            assertEquals("CT000040|Anna Lindberg|", company.getCompanyNo() + "|" + company.getCompanyName() + "|"
                    + company.getSurname());
            assertEquals(1L, (long) service(db, s -> s.personCount("CT000010")), "Anna left Nordhav");

            var person = service(db, s -> s.updateType("CT000040", company.getVersion(), ContactType.PERSON));
            assertEquals("Anna|Lindberg|", person.getFirstName() + "|" + person.getSurname() + "|"
                    + person.getCompanyNo());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aNameTypedOnAPersonSplitsIntoItsPartsAndAPartTooLongIsRefusedNotCut(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            var anna = service(db, s -> s.get("CT000040"));
            var renamed = service(db, s -> s.updateField("CT000040", anna.getVersion(), ContactField.NAME,
                    "Anna Maria Lindqvist"));
            assertEquals("Anna|Maria|Lindqvist|Anna Maria Lindqvist", renamed.getFirstName() + "|"
                    + renamed.getMiddleName() + "|" + renamed.getSurname() + "|" + renamed.getName());

            var longSurname = "Lindqvist" + "x".repeat(30);
            var refusal = assertThrows(ApplicationException.class, () -> service(db, s -> s.updateField(
                    "CT000040", renamed.getVersion(), ContactField.NAME, "Anna " + longSurname)));
            assertEquals(List.of("name"), refusal.fieldProblems().stream().map(p -> p.field()).toList());
            assertEquals("The part of the name that goes to Surname is longer than its 30 characters.",
                    refusal.fieldProblems().get(0).message().in(Locale.ENGLISH));
            assertEquals("Lindqvist", service(db, s -> s.get("CT000040")).getSurname(), "nothing saved, nothing cut");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aValueLongerThanItsFieldIsRefusedAndNothingIsCut(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            var anna = service(db, s -> s.get("CT000040"));
            var refusal = assertThrows(ApplicationException.class, () -> service(db, s -> s.updateField(
                    "CT000040", anna.getVersion(), ContactField.JOB_TITLE, "x".repeat(31))));
            assertEquals(Kind.INVALID, refusal.kind());
            assertEquals("jobTitle", refusal.fieldProblems().get(0).field());
            assertEquals("", service(db, s -> s.get("CT000040")).getJobTitle());

            var saved = service(db, s -> s.updateField("CT000040", anna.getVersion(), ContactField.JOB_TITLE,
                    "x".repeat(30)));
            assertEquals("x".repeat(30), saved.getJobTitle(), "a value of the field's length fits");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deletingACompanyWithPersonsNeedsAChoice(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            demo(db);
            var refusal = assertThrows(ApplicationException.class,
                    () -> service(db, s -> { s.delete("CT000010", Optional.empty()); return null; }));
            assertEquals(Kind.CONFLICT, refusal.kind());
            assertTrue(refusal.userMessage().in(Locale.ENGLISH).contains("has 2 person contact(s)"));
            assertEquals(6L, count(db, ContactFilter.NONE));

            service(db, s -> { s.delete("CT000010", Optional.of(CompanyPersonsChoice.KEEP)); return null; });
            var anna = service(db, s -> s.get("CT000040"));
            assertEquals("", anna.getCompanyNo());
            assertEquals("", anna.getCompanyName());
            assertEquals(5L, count(db, ContactFilter.NONE));

            service(db, s -> { s.delete("CT000020", Optional.of(CompanyPersonsChoice.DELETE)); return null; });
            assertEquals(Optional.empty(), service(db, s -> s.find("CT000050")));
            assertEquals(3L, count(db, ContactFilter.NONE));

            service(db, s -> { s.delete("CT000060", Optional.empty()); return null; });
            assertEquals(2L, count(db, ContactFilter.NONE));
        }
    }
}

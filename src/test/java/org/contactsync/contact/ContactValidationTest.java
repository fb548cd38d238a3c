package org.contactsync.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.contactsync.platform.FieldProblem;
import org.contactsync.testsupport.BeanValidation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Business Central's field validation as the service applies it: e-mail format, no letters in phone numbers,
 * field lengths and a required name. No database is needed for contacts without a Company No.
 */
class ContactValidationTest {

    private static ContactService service;

    @BeforeAll
    static void service() {
        service = new ContactService(null, BeanValidation.validator());
    }

    private static List<FieldProblem> problems(Consumer<Contact> change) {
        var contact = new Contact(ContactType.PERSON);
        contact.setFirstName("Anna");
        contact.setSurname("Lindberg");
        change.accept(contact);
        return service.check(contact);
    }

    private static String only(List<FieldProblem> problems, String field) {
        assertEquals(1, problems.size(), () -> "one problem expected: " + problems);
        assertEquals(field, problems.get(0).field());
        return problems.get(0).message().in(Locale.ENGLISH);
    }

    @Test
    void aPersonWithANameAndNothingElseIsValid() {
        assertEquals(List.of(), problems(c -> { }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.lindberg@nordhav.example", "a@b.se", "first+tag@sub.domain.example",
            "o'neill@example.co.uk"})
    void validEmailAddressesAreAccepted(String email) {
        assertEquals(List.of(), problems(c -> {
            c.setEmail(email);
            c.setEmail2(email);
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna", "anna@", "@nordhav.example", "anna@nordhav", "anna lindberg@nordhav.example",
            "anna@@nordhav.example", "anna@nordhav..example", "a@b.se;c@d.se"})
    void invalidEmailAddressesAreRefusedWithAFieldMessage(String email) {
        assertEquals("The email address is not valid.", only(problems(c -> c.setEmail(email)), "email"));
        assertEquals("The email address is not valid.", only(problems(c -> c.setEmail2(email)), "email2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+46 8 555 012 00", "(08) 555-01200", "08/555 01 20", "+44 20 7946 0100 #12"})
    void phoneNumbersWithoutLettersAreAccepted(String phone) {
        assertEquals(List.of(), problems(c -> {
            c.setPhoneNo(phone);
            c.setMobilePhoneNo(phone);
            c.setFaxNo(phone);
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08-555 ext 12", "call me", "+46 8 555 Ö12"})
    void lettersInPhoneNumbersAreRefused(String phone) {
        assertEquals("Phone and fax numbers cannot contain letters.", only(problems(c -> c.setPhoneNo(phone)), "phoneNo"));
        assertEquals("Phone and fax numbers cannot contain letters.",
                only(problems(c -> c.setMobilePhoneNo(phone)), "mobilePhoneNo"));
        assertEquals("Phone and fax numbers cannot contain letters.", only(problems(c -> c.setFaxNo(phone)), "faxNo"));
    }

    @Test
    void fieldsLongerThanBusinessCentralAllowsAreRefusedWithTheirLimit() {
        assertEquals("The value can be at most 30 characters long.",
                only(problems(c -> c.setCity("x".repeat(31))), "city"));
        assertEquals(List.of(), problems(c -> c.setCity("x".repeat(30))));
        assertEquals("The value can be at most 50 characters long.",
                only(problems(c -> c.setAddress2("x".repeat(51))), "address2"));
        assertEquals("The value can be at most 255 characters long.",
                only(problems(c -> c.setHomePage("x".repeat(256))), "homePage"));
        assertEquals("The value can be at most 10 characters long.",
                only(problems(c -> c.setCountryRegionCode("SWEDEN-KINGDOM")), "countryRegionCode"));
        assertEquals("The value can be at most 80 characters long.",
                only(problems(c -> c.setEmail("a".repeat(70) + "@nordhav.example")), "email"));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        var problems = problems(c -> {
            c.setEmail("nope");
            c.setPhoneNo("abc");
            c.setJobTitle("x".repeat(31));
        });
        assertEquals(List.of("email", "jobTitle", "phoneNo"), problems.stream().map(FieldProblem::field).toList());
    }

    @Test
    void aPersonNeedsANameOrFirstNameOrSurname() {
        var nameless = new Contact(ContactType.PERSON);
        assertEquals("Enter a name, or a first name or surname.", only(service.check(nameless), "surname"));

        var onlyName = new Contact(ContactType.PERSON);
        onlyName.setName("Anna Lindberg");
        assertEquals(List.of(), service.check(onlyName));
    }

    @Test
    void aCompanyNeedsAName() {
        var company = new Contact(ContactType.COMPANY);
        assertEquals("Enter a name.", only(service.check(company), "name"));
        company.setName("Nordhav Logistik AB");
        assertTrue(service.check(company).isEmpty());
    }

    @Test
    void messagesAreInSwedishForSwedishReaders() {
        var message = problems(c -> c.setEmail("nope")).get(0).message();
        assertEquals("E-postadressen är inte giltig.", message.in(Locale.forLanguageTag("sv")));
    }
}

package org.contactsync.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Business Central's TypeChange: which Type changes are allowed and what they do to the contact's fields. */
class ContactTypeChangeTest {

    @Test
    void aCompanyWithPersonsCannotBecomeAPersonAndSaysHowManyItHas() {
        var refusal = ContactTypeChange.refusal(ContactType.COMPANY, ContactType.PERSON, 2);

        assertTrue(refusal.isPresent());
        assertTrue(refusal.get().in(Locale.ENGLISH).contains("it has 2"), refusal.get().in(Locale.ENGLISH));
        assertTrue(refusal.get().in(Locale.forLanguageTag("sv")).contains("det har 2"),
                refusal.get().in(Locale.forLanguageTag("sv")));
    }

    @Test
    void aCompanyWithoutPersonsMayBecomeAPersonAndAPersonMayBecomeACompany() {
        assertTrue(ContactTypeChange.refusal(ContactType.COMPANY, ContactType.PERSON, 0).isEmpty());
        assertTrue(ContactTypeChange.refusal(ContactType.PERSON, ContactType.COMPANY, 0).isEmpty());
    }

    @Test
    void aPersonBecomingACompanyLeavesItsCompanyAndLosesItsNamePartsAndJobTitle() {
        var person = new Contact(ContactType.PERSON);
        person.setNo("CT000500");
        person.setFirstName("Anna");
        person.setSurname("Lindberg");
        person.setJobTitle("Buyer");
        person.assignCompany("CT000010", "Nordhav Logistik AB");
        person.applyNameRules(false);

        person.changeType(ContactType.COMPANY);
        person.applyNameRules(false);

        assertEquals(ContactType.COMPANY, person.getType());
        assertEquals("Anna Lindberg", person.getName());
        assertEquals("", person.getFirstName() + person.getMiddleName() + person.getSurname() + person.getJobTitle());
        assertEquals("CT000500", person.getCompanyNo(), "a company is its own company");
        assertEquals("Anna Lindberg", person.getCompanyName());
    }

    @Test
    void aCompanyBecomingAPersonIsNoLongerItsOwnCompanyAndItsNameIsBrokenDown() {
        var company = new Contact(ContactType.COMPANY);
        company.setNo("CT000600");
        company.setName("Greta Maja Holm");
        company.applyNameRules(false);

        company.changeType(ContactType.PERSON);
        company.applyNameRules(true);

        assertEquals("", company.getCompanyNo() + company.getCompanyName());
        assertEquals("Greta|Maja|Holm",
                company.getFirstName() + "|" + company.getMiddleName() + "|" + company.getSurname());
    }
}

package org.contactsync.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.contactsync.contact.ContactNames.PersonName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business Central's CalculatedName and NameBreakdown for person contacts. */
class ContactNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Anna|''|Lindberg|Anna Lindberg",
            "Maria|Elisabet|Johansson|Maria Elisabet Johansson",
            "''|''|Lindberg|Lindberg",
            "'  Anna '|''|' Lindberg'|Anna Lindberg",
            "''|''|''|''"})
    void nameIsFirstMiddleAndSurnameWithSingleSpaces(String first, String middle, String surname, String name) {
        assertEquals(name, ContactNames.calculatedName(first, middle, surname));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Lindberg|''|''|Lindberg",
            "Anna Lindberg|Anna|''|Lindberg",
            "Maria Elisabet Johansson|Maria|Elisabet|Johansson",
            "Per Olof Erik Persson|Per Olof|Erik|Persson",
            "'  Anna   Lindberg '|Anna|''|Lindberg"})
    void breakdownPutsLastWordInSurnameAndSecondToLastInMiddleName(String name, String first, String middle,
                                                                   String surname) {
        assertEquals(new PersonName(first, middle, surname), ContactNames.breakdown(name));
    }

    @Test
    void breakdownOfNothingIsEmpty() {
        assertEquals(new PersonName("", "", ""), ContactNames.breakdown("  "));
    }

    @Test
    void personNameFollowsItsPartsAndCompanyIsItsOwnCompany() {
        var person = new Contact(ContactType.PERSON);
        person.setName("Someone Else");
        person.setFirstName("Anna");
        person.setSurname("Lindberg");
        person.applyNameRules(false);
        assertEquals("Anna Lindberg", person.getName());

        var typedName = new Contact(ContactType.PERSON);
        typedName.setName("Maria Elisabet Johansson");
        typedName.applyNameRules(false);
        assertEquals("Maria", typedName.getFirstName());
        assertEquals("Elisabet", typedName.getMiddleName());
        assertEquals("Johansson", typedName.getSurname());

        var company = new Contact(ContactType.COMPANY);
        company.setNo("ct000010");
        company.setName("Nordhav Logistik AB");
        company.setCompanyNo("CT999999");
        company.applyNameRules(false);
        assertEquals("CT000010", company.getCompanyNo());
        assertEquals("Nordhav Logistik AB", company.getCompanyName());
    }

    @Test
    void aNameTypedOnAPersonWithPartsReplacesThePartsAsBusinessCentralsNameBreakdownDoes() {
        var person = new Contact(ContactType.PERSON);
        person.setFirstName("Anna");
        person.setSurname("Lindberg");
        person.setName("Maria Elisabet Johansson");

        assertTrue(person.applyNameRules(true));

        assertEquals(new PersonName("Maria", "Elisabet", "Johansson"),
                new PersonName(person.getFirstName(), person.getMiddleName(), person.getSurname()));
        assertEquals("Maria Elisabet Johansson", person.getName());
    }
}

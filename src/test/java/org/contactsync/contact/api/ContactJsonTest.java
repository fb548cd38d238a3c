package org.contactsync.contact.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.contactsync.contact.ContactData;
import org.contactsync.contact.ContactField;
import org.contactsync.contact.ContactType;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.FieldProblem;
import org.junit.jupiter.api.Test;

/** Request bodies: full bodies for POST, JSON merge patches (RFC 7396) for PATCH, every bad field named. */
class ContactJsonTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static ContactData anna() {
        var data = new ContactData();
        data.set(ContactField.FIRST_NAME, "Anna");
        data.set(ContactField.SURNAME, "Lindberg");
        data.set(ContactField.COMPANY_NO, "CT000010");
        data.set(ContactField.E_MAIL, "anna@nordhav.example");
        data.set(ContactField.CITY, "Stockholm");
        data.setPrivacyBlocked(true);
        return data;
    }

    private static Map<String, String> fieldErrors(Runnable reading) {
        var refusal = assertThrows(ApplicationException.class, reading::run);
        assertEquals(ApplicationException.Kind.INVALID, refusal.kind());
        return refusal.fieldProblems().stream()
                .collect(Collectors.toMap(FieldProblem::field, p -> p.message().in(Locale.ENGLISH)));
    }

    @Test
    void aMergePatchSetsThePresentFieldsAndKeepsTheOthers() {
        var patched = ContactJson.patch(anna(), json("{'email': 'anna.lindberg@nordhav.example', 'jobTitle': 'VD'}"));
        assertEquals("anna.lindberg@nordhav.example", patched.get(ContactField.E_MAIL));
        assertEquals("VD", patched.get(ContactField.JOB_TITLE));
        assertEquals("Anna", patched.get(ContactField.FIRST_NAME));
        assertEquals("Stockholm", patched.get(ContactField.CITY));
        assertEquals("CT000010", patched.get(ContactField.COMPANY_NO));
        assertTrue(patched.isPrivacyBlocked());
        assertEquals(ContactType.PERSON, patched.getType());
    }

    @Test
    void nullInAMergePatchClearsTheField() {
        var patched = ContactJson.patch(anna(), json("{'companyNo': null, 'city': null, 'privacyBlocked': null}"));
        assertEquals("", patched.get(ContactField.COMPANY_NO));
        assertEquals("", patched.get(ContactField.CITY));
        assertEquals(false, patched.isPrivacyBlocked());
        assertEquals("anna@nordhav.example", patched.get(ContactField.E_MAIL));
    }

    @Test
    void anEmptyPatchChangesNothing() {
        var patched = ContactJson.patch(anna(), json("{}"));
        assertEquals(ContactJson.write(anna()), ContactJson.write(patched));
    }

    @Test
    void unknownFieldsAndWrongTypesAreNamed() {
        var errors = fieldErrors(() -> ContactJson.patch(anna(),
                json("{'emial': 'x@y.se', 'city': 42, 'privacyBlocked': 'yes', 'type': 'Robot'}")));
        assertEquals(Map.of(
                "emial", "Unknown field.",
                "city", "The value must be a text or null.",
                "privacyBlocked", "The value must be true or false.",
                "type", "The value must be Company or Person."), errors);
    }

    @Test
    void aFullBodyIsReadWithDefaultsForMissingFields() {
        var data = ContactJson.read(json("{'type': 'company', 'name': 'Nordhav Logistik AB', 'city': 'Stockholm'}"));
        assertEquals(ContactType.COMPANY, data.getType());
        assertEquals("Nordhav Logistik AB", data.get(ContactField.NAME));
        assertEquals("", data.get(ContactField.E_MAIL));
        assertEquals(false, data.isPrivacyBlocked());
    }

    @Test
    void readOnlyFieldsOfAResponseMayBeSentBackAndAreIgnored() {
        var data = ContactJson.read(json("{'no': 'CT999990', 'companyName': 'Other', 'version': 7, "
                + "'lastModifiedAt': '2026-01-01T00:00:00Z', 'surname': 'Lindberg'}"));
        assertEquals("Lindberg", data.get(ContactField.SURNAME));
    }

    @Test
    void aTextFieldGivenAnArrayIsRefused() {
        assertThrows(ApplicationException.class,
                () -> ContactJson.patch(anna(), Json.createObjectBuilder().add("name", Json.createArrayBuilder()).build()));
    }
}

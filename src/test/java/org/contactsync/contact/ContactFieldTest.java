package org.contactsync.contact;

import static org.contactsync.testsupport.BundleFiles.contactMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The field catalogue the Contact Card, the API and the sync read: captions, names and what may be set. */
class ContactFieldTest {

    @ParameterizedTest
    @EnumSource(ContactField.class)
    void everyFieldHasItsContactCardCaptionInBothLanguages(ContactField field) throws IOException {
        assertFalse(contactMessages("messages.properties").getProperty(field.captionKey(), "").isBlank(), "English");
        assertFalse(contactMessages("messages_sv.properties").getProperty(field.captionKey(), "").isBlank(), "Swedish");
    }

    @ParameterizedTest
    @EnumSource(ContactField.class)
    void aFieldIsFoundByTheNameTheApiAndTheCardGiveIt(ContactField field) {
        assertEquals(Optional.of(field), ContactField.named(field.jsonName()));
    }

    @Test
    void companyNameFollowsTheCompanyAndIsSetByNobody() {
        assertFalse(ContactField.editable().contains(ContactField.COMPANY_NAME));
        assertThrows(UnsupportedOperationException.class,
                () -> ContactField.COMPANY_NAME.set(new Contact(), "Anything AB"));
        assertThrows(IllegalArgumentException.class,
                () -> new ContactData().set(ContactField.COMPANY_NAME, "Anything AB"));
    }

    @Test
    void aSetterKeepsTheContactsOwnFormOfTheValue() {
        var contact = new Contact();
        ContactField.POST_CODE.set(contact, " se-123 45 ");
        ContactField.CITY.set(contact, " Lund ");
        assertEquals("SE-123 45", ContactField.POST_CODE.get(contact), "a Code field is upper case");
        assertEquals("Lund", ContactField.CITY.get(contact));
    }
}

package org.contactsync.sync.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every mapped field is shown with the contact card's own caption, in English and in Swedish. */
class FieldMappingViewTest {

    @Test
    void everyMappedFieldHasAContactCardCaptionInBothLanguages() {
        for (var locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("sv")}) {
            var bundle = ResourceBundle.getBundle("org.contactsync.contact.web.messages", locale);
            for (var row : new FieldMappingView().getRows()) {
                assertTrue(bundle.containsKey(row.getCaptionKey()), row.getCaptionKey() + " in " + locale);
            }
        }
    }
}

package org.contactsync.sync.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import org.contactsync.contact.SyncedField;
import org.junit.jupiter.api.Test;

/**
 * The Contact Sync Setup page's mapping table: one row per mapped field, with the contact card's own caption, in
 * English and in Swedish.
 */
class FieldMappingViewTest {

    @Test
    void thereIsOneRowPerMappedFieldInTheTablesOrder() {
        var rows = new FieldMappingView().getRows();

        assertEquals(Arrays.stream(SyncedField.values()).map(SyncedField::graphPath).toList(),
                rows.stream().map(FieldMappingView.Row::getGraphPath).toList());
        assertEquals(Arrays.stream(SyncedField.values()).map(SyncedField::bcLength).toList(),
                rows.stream().map(FieldMappingView.Row::getLength).toList());
    }

    @Test
    void everyMappedFieldHasAContactCardCaptionInBothLanguages() throws IOException {
        // The files themselves: a bundle looked up for "sv" would fall back to English for a missing key.
        var english = messages("messages.properties");
        var swedish = messages("messages_sv.properties");
        var rows = new FieldMappingView().getRows();
        assertEquals(SyncedField.values().length, rows.size());
        for (var row : rows) {
            assertFalse(english.getProperty(row.getCaptionKey(), "").isBlank(), row.getCaptionKey() + " in English");
            assertFalse(swedish.getProperty(row.getCaptionKey(), "").isBlank(), row.getCaptionKey() + " in Swedish");
        }
    }

    private Properties messages(String file) throws IOException {
        var messages = new Properties();
        try (var in = getClass().getResourceAsStream("/org/contactsync/contact/web/" + file)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}

package org.contactsync.sync.web;

import static org.contactsync.testsupport.BundleFiles.contactMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.Arrays;

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
        var english = contactMessages("messages.properties");
        var swedish = contactMessages("messages_sv.properties");
        var rows = new FieldMappingView().getRows();
        assertEquals(SyncedField.values().length, rows.size());
        for (var row : rows) {
            assertFalse(english.getProperty(row.getCaptionKey(), "").isBlank(), row.getCaptionKey() + " in English");
            assertFalse(swedish.getProperty(row.getCaptionKey(), "").isBlank(), row.getCaptionKey() + " in Swedish");
        }
    }
}

package org.contactsync.contact;

import java.util.EnumMap;
import java.util.Map;

/** Reads and assigns a Business Central contact's synced fields through their {@link ContactField}'s accessors. */
public final class SyncedFieldValues {

    private SyncedFieldValues() {
    }

    public static FieldValues read(Contact contact) {
        Map<SyncedField, String> values = new EnumMap<>(SyncedField.class);
        for (SyncedField field : SyncedField.values()) {
            values.put(field, field.contactField().get(contact));
        }
        return FieldValues.of(values);
    }

    /**
     * Assigns the values as given (no name breakdown, no reformatting), except Company Name, which the caller
     * resolves to a company ({@link Contact#assignCompany}).
     */
    public static void assign(Contact contact, FieldValues values) {
        values.fields().stream()
                .filter(field -> ContactField.editable().contains(field.contactField()))
                .forEach(field -> field.contactField().set(contact, values.get(field)));
    }
}

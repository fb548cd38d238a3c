package org.contactsync.sync;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.Map;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;

/**
 * A link's last synced values as the JSON text the link table stores: an object keyed by {@link SyncedField} name.
 * A field missing from the object has no agreed value; names the code no longer knows are ignored.
 */
final class FieldValuesJson {

    private FieldValuesJson() {
    }

    static String write(FieldValues values) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        values.fields().forEach(field -> object.add(field.name(), values.get(field)));
        return object.build().toString();
    }

    static FieldValues read(String json) {
        JsonObject object;
        try (var reader = JSON.createReader(new StringReader(json))) {
            object = reader.readObject();
        }
        Map<SyncedField, String> values = new EnumMap<>(SyncedField.class);
        for (SyncedField field : SyncedField.values()) {
            if (object.get(field.name()) instanceof JsonString text) {
                values.put(field, text.getString());
            }
        }
        return FieldValues.of(values);
    }
}

package org.contactsync.sandbox;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A contact as the sandbox keeps it. Mutable, guarded by its {@link Mailbox}'s lock. */
final class StoredContact {

    final String id;
    String folderId;
    final Instant created;
    Instant lastModified;
    String changeKey;
    /** The mailbox change sequence of the last change; delta reports contacts changed after a token's watermark. */
    long changeSequence;
    /** The writable properties a client set (absent means Graph's empty value). */
    final Map<String, JsonValue> properties = new LinkedHashMap<>();
    /** Single-value extended properties by id in Graph's spelling ({@link ExtendedPropertyIds#canonical}). */
    final Map<String, String> extendedProperties = new LinkedHashMap<>();

    StoredContact(String id, String folderId, Instant created) {
        this.id = id;
        this.folderId = folderId;
        this.created = created;
        this.lastModified = created;
    }

    JsonValue value(String property) {
        return properties.getOrDefault(property, ContactSchema.emptyValue(property));
    }

    String etag() {
        return "W/\"" + changeKey + "\"";
    }
}

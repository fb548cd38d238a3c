package org.contactsync.sandbox;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Renders the sandbox's entities and errors as Graph v1.0 JSON (property names and order as Graph returns them). */
final class GraphJson {

    private GraphJson() {
    }

    /**
     * A contact: {@code @odata.etag} and {@code id} always, then every property (or only those of {@code $select}),
     * and the extended property of {@code $expand} when the contact has it.
     */
    static JsonObject contact(StoredContact contact, Set<String> select, Optional<String> expandedProperty) {
        return contact(contact, select, expandedProperty.stream().toList());
    }

    /** A contact with the expanded extended properties it has (several when {@code $expand} names several ids). */
    static JsonObject contact(StoredContact contact, Set<String> select, java.util.List<String> expandedProperties) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("@odata.etag", contact.etag())
                .add("id", contact.id);
        if (wanted(select, "createdDateTime")) {
            json.add("createdDateTime", dateTime(contact.created));
        }
        if (wanted(select, "lastModifiedDateTime")) {
            json.add("lastModifiedDateTime", dateTime(contact.lastModified));
        }
        if (wanted(select, "changeKey")) {
            json.add("changeKey", contact.changeKey);
        }
        if (wanted(select, "categories")) {
            json.add("categories", contact.value("categories"));
        }
        if (wanted(select, "parentFolderId")) {
            json.add("parentFolderId", contact.folderId);
        }
        ContactSchema.WRITABLE.keySet().stream()
                .filter(p -> !p.equals("categories") && wanted(select, p))
                .filter(p -> !ContactSchema.OMITTED_WHEN_EMPTY.contains(p) || contact.properties.containsKey(p))
                .forEach(p -> json.add(p, contact.value(p)));
        var properties = JSON.createArrayBuilder();
        expandedProperties.stream().filter(contact.extendedProperties::containsKey).forEach(id ->
                properties.add(JSON.createObjectBuilder().add("id", id).add("value", contact.extendedProperties.get(id))));
        var expanded = properties.build();
        if (!expanded.isEmpty()) {
            json.add("singleValueExtendedProperties", expanded);
        }
        return json.build();
    }

    static JsonObject folder(ContactFolder folder) {
        return JSON.createObjectBuilder()
                .add("id", folder.id)
                .add("parentFolderId", folder.parentFolderId)
                .add("displayName", folder.displayName)
                .build();
    }

    /** Graph's error body; {@code innerError} carries the date and request ids as Graph's does. */
    static JsonObject error(GraphError error, String requestId, Optional<String> clientRequestId, Clock clock) {
        JsonObjectBuilder inner = JSON.createObjectBuilder()
                .add("date", clock.instant().atOffset(ZoneOffset.UTC).format(ContactSchema.GRAPH_DATE_TIME))
                .add("request-id", requestId)
                .add("client-request-id", clientRequestId.orElse(requestId));
        return JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                .add("code", error.code())
                .add("message", error.getMessage())
                .add("innerError", inner)).build();
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    static String dateTime(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).format(ContactSchema.GRAPH_DATE_TIME);
    }

    private static boolean wanted(Set<String> select, String property) {
        return select.isEmpty() || select.contains(property);
    }
}

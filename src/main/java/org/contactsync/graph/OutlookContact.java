package org.contactsync.graph;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;

/**
 * A contact in the employee's Outlook sync folder, as the gateway reads it and the planner compares it.
 *
 * @param graphId   the immutable Graph id
 * @param changeKey the version Graph reports
 * @param stamp     the BC contact No. from our single-value extended property, when present (contacts we created)
 * @param values    the synced fields as read from Graph, raw (Address/Address 2 already split by
 *                  {@link org.contactsync.contact.StreetLines})
 */
public record OutlookContact(String graphId, String changeKey, Optional<String> stamp, FieldValues values) {

    public OutlookContact {
        Objects.requireNonNull(graphId, "graphId");
        Objects.requireNonNull(changeKey, "changeKey");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(values, "values");
    }

    /**
     * The values the planner compares: as read, except that an empty displayName is taken as the given, middle and
     * surname joined, which is what Outlook shows for such a contact.
     */
    public FieldValues effectiveValues() {
        if (!values.get(SyncedField.NAME).isBlank()) {
            return values;
        }
        String composed = Stream.of(SyncedField.FIRST_NAME, SyncedField.MIDDLE_NAME, SyncedField.SURNAME)
                .map(field -> values.get(field).strip())
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        return values.with(SyncedField.NAME, composed);
    }
}

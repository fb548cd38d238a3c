package org.contactsync.sync.plan;

import org.contactsync.contact.SyncedField;

/**
 * A remark on one field of a write to Business Central, for the sync log.
 *
 * @param field         the field
 * @param reason        {@link Reason#TRUNCATED_FOR_BC} (written shortened)
 * @param outlookLength the length of Outlook's value
 */
public record FieldNote(SyncedField field, Reason reason, int outlookLength) {

    public String describe() {
        return field.bcCaption() + ": " + reason.text() + " (" + outlookLength + " > " + field.bcLength() + ")";
    }
}

package org.contactsync.sync.plan;

import java.util.Objects;
import org.contactsync.contact.FieldValues;

/**
 * One row of the employee's link table: a Business Central contact and the Outlook contact it is synced with.
 *
 * @param contactNo          the BC contact No.
 * @param graphId            the immutable Graph id
 * @param changeKey          the Outlook version last seen or written by the sync
 * @param lastSynced         the values both sides agreed on at the last sync; a missing field has no agreed value
 *                           yet (a pair matched by e-mail before its first write, for example)
 * @param importedFromOutlook the BC contact was created by the sync from an Outlook contact; such a contact keeps
 *                           syncing although it is not in the employee's filter (it never "left" it)
 * @param kept               a tombstone: the pair left the sync and the employee chose "keep in Outlook, stop
 *                           syncing"; the Outlook contact is neither synced, imported nor matched again until the BC
 *                           contact is back in scope
 */
public record SyncLink(String contactNo, String graphId, String changeKey, FieldValues lastSynced,
        boolean importedFromOutlook, boolean kept) {

    /** A live link (not a tombstone). */
    public SyncLink(String contactNo, String graphId, String changeKey, FieldValues lastSynced,
            boolean importedFromOutlook) {
        this(contactNo, graphId, changeKey, lastSynced, importedFromOutlook, false);
    }

    public SyncLink {
        Objects.requireNonNull(contactNo, "contactNo");
        Objects.requireNonNull(graphId, "graphId");
        Objects.requireNonNull(changeKey, "changeKey");
        Objects.requireNonNull(lastSynced, "lastSynced");
    }
}

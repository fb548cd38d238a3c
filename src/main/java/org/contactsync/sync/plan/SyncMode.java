package org.contactsync.sync.plan;

/** The two runs a user can start, as Business Central names them. */
public enum SyncMode {
    /**
     * "Sync with Microsoft 365": Business Central's changes go to Outlook, linked contacts deleted in Outlook are
     * recreated; nothing is written to Business Central and no new Outlook contact is imported.
     */
    INCREMENTAL,
    /** "Full Sync with Microsoft 365": both directions, whatever the dates. */
    FULL
}

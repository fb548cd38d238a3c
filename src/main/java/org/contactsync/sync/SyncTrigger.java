package org.contactsync.sync;

/** Where a run was started from, for the sync log. */
public enum SyncTrigger {
    /** The Contact Sync Setup page. */
    PAGE,
    /** The Contact List's actions. */
    CONTACT_LIST,
    /** {@code POST /api/v1/sync-runs}. */
    API,
    /** A job queue entry (background synchronization). */
    JOB_QUEUE
}

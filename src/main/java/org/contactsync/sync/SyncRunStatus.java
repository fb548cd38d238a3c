package org.contactsync.sync;

/** Where a run stands. Only {@link #RUNNING} holds the employee's lease. */
public enum SyncRunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** The mailbox kept throttling: the run stopped with its progress saved; the next run continues from there. */
    POSTPONED,
    /** The mass-delete guard stopped the plan; a run started with the deletes confirmed carries it out. */
    BLOCKED_BY_GUARD;

    public boolean finished() {
        return this != RUNNING;
    }
}

package org.contactsync.jobqueue;

/** Business Central's job queue entry statuses. Only {@link #READY} entries are scheduled. */
public enum JobQueueStatus {
    READY,
    /** A server has claimed the entry and runs it; its lease says which server and until when. */
    IN_PROCESS,
    /** The run failed on its last allowed attempt; Set Status to Ready schedules it again. */
    ERROR,
    ON_HOLD,
    /** A one-off entry that ran successfully (Business Central deletes these; here they stay to be seen). */
    FINISHED
}

package org.contactsync.jobqueue;

/**
 * A CDI event: a job queue entry's run ended and its log entry says how, fired in the transaction that writes it;
 * observers that report it (metrics) observe {@code AFTER_SUCCESS}.
 */
public record JobRunEnded(ObjectType objectType, int objectId, JobRunStatus status) {
}

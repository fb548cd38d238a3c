package org.contactsync.jobqueue;

/** The status of a Job Queue Log Entry. */
public enum JobRunStatus {
    IN_PROCESS,
    SUCCESS,
    ERROR
}

/**
 * The runnable objects of the job queue. {@link org.contactsync.jobqueue.jobs.ContactSyncJob} is codeunit 6700: an
 * incremental sync, a few employees at a time, for every employee with background synchronization on, each
 * employee's failure isolated, throttled mailboxes retried once, and the outcome summarised per employee. Add a job
 * by adding a {@link org.contactsync.jobqueue.JobQueueJob} bean here.
 */
package org.contactsync.jobqueue.jobs;

/**
 * The sync's job for the job queue. {@link org.contactsync.sync.jobs.ContactSyncJob} is codeunit 6700: an
 * incremental sync for every employee with background synchronization on, each employee a part of the run that any
 * server may claim (a few at a time per server), each employee's failure isolated, throttled mailboxes retried once,
 * and the outcome summarised per employee. It is a
 * {@link org.contactsync.jobqueue.JobQueueJob} bean, which {@link org.contactsync.jobqueue.JobRegistry} finds: the job
 * queue knows no job by name, so the arrow runs from sync to jobqueue only.
 */
package org.contactsync.sync.jobs;

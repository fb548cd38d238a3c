/**
 * The job queue: Business Central's Job Queue Entries rebuilt on EJB timers, safe with several servers on one
 * database.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Entries.</b> {@link org.contactsync.jobqueue.JobQueueEntry} holds what runs (Object Type/ID to Run, a
 * {@link org.contactsync.jobqueue.JobQueueJob} found by {@link org.contactsync.jobqueue.JobRegistry}), when
 * ({@link org.contactsync.jobqueue.Recurrence}, turned into run times by the pure
 * {@link org.contactsync.jobqueue.RunTimes} in {@code contactsync.jobqueue.time-zone}), its status and its next run.
 * Administrators change them through {@link org.contactsync.jobqueue.JobQueueService} (everyone else is refused);
 * impossible recurrences are refused field by field. Saving a Ready entry puts it On Hold, as in Business Central.
 * The first start has the entry for codeunit 6700, On Hold.</li>
 * <li><b>Scheduling.</b> The schedule lives in the database. {@link org.contactsync.jobqueue.JobQueueHeartbeat}, a
 * non-persistent interval timer on every server, lets {@link org.contactsync.jobqueue.JobQueueDispatcher} claim due
 * entries and run them on the managed executor; the timer never waits for a run. A server that was down runs a
 * missed entry once, then continues on its slots.</li>
 * <li><b>Claims.</b> A run starts with one conditional UPDATE (same version, still Ready and due or In Process under
 * an expired lease), so of any number of servers exactly one runs it. The claimant holds a lease (owner, expiry)
 * that its heartbeat renews while the run goes on; a lease that expires because its server stopped lets another
 * server recover the entry, and the log says so on both runs. A run that ends after losing its lease changes only
 * the log.</li>
 * <li><b>After a run.</b> Success: recurring entries are Ready for their next slot, one-offs Finished. Failure:
 * Ready again after Rerun Delay (sec.) while attempts remain, else Error with the message. Someone who set the entry
 * On Hold or Ready during the run keeps their choice.</li>
 * <li><b>Log.</b> One {@link org.contactsync.jobqueue.JobQueueLogEntry} per run (Run Once (foreground) included),
 * with a {@link org.contactsync.jobqueue.JobQueueLogItem} per subject; purged after
 * {@code contactsync.jobqueue.log-retention-days} by {@link org.contactsync.platform.NightlyPurge}.</li>
 * </ul>
 * <h2>Layering</h2>
 * Uses {@code employee} (the caller) and {@code platform} only; nothing in {@code jobqueue} imports a feature above
 * it. The jobs live with their features (the contact sync job in {@code org.contactsync.sync.jobs}) as
 * {@link org.contactsync.jobqueue.JobQueueJob} beans that {@link org.contactsync.jobqueue.JobRegistry} finds, so
 * the arrows point from the features to the job queue. Pages in {@code jobqueue.web}, REST in {@code jobqueue.api}.
 */
package org.contactsync.jobqueue;

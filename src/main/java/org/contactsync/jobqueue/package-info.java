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
 * <li><b>A run's parts.</b> A run is not done by the server that claimed it alone: that server asks the job for the
 * run's subjects ({@link org.contactsync.jobqueue.JobQueueJob#subjects}, for codeunit 6700 the employees with
 * background sync) and stores a waiting {@link org.contactsync.jobqueue.JobRunPart} per subject in one transaction
 * (V17); then every server's heartbeat claims waiting parts of any open run, up to the job's parts per server
 * (6700: {@code contactsync.jobqueue.contact-sync.concurrency}), so all servers on the database work on one run. A
 * part is claimed like an entry (a conditional UPDATE; exactly one server wins) and held under a lease the
 * claimant's heartbeat renews; a part whose lease expired (its server stopped) is claimed again by any server, and a
 * late end from the stopped one changes nothing. One subject's part runs once at a time here; what a subject's job
 * must not do twice at once it guards itself (the sync's own lease per employee). A server that ends a part claims
 * the next ones at once rather than at its next beat; a server that is stopping claims nothing more. The job may
 * send a part back to waiting once, with a not-before time ({@code retryOnceAfter}: 6700's postponed employees).
 * <br>The run ends when its last part ends, in the transaction that ends that part: it locks the run's log entry
 * first, so that of two servers ending the last two parts at once the second sees the first's, and the run ends
 * exactly once; the job sums the items up ({@code summary}), and the entry goes on as after any run (next slot,
 * retries, Error). No server has to stay alive for the run: whoever ends the last part ends it. While a run has open
 * parts its entry is never recovered as a second run, even though the claimant gave its entry lease up after
 * splitting (the candidates' query excludes it; the split raises the entry's version, so a recovery that saw the
 * entry before cannot claim it). A server that dies before the split leaves no parts: the entry is recovered as
 * before. Run Once (foreground) is split the same way and waits, polling the database, until its run has ended.
 * <br>Why here and not in the job: the claim, the lease and the end of a run are the job queue's, and any job with
 * independent subjects gets the spread; the job only names its subjects, runs one, and sums up, so {@code jobqueue}
 * still imports no feature. Why one part per subject rather than batches: the subject is the unit a server can die
 * in the middle of, and the item per subject already was the log's unit. A subject's item is written when its part
 * ends (the log shows a run's progress); a part sent back to waiting writes none, so the log has one item per
 * subject.</li>
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

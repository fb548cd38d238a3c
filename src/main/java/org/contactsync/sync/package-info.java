/**
 * The sync engine: "Sync with Microsoft 365" and "Full Sync with Microsoft 365" for one employee at a time.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Runs.</b> {@link org.contactsync.sync.SyncRunner#start} claims the employee's lease (a unique column on
 * {@link org.contactsync.sync.SyncRun}, so one run per employee also across servers sharing the database; an expired
 * lease is taken over), returns the run's id and runs it on the managed executor. A second start while the lease is
 * live is refused with "a sync is already running" and that run's id. Progress and counts are on the run row.
 * {@link org.contactsync.sync.SyncRunner#runNow} does the same on the calling thread and returns the ended run (the
 * job queue's contact sync job waits for each employee that way). A run whose server stopped (crashed, killed)
 * stays RUNNING until its lease runs out; then the next claim, or any server starting up
 * ({@link org.contactsync.sync.InterruptedRuns}), ends it as FAILED with a message starting "Interrupted:", and the
 * next run continues from its committed chunks.</li>
 * <li><b>Snapshot.</b> Business Central: the contacts in the employee's filter, plus linked, stamped and e-mail
 * matched contacts outside it; Outlook: a delta round from the stored deltaLink, in which contacts that come back
 * with the change key the link holds (the engine's own writes) are dropped and the rest completed with stamps and
 * Fax No.; a full listing on the first run, in full mode, after 410, and after the folder was deleted in Outlook
 * (it is made again). Links: {@link org.contactsync.sync.ContactLink} rows. <b>In step:</b> an incremental run
 * (not a preview) whose delta round reports no change at all ends at once, SUCCEEDED with an empty plan and the new
 * deltaLink, without reading links or contacts, when {@link org.contactsync.sync.SyncStore#inStepSince} finds that
 * the last run planned nothing and nothing in the database changed since it started (no contact inserted or
 * modified, no linked contact deleted, the setup unchanged); a full run never takes this shortcut.</li>
 * <li><b>Plan.</b> {@link org.contactsync.sync.plan.Planner#plan}; a preview only logs it; a plan the mass-delete
 * guard blocks ends the run as BLOCKED_BY_GUARD until a run is started with the deletes confirmed.</li>
 * <li><b>Execution.</b> In chunks of at most 20 Outlook writes (one {@code $batch}); each chunk's Business Central
 * writes, link rows, log entries and counts commit in one transaction, so an interrupted run loses at most one
 * chunk's bookkeeping and the next run finds what was written by its stamp. The deltaLink is stored only after the
 * whole plan ran. A mailbox that keeps throttling ends the run as POSTPONED with everything done so far kept.</li>
 * <li><b>Lease.</b> Renewed by every chunk commit and, while the run reads or waits on Graph, before any request
 * once a third of the lease has passed ({@link org.contactsync.sync.LeaseKeeper}); a run that finds its lease taken
 * over sends nothing more.</li>
 * <li><b>Log.</b> One {@link org.contactsync.sync.SyncLogEntry} per planned action: its kind when done (or, in a
 * preview or a blocked run, planned), {@code FAILED} with the reason when its write did not succeed. Ended runs
 * and their entries older than {@code contactsync.sync.log-retention-days} are purged nightly
 * ({@link org.contactsync.platform.NightlyPurge}).</li>
 * </ul>
 *
 * <h2>Ports</h2>
 * A run ({@link org.contactsync.sync.RunExecution}) reaches the outside only through types of this package:
 * {@link org.contactsync.sync.OutlookMailboxPort} (the sync folder, its listing and delta, the writes; carried out by
 * {@link org.contactsync.sync.GraphOutlookMailbox} on {@code graph}'s {@code OutlookMailbox}),
 * {@link org.contactsync.sync.BusinessCentralContactsPort} (contacts in scope by the employee's filter, create and
 * apply from sync, company lookup; carried out by {@link org.contactsync.sync.ContactTableContacts} on the contact
 * table) and {@link org.contactsync.sync.RunRecords} (the sync's own setup, links, run row and log;
 * {@link org.contactsync.sync.SyncStore}). Tests run it on in-memory fakes of all three, without a container.
 *
 * <h2>Layering</h2>
 * {@code sync} may import {@code exchange}, {@code graph}'s plain records, {@code contact}, {@code jobqueue} (its
 * job, {@code sync.jobs}, registers through {@code JobRegistry}), {@code employee} and {@code platform}; none of
 * those imports {@code sync}. The planner, {@code sync.plan}, imports only the contact's field catalogue and
 * {@code graph}'s {@code OutlookContact} record. Only {@code graph} and {@code sandbox} touch Graph SDK types.
 */
package org.contactsync.sync;

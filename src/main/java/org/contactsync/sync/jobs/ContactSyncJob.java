package org.contactsync.sync.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.contactsync.employee.Caller;
import org.contactsync.employee.Role;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.jobqueue.JobQueueJob;
import org.contactsync.jobqueue.JobResult;
import org.contactsync.jobqueue.JobResult.Item;
import org.contactsync.jobqueue.ObjectType;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.LocalizedMessage;
import org.contactsync.sync.SyncAlreadyRunningException;
import org.contactsync.sync.SyncMessages;
import org.contactsync.sync.SyncRequest;
import org.contactsync.sync.SyncRun;
import org.contactsync.sync.SyncRunner;
import org.contactsync.sync.SyncTrigger;
import org.contactsync.sync.plan.ActionKind;
import org.contactsync.sync.plan.SyncMode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Codeunit 6700 "O365 Sync. Management": a sync for every employee with Enable Background Synchronization on
 * (Business Central's codeunit 6703 does the same for every Enabled Exchange Sync record).
 *
 * <ul>
 * <li>The entry's Parameter String picks the sync: empty runs "Sync with Microsoft 365" (Business Central's changes
 * to Outlook), {@value #FULL_SYNC} runs "Full Sync with Microsoft 365" (both directions), so that Outlook edits come
 * back on a schedule too, not only when someone presses Full Sync.</li>
 * <li>Each employee is a part of the run that any server on the database may run (the job queue's "A run's
 * parts"); each server syncs at most {@code contactsync.jobqueue.contact-sync.concurrency} employees at a time, each
 * isolated: a failure is on that employee's sync run and item, the others go on. {@link SyncRunner#runNow} keeps one
 * sync run per employee across the servers, also when a part is taken over from a server that stopped.</li>
 * <li>A mailbox that kept throttling (run POSTPONED), or an employee whose own sync was running, is tried once more
 * after {@code contactsync.jobqueue.contact-sync.retry-postponed-seconds} (negative: not); still postponed, the next
 * run continues.</li>
 * <li>The run fails when an employee's sync failed or could not start (no Microsoft 365 e-mail, no connection), so
 * the entry's retries and Error status apply; a run the mass-delete guard stopped waits for the employee and is only
 * reported.</li>
 * </ul>
 */
@ApplicationScoped
public class ContactSyncJob implements JobQueueJob {

    public static final int OBJECT_ID = 6700;

    /** Who the job's sync runs are started as: the job queue, allowed to sync every employee. */
    static final Caller JOB_QUEUE = new Caller("job-queue", Set.of(Role.ADMIN));

    /** The Parameter String that makes the job's runs full syncs. */
    public static final String FULL_SYNC = "FULL";

    static final String REFUSED = "REFUSED";
    static final String ALREADY_RUNNING = "ALREADY_RUNNING";

    @Inject
    ExchangeSyncService setups;

    @Inject
    SyncRunner runner;

    @Inject
    @ConfigProperty(name = "contactsync.jobqueue.contact-sync.concurrency")
    int concurrency;

    @Inject
    @ConfigProperty(name = "contactsync.jobqueue.contact-sync.retry-postponed-seconds")
    int retryPostponedSeconds;

    @Override
    public ObjectType objectType() {
        return ObjectType.CODEUNIT;
    }

    @Override
    public int objectId() {
        return OBJECT_ID;
    }

    @Override
    public LocalizedMessage caption() {
        return SyncMessages.of("job.codeunit.6700");
    }

    @Override
    public Optional<LocalizedMessage> parameterProblem(String parameterString) {
        return modeOf(parameterString).isPresent() ? Optional.empty()
                : Optional.of(SyncMessages.of("job.codeunit.6700.parameter", FULL_SYNC));
    }

    @Override
    public Optional<LocalizedMessage> parameterHelp() {
        return Optional.of(SyncMessages.of("job.codeunit.6700.parameterHelp", FULL_SYNC));
    }

    /** Empty: Sync with Microsoft 365; FULL (any case, spaces around ignored): Full Sync; anything else: none. */
    static Optional<SyncMode> modeOf(String parameterString) {
        var parameter = parameterString.strip();
        if (parameter.isEmpty()) {
            return Optional.of(SyncMode.INCREMENTAL);
        }
        return parameter.equalsIgnoreCase(FULL_SYNC) ? Optional.of(SyncMode.FULL) : Optional.empty();
    }

    /** The employees with background sync on; a Parameter String the job cannot use fails the run. */
    @Override
    public List<String> subjects(JobContext context) {
        mode(context);
        return setups.withBackgroundSync().stream().map(ExchangeSync::getUserName).toList();
    }

    @Override
    public Item run(JobContext context, String employee) {
        return sync(employee, mode(context), context.userId());
    }

    /** A postponed employee (throttled mailbox, or their own sync running) once more after the configured pause. */
    @Override
    public Optional<Duration> retryOnceAfter(Item item) {
        return postponed(item) && retryPostponedSeconds >= 0 ? Optional.of(Duration.ofSeconds(retryPostponedSeconds))
                : Optional.empty();
    }

    @Override
    public JobResult summary(List<Item> items) {
        return ContactSyncSummary.of(items);
    }

    @Override
    public int partsPerServer() {
        return concurrency;
    }

    private static SyncMode mode(JobContext context) {
        return modeOf(context.parameterString()).orElseThrow(() -> new ApplicationException(
                ApplicationException.Kind.INVALID, SyncMessages.of("job.codeunit.6700.parameter", FULL_SYNC)));
    }

    private Item sync(String employee, SyncMode mode, String startedBy) {
        try {
            SyncRun run = runner.runNow(JOB_QUEUE, new SyncRequest(employee, mode,
                    SyncTrigger.JOB_QUEUE, startedBy, false, false));
            return new Item(employee, run.getStatus().name(), Optional.of(run.getId()), toOutlook(run), toBc(run),
                    run.getFailed(), pausedBy(run).map(paused -> LocalizedMessage.followedBy(
                            run.errorMessage().orElse(""), paused)).orElse(run.errorMessage().orElse("")));
        } catch (SyncAlreadyRunningException e) {
            return new Item(employee, ALREADY_RUNNING, Optional.of(e.runningRunId()), 0, 0, 0, e.getMessage());
        } catch (ApplicationException e) {
            return new Item(employee, REFUSED, Optional.empty(), 0, 0, 0, e.getMessage());
        } catch (RuntimeException e) {
            // Isolated: this employee's failure is theirs; the job goes on with the others.
            return new Item(employee, "FAILED", Optional.empty(), 0, 0, 0, String.valueOf(e));
        }
    }

    /**
     * What the log item adds when this run's failure paused the employee's background synchronization, stored as a
     * message (the log reads it in the reader's language); empty otherwise.
     */
    private Optional<String> pausedBy(SyncRun run) {
        return setups.find(run.getUserName()).filter(setup -> setup.pausedBy(run.getId()))
                .map(setup -> SyncMessages.of("job.codeunit.6700.paused", (long) setup.getFailuresInARow()).stored());
    }

    static boolean postponed(Item item) {
        return item.outcome().equals("POSTPONED") || item.outcome().equals(ALREADY_RUNNING);
    }

    private static int toOutlook(SyncRun run) {
        return run.count(ActionKind.CREATE_IN_OUTLOOK) + run.count(ActionKind.UPDATE_IN_OUTLOOK)
                + run.count(ActionKind.RECREATE_IN_OUTLOOK) + run.count(ActionKind.DELETE_IN_OUTLOOK);
    }

    private static int toBc(SyncRun run) {
        return run.count(ActionKind.CREATE_IN_BC) + run.count(ActionKind.UPDATE_IN_BC);
    }
}

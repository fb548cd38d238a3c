package org.contactsync.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.graph.ConnectionCheckOutcome;
import org.contactsync.platform.LocalizedMessage;
import org.contactsync.sync.plan.ActionKind;
import org.contactsync.sync.plan.Plan;
import org.contactsync.sync.plan.SyncAction;
import org.contactsync.sync.plan.SyncLink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The engine's database work, each method its own transaction (the run itself is not one: its chunks commit one
 * by one so that an interrupted run keeps what it did).
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class SyncStore implements RunRecords {

    @Inject
    SyncRepository repository;

    @Inject
    Clock clock;

    @Inject
    BusinessCentralContactsPort businessCentral;

    @Inject
    ExchangeSyncService setups;

    @Inject
    @ConfigProperty(name = "contactsync.sync.lease-seconds")
    long leaseSeconds;

    @Inject
    Event<SyncRunEnded> runsEnded;


    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    /** The new run holding the lease; a PersistenceException when another run's lease is live. */
    public SyncRun claim(SyncRequest request, String leaseOwner) {
        return repository.claim(request, leaseOwner, clock.instant(), lease());
    }

    /** Ends every run whose lease ran out (its server stopped): see {@link SyncRepository#endLapsedRuns}. */
    public int endLapsedRuns() {
        return repository.endLapsedRuns(Optional.empty(), clock.instant());
    }

    public Optional<SyncRun> leaseHolder(String userName) {
        return repository.leaseHolder(userName);
    }

    public Optional<SyncRun> run(long id) {
        return repository.run(id);
    }

    @Override
    public ExchangeSync setup(String userName) {
        return setups.find(userName).orElseThrow(() -> new IllegalStateException(
                "No Contact Sync Setup for " + userName));
    }

    @Override
    public void recordFolder(String userName, String folderId) {
        setup(userName).recordFolder(folderId);
    }

    @Override
    public void folderRenamed(String userName) {
        setup(userName).folderRenamed();
    }

    @Override
    public void forgetDeltaLink(String userName) {
        setup(userName).forgetDeltaLink();
    }

    @Override
    public List<SyncLink> links(String userName) {
        return repository.links(userName).stream().map(ContactLink::toSyncLink).toList();
    }

    /**
     * How much earlier than the last run's start a change still counts as made after it: covers the clocks of
     * servers sharing the database, and a transaction that stamped a contact before that run read Business Central
     * but committed after.
     */
    static final Duration CHANGE_MARGIN = Duration.ofMinutes(1);

    /** See {@link SyncRepository#inStepSince}, with {@link #CHANGE_MARGIN}. */
    @Override
    public Optional<SyncRun> inStepSince(long runId, String userName) {
        return repository.inStepSince(runId, userName, setup(userName).modified().at(), CHANGE_MARGIN);
    }

    @Override
    public void planned(long runId, Plan plan) {
        claimed(runId).planned(plan.actions().size(), plan.massDelete());
    }

    /** A preview or a blocked plan: every action logged and counted as it would be done, nothing written. */
    @Override
    public void logPlanOnly(long runId, Plan plan) {
        SyncRun run = claimed(runId);
        Instant now = clock.instant();
        for (SyncAction action : plan.actions()) {
            repository.add(new SyncLogEntry(runId, PlannedEntry.contactNo(action), PlannedEntry.graphId(action),
                    PlannedEntry.outlookContact(action), action.kind().name(), action.kind().direction(), PlannedEntry.fields(action), action.reason(),
                    PlannedEntry.detail(action), now));
        }
        for (ActionKind kind : ActionKind.values()) {
            run.count(kind, plan.summary().count(kind));
        }
    }

    /** Renews the run's lease from now; false when the run no longer holds it (another server took it over). */
    public boolean renewLease(long runId) {
        return repository.renewLease(runId, clock.instant().plus(lease()));
    }

    /** One chunk's database side, after its Outlook writes: see {@link ActionRecorder}; the lease is renewed. */
    @Override
    public void recordChunk(long runId, List<Executed> chunk, int graphRequests) {
        SyncRun run = claimed(runId);
        Instant now = clock.instant();
        ActionRecorder recorder = new ActionRecorder(repository, businessCentral, run, now);
        chunk.forEach(executed -> recorder.record(executed.action(), executed.outcome()));
        run.progressed(chunk.size(), graphRequests);
        run.renewLease(now, lease());
    }

    /**
     * Ends the run. A run that carried out its whole plan (not a preview) records the last sync and the next
     * deltaLink on the setup. Any other end stores the next deltaLink only when given, which the engine does only when
     * the run's delta round brought no Outlook change to act on; else the setup's deltaLink stays as it was, so the
     * next run reads those Outlook changes again. A failed run (not a preview) counts towards the employee's
     * mailbox alert and may pause their background synchronization ({@link ExchangeSyncService#alertRule}); a
     * succeeded one starts the count over; a postponed or guarded run leaves it. Fires {@link SyncRunEnded}.
     */
    @Override
    public void finish(long runId, SyncRunStatus status, Optional<String> message,
            Optional<ConnectionCheckOutcome> graphFailure, int graphRequests, Optional<String> nextDeltaLink) {
        SyncRun run = claimed(runId);
        Instant now = clock.instant();
        run.end(status, now, message, graphRequests);
        if (!run.isPreview()) {
            ExchangeSync setup = setup(run.getUserName());
            if (status == SyncRunStatus.SUCCEEDED) {
                setup.recordSync(now, lastSyncResult(run).stored(), nextDeltaLink);
                setup.syncSucceeded();
            } else {
                nextDeltaLink.ifPresent(setup::continueFrom);
            }
            if (status == SyncRunStatus.FAILED) {
                setup.syncFailed(runId, now, message.orElse(""), graphFailure.map(Enum::name),
                        setups.alertRule());
            }
        }
        runsEnded.fire(new SyncRunEnded(run.getTrigger(), status, run.isPreview(),
                Duration.between(run.getStartedAt(), now), run.isPlanOnly() ? Map.of() : counts(run)));
    }

    private static Map<ActionKind, Integer> counts(SyncRun run) {
        var counts = new EnumMap<ActionKind, Integer>(ActionKind.class);
        for (ActionKind kind : ActionKind.values()) {
            counts.put(kind, run.count(kind));
        }
        return counts;
    }

    /** Last Sync Result, kept as a message so that each reader sees it in their language. */
    static LocalizedMessage lastSyncResult(SyncRun run) {
        return SyncMessages.of("sync.lastResult", run.count(ActionKind.CREATE_IN_OUTLOOK),
                run.count(ActionKind.UPDATE_IN_OUTLOOK), run.count(ActionKind.DELETE_IN_OUTLOOK),
                run.count(ActionKind.RECREATE_IN_OUTLOOK), run.count(ActionKind.CREATE_IN_BC),
                run.count(ActionKind.UPDATE_IN_BC), run.count(ActionKind.LINK) + run.count(ActionKind.RELINK),
                run.count(ActionKind.UNLINK), run.count(ActionKind.SKIP), run.count(ActionKind.CONFLICT));
    }

    private SyncRun claimed(long runId) {
        return repository.run(runId).orElseThrow(() -> new IllegalStateException("Sync run " + runId + " vanished"));
    }

    /** Deletes runs (and their log) that started before the cut-off and have ended. */
    public int purgeRunsBefore(Instant before) {
        return repository.purgeRunsBefore(before);
    }
}

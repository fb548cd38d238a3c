package org.contactsync.sync;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.time.Clock;
import java.util.Optional;
import org.contactsync.employee.Caller;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.exchange.GraphConnectionService;
import org.contactsync.graph.GraphConnectionSettings;
import org.contactsync.graph.OutlookContactsGateway;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.ServerName;

/**
 * Starts sync runs: checks who may sync whom and that the sync can reach Outlook, claims the employee's lease and
 * hands the run to the managed executor. The caller gets the run's id at once and follows its progress on the run.
 */
@ApplicationScoped
public class SyncRunner {

    /** This server's name in the lease: several servers may share the database. */
    private static final String LEASE_OWNER = ServerName.thisServer();

    @Inject
    SyncStore store;

    @Inject
    ExchangeSyncService setups;

    @Inject
    GraphConnectionService connections;

    @Inject
    OutlookContactsGateway gateway;

    @Inject
    BusinessCentralContactsPort businessCentral;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    /**
     * Starts a run and returns its id. Refused when the caller may not sync that employee, when the employee has no
     * Microsoft 365 e-mail or no connection is set up, and ({@link SyncAlreadyRunningException}) while another run
     * for the employee holds the lease. Creates the employee's Contact Sync Setup with the defaults if needed.
     */
    public long start(Caller caller, SyncRequest request) {
        RunExecution execution = prepare(caller, request);
        executor.execute(execution);
        return execution.runId();
    }

    /**
     * Runs on the calling thread and returns the run as it ended; refused as {@link #start} is. For the job queue,
     * which syncs employees a few at a time on threads of its own and waits for each.
     */
    public SyncRun runNow(Caller caller, SyncRequest request) {
        RunExecution execution = prepare(caller, request);
        execution.run();
        return store.run(execution.runId()).orElseThrow(() -> new IllegalStateException(
                "Sync run " + execution.runId() + " vanished while it ran"));
    }

    private RunExecution prepare(Caller caller, SyncRequest request) {
        setups.open(caller, request.userName());
        mailbox(caller, request);
        GraphConnectionSettings settings = connections.settings().orElseThrow(() ->
                new ApplicationException(Kind.INVALID, SyncMessages.of("sync.refused.noConnection")));
        SyncRun run = claim(request);
        long runId = run.getId();
        // Read again under the lease: an e-mail change that committed before the claim has reset the sync state
        // for its new mailbox, and one after it is refused while this run holds the lease (MailboxChangeReset).
        String mailbox;
        try {
            mailbox = mailbox(caller, request);
        } catch (ApplicationException removedMeanwhile) {
            store.finish(runId, SyncRunStatus.FAILED, Optional.of(removedMeanwhile.getMessage()),
                    Optional.empty(), 0, Optional.empty());
            throw removedMeanwhile;
        }
        LeaseKeeper lease = new LeaseKeeper(clock, store.lease(), () -> store.renewLease(runId));
        return new RunExecution(store, businessCentral,
                () -> new GraphOutlookMailbox(gateway.open(settings, mailbox, lease)), runId, request, lease);
    }

    private String mailbox(Caller caller, SyncRequest request) {
        return setups.authenticationEmail(caller, request.userName()).orElseThrow(() ->
                new ApplicationException(Kind.INVALID, SyncMessages.of("sync.refused.noMailbox",
                        request.userName())));
    }

    private SyncRun claim(SyncRequest request) {
        try {
            return store.claim(request, LEASE_OWNER);
        } catch (PersistenceException | TransactionalException e) {
            // The unique lease column refused a second live run for this employee.
            long running = store.leaseHolder(request.userName()).map(SyncRun::getId).orElseThrow(() -> e);
            throw new SyncAlreadyRunningException(request.userName(), running);
        }
    }
}

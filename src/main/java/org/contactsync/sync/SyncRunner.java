package org.contactsync.sync;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.contactsync.employee.Caller;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.exchange.GraphConnectionService;
import org.contactsync.graph.GraphConnectionSettings;
import org.contactsync.graph.OutlookContactsGateway;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;

/**
 * Starts sync runs: checks who may sync whom and that the sync can reach Outlook, claims the employee's lease and
 * hands the run to the managed executor. The caller gets the run's id at once and follows its progress on the run.
 */
@ApplicationScoped
public class SyncRunner {

    /** This server's name in the lease: several servers may share the database. */
    private static final String LEASE_OWNER = hostName() + "/" + ProcessHandle.current().pid() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    SyncStore store;

    @Inject
    ExchangeSyncService setups;

    @Inject
    GraphConnectionService connections;

    @Inject
    OutlookContactsGateway gateway;

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
        setups.open(caller, request.userName());
        String mailbox = setups.authenticationEmail(caller, request.userName()).orElseThrow(() ->
                new ApplicationException(Kind.INVALID, SyncMessages.of("sync.refused.noMailbox",
                        request.userName())));
        GraphConnectionSettings settings = connections.settings().orElseThrow(() ->
                new ApplicationException(Kind.INVALID, SyncMessages.of("sync.refused.noConnection")));
        SyncRun run = claim(request);
        long runId = run.getId();
        LeaseKeeper lease = new LeaseKeeper(clock, store.lease(), () -> store.renewLease(runId));
        executor.execute(new RunExecution(store, gateway, runId, request, settings, mailbox, lease));
        return run.getId();
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

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}

package org.contactsync.jobqueue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.contactsync.jobqueue.JobQueueJob.JobContext;
import org.contactsync.jobqueue.JobQueueRepository.Candidate;
import org.contactsync.jobqueue.JobQueueRepository.Claimed;
import org.contactsync.platform.ServerName;

/**
 * What each heartbeat does on this server: renew the leases of the runs it has, claim the entries that are due (or
 * whose server stopped mid-run) and hand each to the managed executor. A beat never waits for a run, and this
 * server never runs one entry twice at a time; other servers are kept out by the claim in the database.
 */
@ApplicationScoped
public class JobQueueDispatcher {

    private static final Logger LOG = Logger.getLogger(JobQueueDispatcher.class.getName());
    private static final String SERVER = ServerName.thisServer();
    /** A finish that collides with an administrator's change of the entry is tried again this often. */
    private static final int FINISH_TRIES = 3;

    @Inject
    JobQueueStore store;

    @Inject
    JobRunner runner;

    @Resource
    ManagedExecutorService executor;

    /** Entries this server is running now. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    public void beat() {
        renewLeases();
        for (Candidate candidate : store.claimable()) {
            if (!running.contains(candidate.id())) {
                store.claim(candidate, SERVER).ifPresent(this::submit);
            }
        }
    }

    private void renewLeases() {
        List<Long> ours = List.copyOf(running);
        int renewed = store.renewLeases(ours, SERVER);
        if (renewed < ours.size()) {
            LOG.warning(() -> "Job queue: " + (ours.size() - renewed) + " of the runs on this server lost their "
                    + "lease (a pause longer than the lease?); another server may run those entries meanwhile.");
        }
    }

    private void submit(Claimed claimed) {
        running.add(claimed.entryId());
        try {
            executor.execute(() -> runClaimed(claimed));
        } catch (RejectedExecutionException e) {
            running.remove(claimed.entryId());
            LOG.log(Level.WARNING, "Job queue entry " + claimed.entryId() + " could not be started; its lease "
                    + "expires and a heartbeat recovers it", e);
        }
    }

    private void runClaimed(Claimed claimed) {
        try {
            JobResult result = runner.run(claimed.objectType(), claimed.objectId(),
                    new JobContext(claimed.entryId(), claimed.parameterString(), claimed.userId()));
            finish(claimed, result);
        } finally {
            running.remove(claimed.entryId());
        }
    }

    private void finish(Claimed claimed, JobResult result) {
        for (int tries = 1; ; tries++) {
            try {
                store.finish(claimed, SERVER, result);
                return;
            } catch (PersistenceException | TransactionalException e) {
                if (tries == FINISH_TRIES) {
                    LOG.log(Level.SEVERE, "Job queue entry " + claimed.entryId() + ": the end of its run could not "
                            + "be recorded; its lease expires and the run is recovered", e);
                    return;
                }
            }
        }
    }

    /** This server's name in leases and the log. */
    public static String server() {
        return SERVER;
    }
}

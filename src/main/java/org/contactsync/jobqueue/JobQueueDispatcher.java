package org.contactsync.jobqueue;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.contactsync.jobqueue.JobQueueJob.JobContext;
import org.contactsync.jobqueue.JobQueueRepository.Candidate;
import org.contactsync.jobqueue.JobQueueRepository.Claimed;
import org.contactsync.jobqueue.JobQueueRepository.ClaimedPart;
import org.contactsync.jobqueue.JobQueueRepository.PartCandidate;
import org.contactsync.jobqueue.JobResult.Item;
import org.contactsync.platform.ServerName;

/**
 * What each heartbeat does on this server: renew the leases of the runs and parts it has, claim the entries that are
 * due (or whose server stopped mid-run), split each into its parts, and claim parts of any open run, up to each job's
 * parts per server, on the managed executor. A beat never waits for a run. A part that ends here claims the next
 * ones at once, so that this server stays busy between beats. A server that is stopping claims nothing more.
 */
@ApplicationScoped
public class JobQueueDispatcher {

    private static final Logger LOG = Logger.getLogger(JobQueueDispatcher.class.getName());
    private static final String SERVER = ServerName.thisServer();
    /** An end of a run or part that collides with another transaction is tried again this often. */
    private static final int FINISH_TRIES = 3;

    @Inject
    JobQueueStore store;

    @Inject
    JobRunner runner;

    @Resource
    ManagedExecutorService executor;

    /** Entries this server is starting now (claimed, their subjects being listed). */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    /** The parts this server runs now, with the job each counts to. */
    private final Map<Long, JobKey> runningParts = new ConcurrentHashMap<>();

    /** Set when the application stops: running parts end, but nothing new is claimed. */
    private volatile boolean stopping;

    private record JobKey(ObjectType type, int id) {
    }

    public void beat() {
        renewLeases();
        if (stopping) {
            return;
        }
        for (Candidate candidate : store.claimable()) {
            if (!running.contains(candidate.id())) {
                store.claim(candidate, SERVER).ifPresent(this::submit);
            }
        }
        claimParts();
    }

    /**
     * Claims waiting parts of every open run while this server runs fewer than their job's parts per server.
     * Synchronized: the heartbeat, Run Once and parts that end call it, and together they must not pass the limit.
     */
    synchronized void claimParts() {
        if (stopping) {
            return;
        }
        for (PartCandidate candidate : store.claimableParts()) {
            JobKey job = new JobKey(candidate.objectType(), candidate.objectId());
            long mine = runningParts.values().stream().filter(job::equals).count();
            if (!runningParts.containsKey(candidate.partId())
                    && mine < runner.partsPerServer(job.type(), job.id())) {
                store.claimPart(candidate, SERVER).ifPresent(this::submitPart);
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    private void renewLeases() {
        List<Long> ours = List.copyOf(running);
        int renewed = store.renewLeases(ours, SERVER);
        List<Long> parts = List.copyOf(runningParts.keySet());
        int partsRenewed = store.renewPartLeases(parts, SERVER);
        if (renewed < ours.size() || partsRenewed < parts.size()) {
            LOG.warning(() -> "Job queue: " + (ours.size() - renewed + parts.size() - partsRenewed) + " of the runs "
                    + "and parts on this server lost their lease (a pause longer than the lease?); another server may "
                    + "run them meanwhile.");
        }
    }

    private void submit(Claimed claimed) {
        running.add(claimed.entryId());
        try {
            executor.execute(() -> start(claimed));
        } catch (RejectedExecutionException e) {
            running.remove(claimed.entryId());
            LOG.log(Level.WARNING, "Job queue entry " + claimed.entryId() + " could not be started; its lease "
                    + "expires and a heartbeat recovers it", e);
        }
    }

    /** Lists the run's subjects and leaves them as parts for every server; a run that cannot start ends here. */
    private void start(Claimed claimed) {
        try {
            var start = runner.start(claimed.objectType(), claimed.objectId(),
                    new JobContext(claimed.entryId(), claimed.parameterString(), claimed.userId()));
            start.failed().ifPresentOrElse(
                    failed -> recorded("Job queue entry " + claimed.entryId() + ": the end of its run",
                            () -> store.finish(claimed, SERVER, failed)),
                    () -> recorded("Job queue entry " + claimed.entryId() + ": its parts",
                            () -> store.startParts(claimed, start.subjects())));
        } finally {
            running.remove(claimed.entryId());
        }
        claimParts();
    }

    private void submitPart(ClaimedPart part) {
        runningParts.put(part.partId(), new JobKey(part.objectType(), part.objectId()));
        try {
            executor.execute(() -> runPart(part));
        } catch (RejectedExecutionException e) {
            runningParts.remove(part.partId());
            LOG.log(Level.WARNING, "Job queue: the part of " + part.subject() + " could not be started; its lease "
                    + "expires and a server takes it over", e);
        }
    }

    private void runPart(ClaimedPart part) {
        try {
            Item item = runner.runPart(part.objectType(), part.objectId(),
                    new JobContext(part.entryId(), part.parameterString(), part.runFor()), part.subject());
            recorded("Job queue: the part of " + part.subject() + " in log entry " + part.logEntryId(),
                    () -> store.endPart(part, SERVER, item));
        } finally {
            runningParts.remove(part.partId());
        }
        claimParts();
    }

    /** Records the end of a run or part, trying again when it collides; if it cannot, its lease expires. */
    private static void recorded(String what, Runnable record) {
        for (int tries = 1; ; tries++) {
            try {
                record.run();
                return;
            } catch (PersistenceException | TransactionalException e) {
                if (tries == FINISH_TRIES) {
                    LOG.log(Level.SEVERE, what + " could not be recorded; its lease expires and another server "
                            + "takes it over", e);
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

package org.contactsync.jobqueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.contactsync.jobqueue.JobQueueJob.JobContext;
import org.contactsync.jobqueue.JobResult.Item;
import org.contactsync.platform.ApplicationException;

/**
 * Calls a registered job on the current thread; whatever goes wrong becomes a failed result: of the run when its
 * subjects cannot be listed, of one subject's item when its part fails.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    /** The outcome of a part whose job threw instead of returning its item. */
    static final String FAILED = "FAILED";

    @Inject
    JobRegistry registry;

    /** How a run starts: the subjects to split it into, or (failed) why it cannot run at all. */
    public record Start(List<String> subjects, Optional<JobResult> failed) {

        public Start {
            subjects = List.copyOf(subjects);
        }
    }

    public Start start(ObjectType type, int objectId, JobContext context) {
        try {
            return new Start(job(type, objectId).subjects(context), Optional.empty());
        } catch (ApplicationException refused) {
            return new Start(List.of(), Optional.of(JobResult.failed(refused.getMessage())));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Job queue entry " + context.entryId() + " failed", e);
            return new Start(List.of(), Optional.of(JobResult.failed(String.valueOf(e))));
        }
    }

    public Item runPart(ObjectType type, int objectId, JobContext context, String subject) {
        try {
            return job(type, objectId).run(context, subject);
        } catch (ApplicationException refused) {
            return failedItem(subject, refused.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Job queue entry " + context.entryId() + ": the part of " + subject + " failed", e);
            return failedItem(subject, String.valueOf(e));
        }
    }

    public Optional<Duration> retryOnceAfter(ObjectType type, int objectId, Item item) {
        return registry.find(type, objectId).flatMap(job -> job.retryOnceAfter(item));
    }

    public JobResult summary(ObjectType type, int objectId, List<Item> items) {
        return registry.find(type, objectId).map(job -> job.summary(items))
                .orElseGet(() -> JobResult.failed(unknown(type, objectId).getMessage()));
    }

    /** At least one, so that a run always moves on. */
    public int partsPerServer(ObjectType type, int objectId) {
        return registry.find(type, objectId).map(job -> Math.max(1, job.partsPerServer())).orElse(1);
    }

    private JobQueueJob job(ObjectType type, int objectId) {
        return registry.find(type, objectId).orElseThrow(() -> unknown(type, objectId));
    }

    private static ApplicationException unknown(ObjectType type, int objectId) {
        return new ApplicationException(ApplicationException.Kind.INVALID,
                JobQueueMessages.of("log.unknownObject", type, objectId));
    }

    private static Item failedItem(String subject, String message) {
        return new Item(subject, FAILED, Optional.empty(), 0, 0, 0, message);
    }
}

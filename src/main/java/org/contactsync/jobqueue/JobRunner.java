package org.contactsync.jobqueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.contactsync.jobqueue.JobQueueJob.JobContext;
import org.contactsync.platform.ApplicationException;

/** Runs a registered job on the current thread; whatever goes wrong becomes a failed {@link JobResult}. */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    @Inject
    JobRegistry registry;

    public JobResult run(ObjectType type, int objectId, JobContext context) {
        try {
            return registry.find(type, objectId).map(job -> job.run(context)).orElseGet(() -> JobResult.failed(
                    JobQueueMessages.of("log.unknownObject", type, objectId).in(Locale.ENGLISH)));
        } catch (ApplicationException refused) {
            return JobResult.failed(refused.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Job queue entry " + context.entryId() + " failed", e);
            return JobResult.failed(String.valueOf(e));
        }
    }
}

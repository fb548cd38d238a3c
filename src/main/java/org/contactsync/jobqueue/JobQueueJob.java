package org.contactsync.jobqueue;

import java.util.Optional;
import org.contactsync.platform.LocalizedMessage;

/**
 * A runnable object of the job queue: what an entry's Object Type to Run and Object ID to Run name. Implementations
 * are CDI beans; {@link JobRegistry} finds them. A job runs on a job queue thread, outside any transaction, and
 * returns how it went; an exception it throws fails the run with the exception's message.
 */
public interface JobQueueJob {

    ObjectType objectType();

    int objectId();

    /** Object Caption to Run. */
    LocalizedMessage caption();

    /** Why the entry's Parameter String cannot work with this job, if it cannot. */
    default Optional<LocalizedMessage> parameterProblem(String parameterString) {
        return Optional.empty();
    }

    /** What the job makes of its Parameter String, shown beside the field on the Job Queue Entry Card. */
    default Optional<LocalizedMessage> parameterHelp() {
        return Optional.empty();
    }

    JobResult run(JobContext context);

    /**
     * What a run gets to know.
     *
     * @param entryId         the job queue entry
     * @param parameterString the entry's Parameter String
     * @param userId          the user the entry runs for (who set it Ready, or who ran it once)
     */
    record JobContext(long entryId, String parameterString, String userId) {
    }
}

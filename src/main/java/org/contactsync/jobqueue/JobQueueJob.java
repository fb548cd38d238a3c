package org.contactsync.jobqueue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.contactsync.jobqueue.JobResult.Item;
import org.contactsync.platform.LocalizedMessage;

/**
 * A runnable object of the job queue: what an entry's Object Type to Run and Object ID to Run name. Implementations
 * are CDI beans; {@link JobRegistry} finds them.
 *
 * <p>A run is split into its subjects (for codeunit 6700 the employees with background sync), one part each, that
 * every server of the database claims and runs (package-info: "A run's parts"); when the last part has ended, the
 * job sums the parts' items up into the run's result. Each method runs on a job queue thread, outside any
 * transaction. An exception from {@link #subjects} fails the run with its message; one from {@link #run} fails that
 * subject's part only.
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

    /** The run's subjects, each at most 50 characters and each once; none ends the run at once. */
    List<String> subjects(JobContext context);

    /** Runs one subject's part; what it did for the subject. */
    Item run(JobContext context, String subject);

    /** After how long a part that ended like this is tried once more; empty: it stays as it ended. */
    Optional<Duration> retryOnceAfter(Item item);

    /** How the run went, from its parts' items (in no particular order). */
    JobResult summary(List<Item> items);

    /** The most parts of this job's runs one server runs at a time. */
    int partsPerServer();

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

package org.contactsync.jobqueue;

import java.util.List;
import java.util.Optional;

/**
 * How a job's run ended: succeeded or not, a one-paragraph summary for the log (the entry's Error Message when it
 * failed), and what it did per subject.
 */
public record JobResult(boolean succeeded, String summary, List<Item> items) {

    public JobResult {
        items = List.copyOf(items);
    }

    /** The log entry's status for this result. */
    public JobRunStatus status() {
        return succeeded ? JobRunStatus.SUCCESS : JobRunStatus.ERROR;
    }

    public static JobResult failed(String summary) {
        return new JobResult(false, summary, List.of());
    }

    /**
     * One subject's part of a run.
     *
     * @param subject           who or what (an employee's user name)
     * @param outcome           how it ended, in the job's words (for 6700 a sync run status, REFUSED or
     *                          ALREADY_RUNNING)
     * @param syncRunId         the sync run it started, if any
     * @param toOutlook         contacts created, updated, recreated or deleted in Outlook
     * @param toBusinessCentral contacts created or updated in Business Central
     * @param failed            writes that failed
     * @param message           the run's summary or what went wrong
     */
    public record Item(String subject, String outcome, Optional<Long> syncRunId, int toOutlook,
            int toBusinessCentral, int failed, String message) {
    }
}

package org.contactsync.sync.jobs;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.contactsync.jobqueue.JobResult;
import org.contactsync.jobqueue.JobResult.Item;
import org.contactsync.platform.LocalizedMessage;
import org.contactsync.sync.SyncMessages;

/**
 * The outcome of a contact sync job from its employees' items: it failed when an employee's sync failed or could not
 * start; the summary counts every outcome and names the employees that need a look, with why.
 */
final class ContactSyncSummary {

    private ContactSyncSummary() {
    }

    /** The longest list of names and reasons the summary keeps: the log's message column holds 2,000 characters. */
    static final int LIST_LENGTH = 500;

    static JobResult of(List<Item> items) {
        if (items.isEmpty()) {
            return new JobResult(true, SyncMessages.of("job.codeunit.6700.nobody").stored(), List.of());
        }
        List<Item> failed = items.stream().filter(ContactSyncSummary::failed).toList();
        List<Item> postponed = items.stream().filter(ContactSyncJob::postponed).toList();
        List<Item> blocked = items.stream().filter(outcome("BLOCKED_BY_GUARD")).toList();
        long succeeded = items.stream().filter(outcome("SUCCEEDED")).count();
        // Kept as a message, so that the job queue log reads in each reader's language.
        var summary = SyncMessages.of("job.codeunit.6700.summary", (long) items.size(), succeeded,
                (long) failed.size(), shortened(withReasons(failed)), (long) postponed.size(),
                shortened(names(postponed)), (long) blocked.size(), shortened(names(blocked)));
        return new JobResult(failed.isEmpty(), summary.stored(), items);
    }

    private static String shortened(String list) {
        return list.length() > LIST_LENGTH ? list.substring(0, LIST_LENGTH - 1) + "…" : list;
    }

    private static boolean failed(Item item) {
        return item.outcome().equals("FAILED") || item.outcome().equals(ContactSyncJob.REFUSED);
    }

    private static Predicate<Item> outcome(String outcome) {
        return item -> item.outcome().equals(outcome);
    }

    private static String names(List<Item> items) {
        return items.stream().map(Item::subject).collect(Collectors.joining(", "));
    }

    private static String withReasons(List<Item> items) {
        // The reason as the sync run gave it; what the item adds (that the employee's sync is now paused) stays on the
        // item's own line.
        return items.stream().map(item -> item.subject() + ": " + LocalizedMessage.plainParts(item.message()))
                .collect(Collectors.joining("; "));
    }
}

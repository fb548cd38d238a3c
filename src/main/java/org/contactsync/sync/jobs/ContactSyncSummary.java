package org.contactsync.sync.jobs;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.contactsync.jobqueue.JobResult;
import org.contactsync.jobqueue.JobResult.Item;

/**
 * The outcome of a contact sync job from its employees' items: it failed when an employee's sync failed or could not
 * start; the summary counts every outcome and names the employees that need a look, with why.
 */
final class ContactSyncSummary {

    private ContactSyncSummary() {
    }

    static JobResult of(List<Item> items) {
        if (items.isEmpty()) {
            return new JobResult(true, "No employee has background synchronization enabled.", List.of());
        }
        List<Item> failed = items.stream().filter(ContactSyncSummary::failed).toList();
        List<Item> postponed = items.stream().filter(ContactSyncJob::postponed).toList();
        List<Item> blocked = items.stream().filter(outcome("BLOCKED_BY_GUARD")).toList();
        long succeeded = items.stream().filter(outcome("SUCCEEDED")).count();
        StringBuilder summary = new StringBuilder()
                .append(items.size()).append(items.size() == 1 ? " employee" : " employees")
                .append(": ").append(succeeded).append(" synced");
        if (!failed.isEmpty()) {
            summary.append(", ").append(failed.size()).append(" failed (").append(withReasons(failed)).append(")");
        }
        if (!postponed.isEmpty()) {
            summary.append(", ").append(postponed.size()).append(" postponed, the next run continues (")
                    .append(names(postponed)).append(")");
        }
        if (!blocked.isEmpty()) {
            summary.append(", ").append(blocked.size())
                    .append(" stopped by the mass-delete guard until confirmed on Contact Sync Setup (")
                    .append(names(blocked)).append(")");
        }
        return new JobResult(failed.isEmpty(), summary.append('.').toString(), items);
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
        return items.stream().map(item -> item.subject() + ": " + item.message()).collect(Collectors.joining("; "));
    }
}

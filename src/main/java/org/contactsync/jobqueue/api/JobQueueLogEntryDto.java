package org.contactsync.jobqueue.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.contactsync.jobqueue.JobQueueLogEntry;
import org.contactsync.jobqueue.JobQueueLogItem;
import org.contactsync.platform.LocalizedMessage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One run of an entry and what it did per employee. */
@Schema(name = "JobQueueLogEntry", description = "One run of a job queue entry")
public record JobQueueLogEntryDto(
        long id,
        long entryId,
        @Schema(enumeration = {"IN_PROCESS", "SUCCESS", "ERROR"}) String status,
        @Schema(description = "The slot the run was for (the entry's next run when a server claimed it); absent "
                + "for Run Once (foreground)") Instant scheduledAt,
        Instant startedAt,
        Instant endedAt,
        String server,
        String userId,
        int attempt,
        String message,
        List<Item> items) {

    /** The run's log entry with its messages in {@code locale} (the request's Accept-Language). */
    static JobQueueLogEntryDto of(JobQueueLogEntry log, List<JobQueueLogItem> items, Locale locale) {
        return new JobQueueLogEntryDto(log.getId(), log.getEntryId(), log.getStatus().name(),
                log.scheduledAt().orElse(null), log.getStartedAt(),
                log.endedAt().orElse(null), log.getServer(), log.getUserId(), log.getAttempt(),
                LocalizedMessage.read(log.getMessage(), locale), items.stream().map(item -> Item.of(item, locale))
                        .toList());
    }

    /** One employee's part: the outcome, the sync run (see {@code /api/v1/sync-runs/{id}}) and its counts. */
    @Schema(name = "JobQueueLogItem")
    public record Item(String subject, String outcome, Long syncRunId, int toOutlook, int toBusinessCentral,
            int failed, String message) {

        static Item of(JobQueueLogItem item, Locale locale) {
            return new Item(item.getSubject(), item.getOutcome(), item.getSyncRunId(), item.getToOutlook(),
                    item.getToBusinessCentral(), item.getFailed(), LocalizedMessage.read(item.getMessage(), locale));
        }
    }
}

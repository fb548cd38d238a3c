package org.contactsync.jobqueue.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.contactsync.jobqueue.JobQueueEntry;
import org.contactsync.jobqueue.JobQueueEntrySettings;
import org.contactsync.jobqueue.JobRegistry;
import org.contactsync.platform.LocalizedMessage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job queue entry as the API shows it: its settings, status, attempts, error and next run. */
@Schema(name = "JobQueueEntry", description = "A job queue entry")
public record JobQueueEntryDto(
        long id,
        String description,
        String objectType,
        int objectId,
        String objectCaption,
        String parameterString,
        @Schema(enumeration = {"READY", "IN_PROCESS", "ERROR", "ON_HOLD", "FINISHED"}) String status,
        String userId,
        LocalDateTime earliestStart,
        boolean recurring,
        List<DayOfWeek> runOnDays,
        LocalTime startingTime,
        LocalTime endingTime,
        int minutesBetweenRuns,
        int maxAttempts,
        int rerunDelaySeconds,
        int attempts,
        Instant lastReadyState,
        String errorMessage,
        @Schema(description = "When it runs next (Ready entries only)") Instant nextRunAt,
        @Schema(description = "The zone of earliestStart, startingTime and endingTime") String timeZone,
        long version) {

    static JobQueueEntryDto of(JobQueueEntry entry, ZoneId zone, JobRegistry registry, Locale locale) {
        JobQueueEntrySettings settings = entry.settings(zone);
        String caption = registry.find(entry.getObjectType(), entry.getObjectId())
                .map(job -> job.caption().in(locale)).orElse("");
        return new JobQueueEntryDto(entry.getId(), entry.getDescription(), entry.getObjectType().name(),
                entry.getObjectId(), caption, entry.getParameterString(), entry.getStatus().name(),
                entry.getUserId(), settings.getEarliestStart(), entry.isRecurring(), List.copyOf(settings.days()
                        .stream().sorted().toList()), settings.getStartingTime(), settings.getEndingTime(),
                entry.getMinutesBetweenRuns(), entry.getMaxAttempts(), entry.getRerunDelaySeconds(),
                entry.getAttempts(), entry.lastReadyAt().orElse(null),
                entry.errorMessage().map(message -> LocalizedMessage.read(message, locale)).orElse(""),
                entry.nextRunAt().orElse(null), zone.getId(), entry.getVersion());
    }
}

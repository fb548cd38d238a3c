package org.contactsync.jobqueue.api;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.contactsync.jobqueue.JobQueueEntrySettings;
import org.contactsync.jobqueue.ObjectType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PUT /api/v1/job-queue-entries}: Business Central's card fields. Times are
 * local to the job queue's time zone; absent numbers take Business Central's defaults.
 */
@Schema(name = "JobQueueEntryRequest", description = "A job queue entry's settings")
public record JobQueueEntryRequestDto(
        String description,
        @Schema(enumeration = {"CODEUNIT"}, defaultValue = "CODEUNIT") ObjectType objectType,
        @Schema(description = "Object ID to Run, e.g. 6700 (contact sync)") int objectId,
        String parameterString,
        @Schema(description = "Earliest Start Date/Time, local, e.g. 2026-03-02T08:00") LocalDateTime earliestStart,
        @Schema(description = "true or false; absent is false") Boolean recurring,
        @Schema(description = "Run on Mondays … Sundays") List<DayOfWeek> runOnDays,
        @Schema(description = "e.g. 08:00") LocalTime startingTime,
        @Schema(description = "e.g. 17:00") LocalTime endingTime,
        int minutesBetweenRuns,
        @Schema(defaultValue = "3") Integer maxAttempts,
        @Schema(defaultValue = "60") Integer rerunDelaySeconds,
        @Schema(description = "PUT: the version read; a changed entry is refused with 409") Long version) {

    JobQueueEntrySettings settings() {
        JobQueueEntrySettings settings = new JobQueueEntrySettings();
        settings.setDescription(description);
        settings.setObjectType(objectType == null ? ObjectType.CODEUNIT : objectType);
        settings.setObjectId(objectId);
        settings.setParameterString(parameterString);
        settings.setEarliestStart(earliestStart);
        settings.setRecurring(Boolean.TRUE.equals(recurring));
        settings.setDays(runOnDays == null || runOnDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class)
                : EnumSet.copyOf(runOnDays));
        settings.setStartingTime(startingTime);
        settings.setEndingTime(endingTime);
        settings.setMinutesBetweenRuns(minutesBetweenRuns);
        Optional.ofNullable(maxAttempts).ifPresent(settings::setMaxAttempts);
        Optional.ofNullable(rerunDelaySeconds).ifPresent(settings::setRerunDelaySeconds);
        return settings;
    }
}

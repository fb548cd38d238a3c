package org.contactsync.jobqueue;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.contactsync.platform.AuditStamp;

/**
 * One Job Queue Entry (Business Central's table 472): what to run (a job of the registry), when (its
 * {@link Recurrence}), how failures are retried (Maximum No. of Attempts to Run, Rerun Delay), where it stands
 * ({@link JobQueueStatus}) and when it runs next. Claiming it for a run is a conditional update in
 * {@link JobQueueRepository#claim}; the status changes after a run are here.
 */
@Entity
@Table(name = "job_queue_entry")
public class JobQueueEntry {

    public static final int DESCRIPTION_LENGTH = 250;
    public static final int PARAMETER_LENGTH = 250;
    private static final int MESSAGE_LENGTH = 2000;

    @Id
    @SequenceGenerator(name = "job_queue_entry_seq", sequenceName = "job_queue_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_queue_entry_seq")
    private Long id;

    @Column(name = "description", nullable = false, length = DESCRIPTION_LENGTH)
    private String description = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "object_type", nullable = false, length = 20)
    private ObjectType objectType;

    @Column(name = "object_id", nullable = false)
    private int objectId;

    @Column(name = "parameter_string", nullable = false, length = PARAMETER_LENGTH)
    private String parameterString = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private JobQueueStatus status;

    @Column(name = "user_id", nullable = false, length = 50)
    private String userId;

    @Column(name = "earliest_start_at")
    private OffsetDateTime earliestStartAt;

    @Column(name = "recurring", nullable = false)
    private boolean recurring;
    @Column(name = "run_on_mondays", nullable = false)
    private boolean runOnMondays;
    @Column(name = "run_on_tuesdays", nullable = false)
    private boolean runOnTuesdays;
    @Column(name = "run_on_wednesdays", nullable = false)
    private boolean runOnWednesdays;
    @Column(name = "run_on_thursdays", nullable = false)
    private boolean runOnThursdays;
    @Column(name = "run_on_fridays", nullable = false)
    private boolean runOnFridays;
    @Column(name = "run_on_saturdays", nullable = false)
    private boolean runOnSaturdays;
    @Column(name = "run_on_sundays", nullable = false)
    private boolean runOnSundays;

    @Column(name = "starting_time")
    private LocalTime startingTime;

    @Column(name = "ending_time")
    private LocalTime endingTime;

    @Column(name = "minutes_between_runs", nullable = false)
    private int minutesBetweenRuns;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Column(name = "rerun_delay_seconds", nullable = false)
    private int rerunDelaySeconds;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_ready_at")
    private OffsetDateTime lastReadyAt;

    @Column(name = "error_message", length = MESSAGE_LENGTH)
    private String errorMessage;

    @Column(name = "next_run_at")
    private OffsetDateTime nextRunAt;

    @Column(name = "lease_owner", length = 100)
    private String leaseOwner;

    @Column(name = "lease_expires_at")
    private OffsetDateTime leaseExpiresAt;

    @Column(name = "current_log_entry_id")
    private Long currentLogEntryId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Embedded
    private AuditStamp modified;

    @Version
    private long version;

    protected JobQueueEntry() {
        // for JPA
    }

    /** A new entry, On Hold until someone sets it to Ready (as a new entry in Business Central). */
    public JobQueueEntry(JobQueueEntrySettings settings, ZoneId zone, String by, Instant now) {
        this.status = JobQueueStatus.ON_HOLD;
        this.userId = by;
        this.createdAt = utc(now);
        apply(settings, zone, by, now);
    }

    /** New settings; a Ready entry goes On Hold, to be set Ready again with them (as Business Central asks). */
    public void change(JobQueueEntrySettings settings, ZoneId zone, String by, Instant now) {
        if (status == JobQueueStatus.READY) {
            putOnHold();
        }
        apply(settings, zone, by, now);
    }

    private void apply(JobQueueEntrySettings settings, ZoneId zone, String by, Instant now) {
        description = settings.getDescription();
        objectType = settings.getObjectType();
        objectId = settings.getObjectId();
        parameterString = settings.getParameterString();
        earliestStartAt = Optional.ofNullable(settings.getEarliestStart())
                .map(local -> local.atZone(zone).toOffsetDateTime()).orElse(null);
        recurring = settings.isRecurring();
        runOnMondays = settings.isRunOnMondays();
        runOnTuesdays = settings.isRunOnTuesdays();
        runOnWednesdays = settings.isRunOnWednesdays();
        runOnThursdays = settings.isRunOnThursdays();
        runOnFridays = settings.isRunOnFridays();
        runOnSaturdays = settings.isRunOnSaturdays();
        runOnSundays = settings.isRunOnSundays();
        startingTime = settings.getStartingTime();
        endingTime = settings.getEndingTime();
        minutesBetweenRuns = settings.getMinutesBetweenRuns();
        maxAttempts = settings.getMaxAttempts();
        rerunDelaySeconds = settings.getRerunDelaySeconds();
        touched(by, now);
    }

    /** The fields as the card edits them, times in {@code zone}. */
    public JobQueueEntrySettings settings(ZoneId zone) {
        JobQueueEntrySettings settings = new JobQueueEntrySettings();
        settings.setDescription(description);
        settings.setObjectType(objectType);
        settings.setObjectId(objectId);
        settings.setParameterString(parameterString);
        settings.setEarliestStart(earliestStartAt == null ? null
                : earliestStartAt.atZoneSameInstant(zone).toLocalDateTime());
        settings.setRecurring(recurring);
        settings.setRunOnMondays(runOnMondays);
        settings.setRunOnTuesdays(runOnTuesdays);
        settings.setRunOnWednesdays(runOnWednesdays);
        settings.setRunOnThursdays(runOnThursdays);
        settings.setRunOnFridays(runOnFridays);
        settings.setRunOnSaturdays(runOnSaturdays);
        settings.setRunOnSundays(runOnSundays);
        settings.setStartingTime(startingTime);
        settings.setEndingTime(endingTime);
        settings.setMinutesBetweenRuns(minutesBetweenRuns);
        settings.setMaxAttempts(maxAttempts);
        settings.setRerunDelaySeconds(rerunDelaySeconds);
        return settings;
    }

    public Recurrence recurrence() {
        return settings(ZoneOffset.UTC).recurrence(ZoneOffset.UTC);
    }

    /**
     * Set Status to Ready: attempts and error cleared, the next run computed; the entry now runs for {@code by}.
     * Also while a run is in process (that run ends as it will; the next one follows the new schedule).
     */
    public void setReady(String by, Instant now, RunTimes times) {
        status = JobQueueStatus.READY;
        attempts = 0;
        errorMessage = null;
        userId = by;
        lastReadyAt = utc(now);
        nextRunAt = utc(times.firstRun(recurrence(), now));
        touched(by, now);
    }

    /** Set On Hold: no further runs; a run in process finishes, and its outcome is only logged. */
    public void setOnHold(String by, Instant now) {
        putOnHold();
        touched(by, now);
    }

    private void putOnHold() {
        status = JobQueueStatus.ON_HOLD;
        nextRunAt = null;
    }

    /**
     * The claimed run succeeded: a recurring entry is Ready for its next slot, a one-off is Finished. Unless someone
     * changed the status while it ran (On Hold, Ready): then their choice stands.
     */
    public void runSucceeded(Instant now, RunTimes times) {
        if (status == JobQueueStatus.IN_PROCESS) {
            attempts = 0;
            errorMessage = null;
            if (recurring) {
                status = JobQueueStatus.READY;
                nextRunAt = utc(times.nextRun(recurrence(), scheduledAt(now), now));
            } else {
                status = JobQueueStatus.FINISHED;
                nextRunAt = null;
            }
        }
        releaseLease();
    }

    /**
     * The claimed run failed: Ready again after the Rerun Delay while attempts remain, otherwise Error with the
     * message. Unless someone changed the status while it ran.
     */
    public void runFailed(String message, Instant now, RunTimes times) {
        if (status == JobQueueStatus.IN_PROCESS) {
            errorMessage = fit(message);
            if (attempts < maxAttempts) {
                status = JobQueueStatus.READY;
                nextRunAt = utc(times.rerun(rerunDelaySeconds, now));
            } else {
                status = JobQueueStatus.ERROR;
                nextRunAt = null;
            }
        }
        releaseLease();
    }

    /** The claim's run writes to this log entry (the claim itself is a bulk update in the repository). */
    void startedRun(long logEntryId) {
        currentLogEntryId = logEntryId;
    }

    private Instant scheduledAt(Instant now) {
        return nextRunAt == null ? now : nextRunAt.toInstant();
    }

    private void releaseLease() {
        leaseOwner = null;
        leaseExpiresAt = null;
        currentLogEntryId = null;
    }

    private void touched(String by, Instant now) {
        modified = new AuditStamp(now, by);
    }

    static String fit(String message) {
        return message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) : message;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Optional<Instant> instant(OffsetDateTime at) {
        return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
    }

    public Long getId() {
        return id;
    }

    public String getDescription() {
        return description;
    }

    public ObjectType getObjectType() {
        return objectType;
    }

    public int getObjectId() {
        return objectId;
    }

    public String getParameterString() {
        return parameterString;
    }

    public JobQueueStatus getStatus() {
        return status;
    }

    public String getUserId() {
        return userId;
    }

    public Optional<Instant> earliestStartAt() {
        return instant(earliestStartAt);
    }

    public boolean isRecurring() {
        return recurring;
    }

    public int getMinutesBetweenRuns() {
        return minutesBetweenRuns;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public int getRerunDelaySeconds() {
        return rerunDelaySeconds;
    }

    public int getAttempts() {
        return attempts;
    }

    public Optional<Instant> lastReadyAt() {
        return instant(lastReadyAt);
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    public Optional<Instant> nextRunAt() {
        return instant(nextRunAt);
    }

    public Optional<String> leaseOwner() {
        return Optional.ofNullable(leaseOwner);
    }

    public Optional<Instant> leaseExpiresAt() {
        return instant(leaseExpiresAt);
    }

    public Optional<Long> currentLogEntryId() {
        return Optional.ofNullable(currentLogEntryId);
    }

    public AuditStamp modified() {
        return modified;
    }

    public long getVersion() {
        return version;
    }
}

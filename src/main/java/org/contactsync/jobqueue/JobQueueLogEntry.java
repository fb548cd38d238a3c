package org.contactsync.jobqueue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.contactsync.platform.LocalizedMessage;

/** One run of a job queue entry (Business Central's table 474 "Job Queue Log Entry"). */
@Entity
@Table(name = "job_queue_log_entry")
public class JobQueueLogEntry {

    @Id
    @SequenceGenerator(name = "job_queue_log_entry_seq", sequenceName = "job_queue_log_entry_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_queue_log_entry_seq")
    private Long id;

    @Column(name = "entry_id", nullable = false, updatable = false)
    private long entryId;

    @Column(name = "description", nullable = false, updatable = false, length = JobQueueEntry.DESCRIPTION_LENGTH)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "object_type", nullable = false, updatable = false, length = 20)
    private ObjectType objectType;

    @Column(name = "object_id", nullable = false, updatable = false)
    private int objectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private JobRunStatus status;

    /** The slot the run was for; none for Run Once (foreground). */
    @Column(name = "scheduled_at", updatable = false)
    private OffsetDateTime scheduledAt;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "server", nullable = false, updatable = false, length = 100)
    private String server;

    @Column(name = "user_id", nullable = false, updatable = false, length = 50)
    private String userId;

    @Column(name = "attempt", nullable = false, updatable = false)
    private int attempt;

    @Column(name = "message", length = 2000)
    private String message;

    /** The entry's Parameter String when the run started: what each of its parts runs with. */
    @Column(name = "parameter_string", nullable = false, updatable = false, length = JobQueueEntry.PARAMETER_LENGTH)
    private String parameterString;

    /** Who each part of the run runs for: the entry's user, or who ran it once. */
    @Column(name = "run_for", nullable = false, updatable = false, length = 50)
    private String runFor;

    protected JobQueueLogEntry() {
        // for JPA
    }

    /**
     * A run that starts now, In Process, for the slot {@code scheduledFor} (none: nobody scheduled it); {@code note}
     * says why it runs when that is worth saying (recovery, Run Once); its parts run for {@code runFor}.
     */
    public JobQueueLogEntry(JobQueueEntry entry, String server, String runFor, int attempt,
            Optional<Instant> scheduledFor, Instant now, Optional<String> note) {
        this.entryId = entry.getId();
        this.description = entry.getDescription();
        this.objectType = entry.getObjectType();
        this.objectId = entry.getObjectId();
        this.status = JobRunStatus.IN_PROCESS;
        this.scheduledAt = scheduledFor.map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null);
        this.startedAt = now.atOffset(ZoneOffset.UTC);
        this.server = server;
        this.userId = entry.getUserId();
        this.attempt = attempt;
        this.message = note.map(JobQueueEntry::fit).orElse(null);
        this.parameterString = entry.getParameterString();
        this.runFor = runFor;
    }

    /** The run ended; its message follows any note it started with. */
    public void end(JobRunStatus outcome, String summary, Instant now) {
        if (outcome == JobRunStatus.IN_PROCESS) {
            throw new IllegalArgumentException("A run cannot end In Process");
        }
        status = outcome;
        endedAt = now.atOffset(ZoneOffset.UTC);
        message = JobQueueEntry.fit(message == null ? summary : LocalizedMessage.followedBy(message, summary));
    }

    public Long getId() {
        return id;
    }

    public long getEntryId() {
        return entryId;
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

    public JobRunStatus getStatus() {
        return status;
    }

    public Optional<Instant> scheduledAt() {
        return Optional.ofNullable(scheduledAt).map(OffsetDateTime::toInstant);
    }

    public Instant getStartedAt() {
        return startedAt.toInstant();
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt).map(OffsetDateTime::toInstant);
    }

    public String getServer() {
        return server;
    }

    public String getUserId() {
        return userId;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getMessage() {
        return message == null ? "" : message;
    }

    public String getParameterString() {
        return parameterString;
    }

    public String getRunFor() {
        return runFor;
    }
}

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One subject's part of a run (for codeunit 6700 one employee), which any server may claim: claiming and renewing
 * are conditional bulk updates in {@link JobQueueRepository}; what happens when it ends is here.
 */
@Entity
@Table(name = "job_queue_run_part")
public class JobRunPart {

    /** Where a part stands. */
    public enum State {
        WAITING,
        RUNNING,
        DONE
    }

    @Id
    @SequenceGenerator(name = "job_queue_run_part_seq", sequenceName = "job_queue_run_part_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_queue_run_part_seq")
    private Long id;

    @Column(name = "log_entry_id", nullable = false, updatable = false)
    private long logEntryId;

    @Column(name = "subject", nullable = false, updatable = false, length = 50)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private State state;

    @Column(name = "not_before", nullable = false)
    private OffsetDateTime notBefore;

    @Column(name = "retried", nullable = false)
    private boolean retried;

    @Column(name = "server", length = 100)
    private String server;

    @Column(name = "lease_expires_at")
    private OffsetDateTime leaseExpiresAt;

    @Version
    private long version;

    protected JobRunPart() {
        // for JPA
    }

    /** A part waiting for a server from {@code now} on. */
    public JobRunPart(long logEntryId, String subject, Instant now) {
        this.logEntryId = logEntryId;
        this.subject = subject;
        this.state = State.WAITING;
        this.notBefore = now.atOffset(ZoneOffset.UTC);
    }

    /** Back to waiting until {@code at}, for its one more try. */
    void retryAt(Instant at) {
        state = State.WAITING;
        retried = true;
        notBefore = at.atOffset(ZoneOffset.UTC);
        release();
    }

    /** Ended; its log item is written. */
    void done() {
        state = State.DONE;
        release();
    }

    private void release() {
        server = null;
        leaseExpiresAt = null;
    }

    /** Whether {@code server} still holds this part: running there under the lease it claimed or renewed. */
    boolean heldBy(String server) {
        return state == State.RUNNING && server.equals(this.server);
    }

    public Long getId() {
        return id;
    }

    public long getLogEntryId() {
        return logEntryId;
    }

    public String getSubject() {
        return subject;
    }

    public State getState() {
        return state;
    }

    public boolean isRetried() {
        return retried;
    }
}

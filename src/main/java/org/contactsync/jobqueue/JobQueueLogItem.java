package org.contactsync.jobqueue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Optional;

/** What one run did for one subject; for codeunit 6700 one employee, with the sync run it started and its counts. */
@Entity
@Table(name = "job_queue_log_item")
public class JobQueueLogItem {

    @Id
    @SequenceGenerator(name = "job_queue_log_item_seq", sequenceName = "job_queue_log_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_queue_log_item_seq")
    private Long id;

    @Column(name = "log_entry_id", nullable = false, updatable = false)
    private long logEntryId;

    @Column(name = "subject", nullable = false, updatable = false, length = 50)
    private String subject;

    @Column(name = "outcome", nullable = false, updatable = false, length = 20)
    private String outcome;

    @Column(name = "sync_run_id", updatable = false)
    private Long syncRunId;

    @Column(name = "to_outlook", nullable = false, updatable = false)
    private int toOutlook;

    @Column(name = "to_business_central", nullable = false, updatable = false)
    private int toBusinessCentral;

    @Column(name = "failed", nullable = false, updatable = false)
    private int failed;

    @Column(name = "message", nullable = false, updatable = false, length = 2000)
    private String message;

    protected JobQueueLogItem() {
        // for JPA
    }

    public JobQueueLogItem(long logEntryId, JobResult.Item item) {
        this.logEntryId = logEntryId;
        this.subject = item.subject();
        this.outcome = item.outcome();
        this.syncRunId = item.syncRunId().orElse(null);
        this.toOutlook = item.toOutlook();
        this.toBusinessCentral = item.toBusinessCentral();
        this.failed = item.failed();
        this.message = JobQueueEntry.fit(item.message());
    }

    /** The item as the job wrote it, for the run's summary. */
    public JobResult.Item item() {
        return new JobResult.Item(subject, outcome, syncRunId(), toOutlook, toBusinessCentral, failed, message);
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

    public String getOutcome() {
        return outcome;
    }

    public Optional<Long> syncRunId() {
        return Optional.ofNullable(syncRunId);
    }

    /** For the page's link (EL reads no Optional). */
    public Long getSyncRunId() {
        return syncRunId;
    }

    public int getToOutlook() {
        return toOutlook;
    }

    public int getToBusinessCentral() {
        return toBusinessCentral;
    }

    public int getFailed() {
        return failed;
    }

    public String getMessage() {
        return message;
    }
}

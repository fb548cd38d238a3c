package org.contactsync.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.contactsync.sync.plan.ActionKind;
import org.contactsync.sync.plan.MassDeleteGuard.MassDeleteVerdict;
import org.contactsync.sync.plan.SyncMode;

/**
 * One run of "Sync with Microsoft 365" or "Full Sync with Microsoft 365" for one employee: who started it, from
 * where, its progress and counts, and how it ended. While {@link SyncRunStatus#RUNNING} it holds the employee's
 * lease ({@code lease_user_name} is unique), which it renews as it goes and gives up when it ends.
 */
@Entity
@Table(name = "sync_run")
public class SyncRun implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final int MESSAGE_LENGTH = 2000;

    @Id
    @SequenceGenerator(name = "sync_run_seq", sequenceName = "sync_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_run_seq")
    private Long id;

    @Column(name = "user_name", nullable = false, updatable = false, length = 50)
    private String userName;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger", nullable = false, updatable = false, length = 20)
    private SyncTrigger trigger;

    @Column(name = "started_by", nullable = false, updatable = false, length = 50)
    private String startedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false, updatable = false, length = 20)
    private SyncMode mode;

    @Column(name = "preview", nullable = false, updatable = false)
    private boolean preview;

    @Column(name = "mass_delete_confirmed", nullable = false, updatable = false)
    private boolean massDeleteConfirmed;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private SyncRunStatus status;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "planned_actions", nullable = false)
    private int plannedActions;
    @Column(name = "done_actions", nullable = false)
    private int doneActions;

    @Column(name = "created_in_outlook", nullable = false)
    private int createdInOutlook;
    @Column(name = "recreated_in_outlook", nullable = false)
    private int recreatedInOutlook;
    @Column(name = "updated_in_outlook", nullable = false)
    private int updatedInOutlook;
    @Column(name = "deleted_in_outlook", nullable = false)
    private int deletedInOutlook;
    @Column(name = "created_in_bc", nullable = false)
    private int createdInBc;
    @Column(name = "updated_in_bc", nullable = false)
    private int updatedInBc;
    @Column(name = "linked", nullable = false)
    private int linked;
    @Column(name = "relinked", nullable = false)
    private int relinked;
    @Column(name = "links_refreshed", nullable = false)
    private int linksRefreshed;
    @Column(name = "unlinked", nullable = false)
    private int unlinked;
    @Column(name = "skipped", nullable = false)
    private int skipped;
    @Column(name = "conflicts", nullable = false)
    private int conflicts;
    @Column(name = "failed", nullable = false)
    private int failed;

    @Column(name = "guard_deletes", nullable = false)
    private int guardDeletes;
    @Column(name = "guard_folder_size", nullable = false)
    private int guardFolderSize;

    @Column(name = "graph_requests", nullable = false)
    private int graphRequests;

    @Column(name = "error_message", length = MESSAGE_LENGTH)
    private String errorMessage;

    @Column(name = "lease_user_name", length = 50)
    private String leaseUserName;

    @Column(name = "lease_owner", length = 100)
    private String leaseOwner;

    @Column(name = "lease_expires_at")
    private OffsetDateTime leaseExpiresAt;

    protected SyncRun() {
        // for JPA
    }

    /** A new run holding the employee's lease until {@code now + lease}. */
    public SyncRun(SyncRequest request, String leaseOwner, Instant now, Duration lease) {
        this.userName = request.userName();
        this.trigger = request.trigger();
        this.startedBy = request.startedBy();
        this.mode = request.mode();
        this.preview = request.preview();
        this.massDeleteConfirmed = request.massDeleteConfirmed();
        this.status = SyncRunStatus.RUNNING;
        this.startedAt = utc(now);
        this.leaseUserName = request.userName();
        this.leaseOwner = leaseOwner;
        this.leaseExpiresAt = utc(now.plus(lease));
    }

    /** The run goes on: its lease lasts until {@code now + lease}. */
    public void renewLease(Instant now, Duration lease) {
        requireRunning();
        this.leaseExpiresAt = utc(now.plus(lease));
    }

    /** The plan is known: progress runs from 0 to its number of actions. */
    public void planned(int actions, MassDeleteVerdict verdict) {
        this.plannedActions = actions;
        this.guardDeletes = verdict.deletes();
        this.guardFolderSize = verdict.folderSize();
    }

    /** Actions carried out (or only counted, for a preview or a blocked plan). */
    public void count(ActionKind kind, int howMany) {
        switch (kind) {
            case CREATE_IN_OUTLOOK -> createdInOutlook += howMany;
            case RECREATE_IN_OUTLOOK -> recreatedInOutlook += howMany;
            case UPDATE_IN_OUTLOOK -> updatedInOutlook += howMany;
            case DELETE_IN_OUTLOOK -> deletedInOutlook += howMany;
            case CREATE_IN_BC -> createdInBc += howMany;
            case UPDATE_IN_BC -> updatedInBc += howMany;
            case LINK -> linked += howMany;
            case RELINK -> relinked += howMany;
            case REFRESH_LINK -> linksRefreshed += howMany;
            case UNLINK -> unlinked += howMany;
            case SKIP -> skipped += howMany;
            case CONFLICT -> conflicts += howMany;
        }
    }

    public void countFailed(int howMany) {
        failed += howMany;
    }

    public void progressed(int actions, int requestsSoFar) {
        this.doneActions += actions;
        this.graphRequests = requestsSoFar;
    }

    /** The run ended: the lease is given up. */
    public void end(SyncRunStatus outcome, Instant now, Optional<String> message, int requests) {
        requireRunning();
        if (outcome == SyncRunStatus.RUNNING) {
            throw new IllegalArgumentException("A run cannot end as RUNNING");
        }
        this.status = outcome;
        this.endedAt = utc(now);
        this.errorMessage = message.map(SyncRun::fit).orElse(null);
        this.graphRequests = requests;
        this.leaseUserName = null;
        this.leaseOwner = null;
        this.leaseExpiresAt = null;
    }

    private void requireRunning() {
        if (status != SyncRunStatus.RUNNING) {
            throw new IllegalStateException("Run " + id + " has ended (" + status + ")");
        }
    }

    private static String fit(String message) {
        return message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) : message;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public int count(ActionKind kind) {
        return switch (kind) {
            case CREATE_IN_OUTLOOK -> createdInOutlook;
            case RECREATE_IN_OUTLOOK -> recreatedInOutlook;
            case UPDATE_IN_OUTLOOK -> updatedInOutlook;
            case DELETE_IN_OUTLOOK -> deletedInOutlook;
            case CREATE_IN_BC -> createdInBc;
            case UPDATE_IN_BC -> updatedInBc;
            case LINK -> linked;
            case RELINK -> relinked;
            case REFRESH_LINK -> linksRefreshed;
            case UNLINK -> unlinked;
            case SKIP -> skipped;
            case CONFLICT -> conflicts;
        };
    }

    public Long getId() {
        return id;
    }

    public String getUserName() {
        return userName;
    }

    public SyncTrigger getTrigger() {
        return trigger;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public SyncMode getMode() {
        return mode;
    }

    public boolean isPreview() {
        return preview;
    }

    /**
     * A preview, or a run the mass-delete guard stopped: nothing was written, so its counts are what the run would
     * do, and pages say "would" (issue 13, point 3).
     */
    public boolean isPlanOnly() {
        return preview || status == SyncRunStatus.BLOCKED_BY_GUARD;
    }

    public boolean isMassDeleteConfirmed() {
        return massDeleteConfirmed;
    }

    public SyncRunStatus getStatus() {
        return status;
    }

    public Instant getStartedAt() {
        return startedAt.toInstant();
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt).map(OffsetDateTime::toInstant);
    }

    public int getPlannedActions() {
        return plannedActions;
    }

    public int getDoneActions() {
        return doneActions;
    }

    public int getFailed() {
        return failed;
    }

    public int getGuardDeletes() {
        return guardDeletes;
    }

    public int getGuardFolderSize() {
        return guardFolderSize;
    }

    public int getGraphRequests() {
        return graphRequests;
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    public Optional<String> leaseOwner() {
        return Optional.ofNullable(leaseOwner);
    }

    public Optional<Instant> leaseExpiresAt() {
        return Optional.ofNullable(leaseExpiresAt).map(OffsetDateTime::toInstant);
    }
}

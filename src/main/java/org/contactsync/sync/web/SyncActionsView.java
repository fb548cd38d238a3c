package org.contactsync.sync.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;
import org.contactsync.sync.SyncAlreadyRunningException;
import org.contactsync.sync.SyncRequest;
import org.contactsync.sync.SyncRun;
import org.contactsync.sync.SyncRunService;
import org.contactsync.sync.SyncRunStatus;
import org.contactsync.sync.SyncRunner;
import org.contactsync.sync.SyncTrigger;
import org.contactsync.sync.plan.SyncMode;

/**
 * The actions "Sync with Microsoft 365", "Full Sync with Microsoft 365" and their previews on the Contact Sync Setup
 * and the Contact List, and the progress of the run they started (the page polls it). A start refused because a run
 * is going shows that run's progress instead.
 */
@Named("syncActions")
@ViewScoped
public class SyncActionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SyncRunner runner;

    @Inject
    transient SyncRunService syncRuns;

    @Inject
    transient CurrentCaller caller;

    private Long runId;
    private String userName = "";
    private SyncTrigger trigger = SyncTrigger.PAGE;
    /** The run as read in this request; {@link #refresh()} reads it again. */
    private transient SyncRun run;

    /** Starts a run for {@code forUser} (the caller when blank) from {@code from} (PAGE or CONTACT_LIST). */
    public void start(String forUser, String from, String mode, boolean preview) {
        start(forUser, SyncTrigger.valueOf(from), SyncMode.valueOf(mode), preview, false);
    }

    /** After a run the mass-delete guard stopped: the same run again, with its deletes confirmed. */
    public void confirmDeletes() {
        current().ifPresent(blocked -> start(blocked.getUserName(), trigger, blocked.getMode(), false, true));
    }

    private void start(String forUser, SyncTrigger from, SyncMode mode, boolean preview, boolean confirmed) {
        var who = caller.get();
        userName = forUser == null || forUser.isBlank() ? who.userName() : forUser;
        trigger = from;
        try {
            runId = runner.start(who, new SyncRequest(userName, mode, from, who.userName(), preview, confirmed));
        } catch (SyncAlreadyRunningException e) {
            runId = e.runningRunId();
            FacesMessages.show(e, "");
        } catch (ApplicationException e) {
            FacesMessages.show(e, "");
        }
        run = null;
    }

    /** The poll's listener: the run's progress as it is now. */
    public void refresh() {
        run = null;
    }

    private Optional<SyncRun> current() {
        if (runId != null && run == null) {
            run = syncRuns.run(caller.get(), runId);
        }
        return Optional.ofNullable(run);
    }

    public boolean isHasRun() {
        return current().isPresent();
    }

    public boolean isRunning() {
        return current().map(r -> r.getStatus() == SyncRunStatus.RUNNING).orElse(false);
    }

    public boolean isBlocked() {
        return current().map(r -> r.getStatus() == SyncRunStatus.BLOCKED_BY_GUARD).orElse(false);
    }

    /** 0 to 100: actions done of actions planned (100 once the run has ended). */
    public int getProgress() {
        return current().map(r -> r.getStatus().finished() ? 100
                : r.getPlannedActions() == 0 ? 0 : 100 * r.getDoneActions() / r.getPlannedActions()).orElse(0);
    }

    public Long getRunId() {
        return runId;
    }

    public SyncRun getRun() {
        return current().orElseThrow();
    }
}

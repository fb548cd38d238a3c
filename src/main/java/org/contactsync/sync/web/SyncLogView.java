package org.contactsync.sync.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contactsync.contact.ContactService;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;
import org.contactsync.sync.SyncLogEntry;
import org.contactsync.sync.SyncRun;
import org.contactsync.sync.SyncRunService;
import org.contactsync.sync.SyncRunStatus;

/**
 * The Sync Log: runs newest first (an employee's own; admins everyone's, or one employee's), filtered by status, and
 * the per-contact entries of the selected run.
 */
@Named
@ViewScoped
public class SyncLogView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SyncRunService syncRuns;

    @Inject
    transient CurrentCaller caller;

    @Inject
    transient ContactService contacts;

    private Long runParam;
    private String userNameFilter = "";
    private SyncRunStatus statusFilter;
    private List<SyncRun> runs = List.of();
    private SyncRun selected;
    private List<SyncLogEntry> entries = List.of();
    /** The current Name of each Business Central contact the entries name, by No. */
    private Map<String, String> contactNames = Map.of();
    /** "Link updated – Both sides agree" entries drown the rest, so they show only on request. */
    private boolean showUnchanged;

    /** f:viewAction: the runs, and the run named by ?run=… selected. */
    public void load() {
        search();
        if (runParam != null) {
            try {
                selected = syncRuns.run(caller.get(), runParam);
                show(syncRuns.log(caller.get(), runParam));
            } catch (ApplicationException e) {
                FacesMessages.show(e, "syncLog");
            }
        }
    }

    public void search() {
        runs = syncRuns.runs(caller.get(), Optional.ofNullable(userNameFilter)).stream()
                .filter(run -> statusFilter == null || run.getStatus() == statusFilter)
                .toList();
    }

    public void select() {
        show(selected == null ? List.of() : syncRuns.log(caller.get(), selected.getId()));
    }

    private void show(List<SyncLogEntry> loaded) {
        entries = loaded;
        contactNames = contacts.names(loaded.stream().map(SyncLogEntry::getContactNo)
                .filter(no -> !no.isEmpty()).distinct().toList());
    }

    /** The entry's Business Central contact by its current Name (empty when it has none, or it was deleted). */
    public String contactName(SyncLogEntry entry) {
        return contactNames.getOrDefault(entry.getContactNo(), "");
    }

    public boolean isAdmin() {
        return caller.get().isAdmin();
    }

    public SyncRunStatus[] getStatuses() {
        return SyncRunStatus.values();
    }

    public Long getRunParam() {
        return runParam;
    }

    public void setRunParam(Long runParam) {
        this.runParam = runParam;
    }

    public String getUserNameFilter() {
        return userNameFilter;
    }

    public void setUserNameFilter(String userNameFilter) {
        this.userNameFilter = userNameFilter;
    }

    public SyncRunStatus getStatusFilter() {
        return statusFilter;
    }

    public void setStatusFilter(SyncRunStatus statusFilter) {
        this.statusFilter = statusFilter;
    }

    public List<SyncRun> getRuns() {
        return runs;
    }

    public SyncRun getSelected() {
        return selected;
    }

    public void setSelected(SyncRun selected) {
        this.selected = selected;
    }

    public List<SyncLogEntry> getEntries() {
        return visible(entries, showUnchanged);
    }

    static List<SyncLogEntry> visible(List<SyncLogEntry> entries, boolean showUnchanged) {
        return showUnchanged ? entries : entries.stream().filter(entry -> !entry.isWithoutChange()).toList();
    }

    /** How many entries without a change the filter hides. */
    public long getHiddenUnchanged() {
        return showUnchanged ? 0 : entries.stream().filter(SyncLogEntry::isWithoutChange).count();
    }

    public boolean isShowUnchanged() {
        return showUnchanged;
    }

    public void setShowUnchanged(boolean showUnchanged) {
        this.showUnchanged = showUnchanged;
    }
}

package org.contactsync.jobqueue.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.jobqueue.JobQueueEntry;
import org.contactsync.jobqueue.JobQueueLogEntry;
import org.contactsync.jobqueue.JobQueueLogItem;
import org.contactsync.jobqueue.JobQueueService;
import org.contactsync.platform.LocalizedMessage;

/**
 * Business Central's Job Queue Log Entries (page 674): runs newest first, of every entry or one (?entry=…), and what
 * the selected run did for each employee, each with a link to that employee's sync run.
 */
@Named
@ViewScoped
public class JobQueueLogView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient JobQueueService service;

    @Inject
    transient CurrentCaller caller;

    private Long entryFilter;
    private List<JobQueueLogEntry> entries = List.of();
    private JobQueueLogEntry selected;
    private List<JobQueueLogItem> items = List.of();

    /** f:viewAction and the filter's Apply. */
    public void search() {
        entries = service.logEntries(caller.get(), Optional.ofNullable(entryFilter));
        selected = null;
        items = List.of();
    }

    public void select() {
        items = selected == null ? List.of() : service.logItems(caller.get(), selected.getId());
    }

    /** A stored log text (a run's message, an employee's) in the page's language. */
    public String inPageLanguage(String stored) {
        return LocalizedMessage.read(stored == null ? "" : stored,
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** The entries to filter by. */
    public List<JobQueueEntry> getJobQueueEntries() {
        return service.entries(caller.get());
    }

    public Long getEntryFilter() {
        return entryFilter;
    }

    public void setEntryFilter(Long entryFilter) {
        this.entryFilter = entryFilter;
    }

    public List<JobQueueLogEntry> getEntries() {
        return entries;
    }

    public JobQueueLogEntry getSelected() {
        return selected;
    }

    public void setSelected(JobQueueLogEntry selected) {
        this.selected = selected;
    }

    public List<JobQueueLogItem> getItems() {
        return items;
    }
}

package org.contactsync.jobqueue.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.jobqueue.JobQueueEntry;
import org.contactsync.jobqueue.JobQueueMessages;
import org.contactsync.jobqueue.JobQueueService;
import org.contactsync.jobqueue.JobRegistry;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;
import org.contactsync.platform.web.ViewerTime;

/** Business Central's Job Queue Entries (page 672): every entry with its status and next run; Ready, On Hold. */
@Named
@ViewScoped
public class JobQueueEntriesView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "entriesForm";

    @Inject
    transient JobQueueService service;

    @Inject
    transient JobRegistry registry;

    @Inject
    transient CurrentCaller caller;

    @Inject
    ViewerTime times;

    private transient List<JobQueueEntry> rows;

    public List<JobQueueEntry> getRows() {
        if (rows == null) {
            rows = service.entries(caller.get());
        }
        return rows;
    }

    public void setReady(long id) {
        try {
            var entry = service.setReady(caller.get(), id);
            FacesMessages.info(JobQueueMessages.of("entry.ready", JobQueueCaptions.nextRun(times, entry)));
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
        rows = null;
    }

    public void setOnHold(long id) {
        try {
            service.setOnHold(caller.get(), id);
            FacesMessages.info(JobQueueMessages.of("entry.onHold"));
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
        rows = null;
    }

    public String nextRun(JobQueueEntry entry) {
        return JobQueueCaptions.nextRun(times, entry);
    }

    /** Object Caption to Run, in the view's language. */
    public String caption(JobQueueEntry entry) {
        return JobQueueCaptions.objectCaption(registry, entry.getObjectType(), entry.getObjectId());
    }
}

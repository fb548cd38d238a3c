package org.contactsync.sync.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.contactsync.jobqueue.JobQueueMessages;
import org.contactsync.jobqueue.JobQueueService;
import org.contactsync.jobqueue.ObjectType;
import org.contactsync.sync.jobs.ContactSyncJob;
import org.contactsync.platform.web.ViewerTime;

/**
 * The "next scheduled run" line of Contact Sync Setup: when codeunit 6700's Ready entry runs next if the employee's
 * background synchronization is on, otherwise why it is not scheduled.
 */
@Named
@RequestScoped
public class BackgroundSyncSchedule {

    @Inject
    JobQueueService service;

    @Inject
    ViewerTime times;

    public String describe(boolean backgroundSyncEnabled) {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        if (!backgroundSyncEnabled) {
            return JobQueueMessages.of("schedule.disabled").in(locale);
        }
        if (service.isInProcess(ObjectType.CODEUNIT, ContactSyncJob.OBJECT_ID)) {
            return JobQueueMessages.of("schedule.inProcess").in(locale);
        }
        return service.nextRunOf(ObjectType.CODEUNIT, ContactSyncJob.OBJECT_ID)
                .map(next -> JobQueueMessages.of("schedule.next", times.format(next)).in(locale))
                .orElseGet(() -> JobQueueMessages.of("schedule.noEntry").in(locale));
    }
}

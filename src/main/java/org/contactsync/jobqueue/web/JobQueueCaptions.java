package org.contactsync.jobqueue.web;

import jakarta.faces.context.FacesContext;
import java.util.Locale;
import org.contactsync.jobqueue.JobQueueEntry;
import org.contactsync.jobqueue.JobQueueMessages;
import org.contactsync.jobqueue.JobRegistry;
import org.contactsync.jobqueue.ObjectType;
import org.contactsync.platform.web.ViewerTime;

/** Texts the job queue pages compute: object captions and the next run, in the view's language. */
final class JobQueueCaptions {

    private JobQueueCaptions() {
    }

    static String objectCaption(JobRegistry registry, ObjectType type, int objectId) {
        return registry.find(type, objectId).map(job -> job.caption().in(locale()))
                .orElseGet(() -> JobQueueMessages.of("object.unknown").in(locale()));
    }

    static String nextRun(ViewerTime times, JobQueueEntry entry) {
        return entry.nextRunAt().map(times::format)
                .orElseGet(() -> JobQueueMessages.of("notScheduled").in(locale()));
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}

package org.contactsync.jobqueue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.contactsync.jobqueue.JobQueueConfig;

/**
 * The zone the job queue's schedule fields (Starting and Ending Time, weekdays, Earliest Start) are kept in, named on
 * the job queue pages; the moments the pages show (next run, log start and end) are in the viewer's zone like every
 * other date-time ({@link org.contactsync.platform.web.ViewerTime}).
 */
@Named
@ApplicationScoped
public class JobQueueTimes {

    @Inject
    JobQueueConfig config;

    public String getZone() {
        return config.zone().getId();
    }
}

package org.contactsync.jobqueue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The job queue's clock: a non-persistent interval timer on every server ({@code contactsync.jobqueue.heartbeat-seconds}).
 * The schedule itself lives in the database, so nothing is lost when a server stops, and timers never pile up
 * while it is down; which server runs an entry is decided by the claim, not by the timer.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class JobQueueHeartbeat {

    private static final Logger LOG = Logger.getLogger(JobQueueHeartbeat.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    JobQueueDispatcher dispatcher;

    @Inject
    JobQueueConfig config;

    @PostConstruct
    void scheduleHeartbeat() {
        long every = config.heartbeat().toMillis();
        if (config.lease().compareTo(config.heartbeat().multipliedBy(3)) < 0) {
            LOG.warning(() -> "contactsync.jobqueue.lease-seconds should be at least three heartbeats; a run may "
                    + "be taken for stopped while its server still runs it.");
        }
        timerService.createIntervalTimer(every, every, new TimerConfig("job-queue-heartbeat", false));
        LOG.info(() -> "Job queue: looking for due entries every " + config.heartbeat().toSeconds() + " s as "
                + JobQueueDispatcher.server() + ".");
    }

    /** Never throws: a failing beat (database away) is logged and the next one tries again. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void beat() {
        try {
            dispatcher.beat();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Job queue heartbeat failed; the next one tries again", e);
        }
    }
}

package org.contactsync.sync;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes ended sync runs and their log entries once they are older than {@code contactsync.sync.log-retention-days}
 * (default 90), every night. A persistent timer fires once per cluster.
 */
@Singleton
public class SyncLogPurge {

    private static final Logger LOG = Logger.getLogger(SyncLogPurge.class.getName());

    @Inject
    SyncStore store;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "contactsync.sync.log-retention-days", defaultValue = "90")
    int retentionDays;

    @Schedule(hour = "3", minute = "17", persistent = true)
    void purgeOldRuns() {
        int purged = store.purgeRunsBefore(clock.instant().minus(Duration.ofDays(retentionDays)));
        if (purged > 0) {
            LOG.info(() -> "Sync log: " + purged + " runs older than " + retentionDays + " days purged.");
        }
    }
}

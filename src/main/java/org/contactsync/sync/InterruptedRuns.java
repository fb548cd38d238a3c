package org.contactsync.sync;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At start-up, ends the runs that a stopped or crashed server left RUNNING once their lease has run out, so that the
 * sync log shows them as interrupted rather than running forever. A run whose lease is still live is left alone (it
 * may belong to another server sharing the database); the next run's claim ends it once the lease runs out.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class.getName());

    @Inject
    SyncStore store;

    @PostConstruct
    void endRunsOfStoppedServers() {
        int ended = store.endLapsedRuns();
        if (ended > 0) {
            LOG.info(() -> "Sync: " + ended + " runs interrupted by a server stop marked as failed.");
        }
    }
}

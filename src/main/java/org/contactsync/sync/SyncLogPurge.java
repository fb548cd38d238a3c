package org.contactsync.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.contactsync.platform.Purgeable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ended sync runs and their log entries older than {@code contactsync.sync.log-retention-days} (default 90), deleted
 * every night by {@link org.contactsync.platform.NightlyPurge}.
 */
@ApplicationScoped
public class SyncLogPurge implements Purgeable {

    @Inject
    SyncStore store;

    @Inject
    @ConfigProperty(name = "contactsync.sync.log-retention-days")
    int retentionDays;

    @Override
    public String purgedWhat() {
        return "sync runs";
    }

    @Override
    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    @Override
    public int purgeBefore(Instant before) {
        return store.purgeRunsBefore(before);
    }
}

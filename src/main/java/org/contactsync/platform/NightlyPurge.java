package org.contactsync.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every night deletes what each {@link Purgeable} keeps longer than its retention. A persistent timer fires once per
 * cluster; one purge failing does not stop the others.
 */
@Singleton
public class NightlyPurge {

    private static final Logger LOG = Logger.getLogger(NightlyPurge.class.getName());

    @Inject
    @Any
    Instance<Purgeable> purgeables;

    @Inject
    Clock clock;

    @Schedule(hour = "3", minute = "17", persistent = true)
    void purgeOldRows() {
        for (Purgeable purgeable : purgeables) {
            try {
                int purged = purgeable.purgeBefore(clock.instant().minus(purgeable.retention()));
                if (purged > 0) {
                    LOG.info(() -> "Purged " + purged + " " + purgeable.purgedWhat() + " older than "
                            + purgeable.retention().toDays() + " days.");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Purging " + purgeable.purgedWhat() + " failed; next night again", e);
            }
        }
    }
}

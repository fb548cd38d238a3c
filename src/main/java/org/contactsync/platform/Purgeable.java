package org.contactsync.platform;

import java.time.Duration;
import java.time.Instant;

/** Rows a feature keeps for a while and then deletes: {@link NightlyPurge} calls every such bean once a night. */
public interface Purgeable {

    /** What is purged, for the server log ("sync runs"). */
    String purgedWhat();

    /** How long rows are kept (the feature's {@code ...log-retention-days}). */
    Duration retention();

    /** Deletes what is older than {@code before}; the number of rows deleted. */
    int purgeBefore(Instant before);
}

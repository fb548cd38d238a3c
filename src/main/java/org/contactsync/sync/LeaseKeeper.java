package org.contactsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.contactsync.graph.SessionHeartbeat;

/**
 * Keeps a run's lease while it talks to Graph: asked before every request of the run's mailbox session, it renews
 * the lease once a third of it has passed since the last renewal, so that reading a large folder, or waiting out a
 * throttling mailbox, never lets the lease run out under a live run (chunk commits renew it as well). Once a renewal
 * finds the run no longer holds the lease (another server ended it and took over), every later request is refused:
 * the run stops talking to the mailbox instead of writing next to the run that took over.
 *
 * <p>Waiting never outlasts a third of the lease unnoticed as long as the lease is longer than the throttle budget's
 * total wait plus one request's read timeout (2 min + 100 s; the default lease is 5 min).
 */
final class LeaseKeeper implements SessionHeartbeat {

    private final Clock clock;
    private final Duration interval;
    private final BooleanSupplier renew;
    private Instant lastRenewal;
    private boolean lost;

    /**
     * @param lease the lease's length; renewals come a third of it apart
     * @param renew renews the lease; false when the run no longer holds it
     */
    LeaseKeeper(Clock clock, Duration lease, BooleanSupplier renew) {
        this.clock = clock;
        this.interval = lease.dividedBy(3);
        this.renew = renew;
        this.lastRenewal = clock.instant();
    }

    @Override
    public synchronized boolean beat() {
        Instant now = clock.instant();
        if (!lost && !now.isBefore(lastRenewal.plus(interval))) {
            lost = !renew.getAsBoolean();
            lastRenewal = now;
        }
        return !lost;
    }

    /** Whether a renewal found the lease gone. */
    synchronized boolean lost() {
        return lost;
    }
}

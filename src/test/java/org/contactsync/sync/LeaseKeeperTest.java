package org.contactsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lease is renewed every third of it while a run talks to Graph, and a lost lease stops the session. */
class LeaseKeeperTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(300);

    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aLongReadRenewsTheLeaseEveryThirdOfItAndNotOnEveryPage() {
        AtomicInteger renewals = new AtomicInteger();
        LeaseKeeper keeper = new LeaseKeeper(clock, LEASE, () -> renewals.incrementAndGet() > 0);

        // A slow, throttled mailbox: one page every 7 seconds for 20 minutes.
        for (int page = 0; page < 20 * 60 / 7; page++) {
            assertTrue(keeper.beat());
            now = now.plusSeconds(7);
        }

        assertEquals(11, renewals.get(), "every 100 s of 1,200 s, counted from the claim");
        assertFalse(keeper.lost());
    }

    @Test
    void aLeaseTakenOverStopsTheSessionForGood() {
        AtomicBoolean held = new AtomicBoolean(true);
        AtomicInteger renewals = new AtomicInteger();
        LeaseKeeper keeper = new LeaseKeeper(clock, LEASE, () -> {
            renewals.incrementAndGet();
            return held.get();
        });
        now = now.plusSeconds(100);
        assertTrue(keeper.beat());

        held.set(false);
        now = now.plusSeconds(100);

        assertFalse(keeper.beat(), "the renewal found the lease gone");
        assertTrue(keeper.lost());
        now = now.plusSeconds(100);
        assertFalse(keeper.beat());
        assertEquals(2, renewals.get(), "no renewal is tried once the lease is lost");
    }
}

package org.contactsync.sandbox;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one mailbox has seen since the last reset.
 *
 * @param requests       Graph requests counted against the mailbox's limits: every single request and every item of
 *                       a {@code $batch} (as Exchange counts them)
 * @param throttled      how many of those were answered 429 by the limits
 * @param faults         requests that got an injected fault
 * @param byMethod       {@code requests} by HTTP method
 * @param roundTrips     HTTP requests that reached the sandbox for this mailbox: a {@code $batch} is one, however many
 *                       items it carries
 * @param handlingMillis time the sandbox spent answering those round trips, its latency setting included
 */
public record MailboxCounters(long requests, long throttled, long faults, Map<String, Long> byMethod,
                              long roundTrips, long handlingMillis) {

    public MailboxCounters {
        byMethod = Map.copyOf(new TreeMap<>(byMethod));
    }
}

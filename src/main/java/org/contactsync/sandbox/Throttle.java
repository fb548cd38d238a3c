package org.contactsync.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exchange Online's limits, "evaluated for each app ID and mailbox combination": at most N requests running at once
 * and at most M requests per window; the excess gets 429 with a positive {@code Retry-After}. Also keeps the
 * per-mailbox counters tests and the benchmark read.
 */
final class Throttle {

    private final Clock clock;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();

    Throttle(Clock clock) {
        this.clock = clock;
    }

    /** A granted slot; give it back with {@link #leave(Permit)} when the request is done. */
    record Permit(String lane) {
    }

    /** Admits one request of an app to a mailbox or throws 429. Counts it either way. */
    Permit enter(String clientId, String mailbox, String method, SandboxSettings.Limits limits) {
        Counters mailboxCounters = counters.computeIfAbsent(mailbox, m -> new Counters());
        mailboxCounters.count(method);
        String key = clientId + "|" + mailbox;
        Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
        synchronized (lane) {
            Instant now = clock.instant();
            if (lane.windowStart == null || !now.isBefore(lane.windowStart.plus(limits.window()))) {
                lane.windowStart = now;
                lane.requestsInWindow = 0;
            }
            if (lane.inFlight >= limits.concurrentRequests()) {
                mailboxCounters.throttled();
                throw throttled("ApplicationThrottled", "Application is over its MailboxConcurrency limit.",
                        limits.retryAfterSeconds());
            }
            if (lane.requestsInWindow >= limits.requestsPerWindow()) {
                mailboxCounters.throttled();
                long untilWindowEnds = Duration.between(now, lane.windowStart.plus(limits.window())).toSeconds();
                throw throttled("TooManyRequests", "Please retry again later.", Math.max(1, untilWindowEnds + 1));
            }
            lane.inFlight++;
            lane.requestsInWindow++;
        }
        return new Permit(key);
    }

    void leave(Permit permit) {
        Lane lane = lanes.get(permit.lane());
        if (lane != null) {
            synchronized (lane) {
                lane.inFlight = Math.max(0, lane.inFlight - 1);
            }
        }
    }

    void countFault(String mailbox) {
        counters.computeIfAbsent(mailbox, m -> new Counters()).fault();
    }

    /** One HTTP request that reached the mailbox (a {@code $batch} once) and how long the sandbox took to answer it. */
    void countRoundTrip(String mailbox, long handlingNanos) {
        counters.computeIfAbsent(mailbox, m -> new Counters()).roundTrip(handlingNanos);
    }

    MailboxCounters counters(String mailbox) {
        return counters.getOrDefault(mailbox, new Counters()).snapshot();
    }

    void reset(String mailbox) {
        counters.remove(mailbox);
        lanes.keySet().removeIf(k -> k.endsWith("|" + mailbox));
    }

    void resetAll() {
        counters.clear();
        lanes.clear();
    }

    static GraphError throttled(String code, String message, long retryAfterSeconds) {
        return new GraphError(429, code, message).withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    private static final class Lane {
        int inFlight;
        Instant windowStart;
        int requestsInWindow;
    }

    private static final class Counters {
        private long requests;
        private long throttled;
        private long faults;
        private long roundTrips;
        private long handlingNanos;
        private final Map<String, Long> byMethod = new HashMap<>();

        synchronized void count(String method) {
            requests++;
            byMethod.merge(method, 1L, Long::sum);
        }

        synchronized void throttled() {
            throttled++;
        }

        synchronized void fault() {
            faults++;
        }

        synchronized void roundTrip(long nanos) {
            roundTrips++;
            handlingNanos += nanos;
        }

        synchronized MailboxCounters snapshot() {
            return new MailboxCounters(requests, throttled, faults, byMethod, roundTrips,
                    Duration.ofNanos(handlingNanos).toMillis());
        }
    }
}

package org.contactsync.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exchange Online's limits: at most N requests running at once (per app and mailbox, or per app: the sources disagree,
 * {@link ConcurrencyScope}) and at most M requests per window, "evaluated for each app ID and mailbox combination";
 * the excess gets 429 with a positive {@code Retry-After}. Also keeps the per-mailbox counters tests and the
 * benchmark read.
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

    /**
     * Admits one request of an app to a mailbox or throws 429. Counts it either way. The concurrent requests count
     * per app and mailbox or per app ({@code scope}); the requests per window always per app and mailbox.
     */
    Permit enter(String clientId, String mailbox, String method, SandboxSettings.Limits limits, ConcurrencyScope scope) {
        Counters mailboxCounters = counters.computeIfAbsent(mailbox, m -> new Counters());
        mailboxCounters.count(method);
        String mailboxKey = clientId + "|" + mailbox;
        // A client id has no '|', so an app's own lane never meets one of its mailbox lanes.
        String concurrencyKey = scope == ConcurrencyScope.APP ? clientId : mailboxKey;
        Lane concurrency = lanes.computeIfAbsent(concurrencyKey, k -> new Lane());
        Lane budget = lanes.computeIfAbsent(mailboxKey, k -> new Lane());
        // Always the concurrency lane first: the two locks are never taken in the other order.
        synchronized (concurrency) {
            synchronized (budget) {
                Instant now = clock.instant();
                if (budget.windowStart == null || !now.isBefore(budget.windowStart.plus(limits.window()))) {
                    budget.windowStart = now;
                    budget.requestsInWindow = 0;
                }
                if (concurrency.inFlight >= limits.concurrentRequests()) {
                    mailboxCounters.throttled();
                    throw throttled("ApplicationThrottled", "Application is over its MailboxConcurrency limit.",
                            limits.retryAfterSeconds());
                }
                if (budget.requestsInWindow >= limits.requestsPerWindow()) {
                    mailboxCounters.throttled();
                    long untilWindowEnds = Duration.between(now, budget.windowStart.plus(limits.window())).toSeconds();
                    throw throttled("TooManyRequests", "Please retry again later.", Math.max(1, untilWindowEnds + 1));
                }
                concurrency.inFlight++;
                budget.requestsInWindow++;
            }
        }
        return new Permit(concurrencyKey);
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

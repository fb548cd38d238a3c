package org.contactsync.graph;

import java.time.Duration;

/**
 * How long one session may wait for a throttling mailbox before it gives up and reports it
 * ({@link MailboxThrottledException}, {@link WriteOutcome.Throttled}), so that the engine postpones that employee
 * instead of holding a worker. Waits for 429 and 503/504 answers count, whole requests and batch items alike.
 *
 * @param retriesPerRequest how often the SDK's RetryHandler retries one request (at most 10)
 * @param maxTotalWait      the sum of Retry-After waits allowed in one session
 */
public record ThrottleBudget(int retriesPerRequest, Duration maxTotalWait) {

    public ThrottleBudget {
        if (retriesPerRequest < 0 || retriesPerRequest > 10 || maxTotalWait.isNegative()) {
            throw new IllegalArgumentException("A throttle budget has 0..10 retries and a non-negative wait");
        }
    }

    /** Five retries per request and two minutes of waiting per session. */
    public static ThrottleBudget standard() {
        return new ThrottleBudget(5, Duration.ofMinutes(2));
    }
}

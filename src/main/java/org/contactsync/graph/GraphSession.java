package org.contactsync.graph;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Graph client for one mailbox with its counters, and the threads its batch requests go out on; lives as long as
 * one sync run or one check.
 */
record GraphSession(GraphServiceClient graph, Counters counters, String mailbox, Executor batchThreads) {

    /** HTTP requests sent and throttling waited for in one session; each also told to the application's traffic. */
    static final class Counters {
        private final ThrottleBudget budget;
        private final GraphTraffic traffic;
        private final AtomicInteger requests = new AtomicInteger();
        private double waitedSeconds;
        private boolean exhausted;

        Counters(ThrottleBudget budget, GraphTraffic traffic) {
            this.budget = budget;
            this.traffic = traffic;
        }

        void countRequest() {
            requests.incrementAndGet();
            traffic.requestSent();
        }

        /** A 429 answer, to a request or a batch item. */
        void countThrottled() {
            traffic.throttled();
        }

        int requests() {
            return requests.get();
        }

        /** Whether the session may wait this long for a retry; false (and from then on exhausted) past the budget. */
        synchronized boolean mayWait(double seconds) {
            if (exhausted || waitedSeconds + seconds > budget.maxTotalWait().toMillis() / 1000.0) {
                exhausted = true;
                return false;
            }
            waitedSeconds += seconds;
            traffic.waited(java.time.Duration.ofMillis(Math.round(seconds * 1000)));
            return true;
        }

        synchronized boolean exhausted() {
            return exhausted;
        }
    }
}

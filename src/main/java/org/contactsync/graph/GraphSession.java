package org.contactsync.graph;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Graph client for one mailbox with its counters, and the threads its batch requests go out on; lives as long as
 * one sync run or one check.
 */
record GraphSession(GraphServiceClient graph, Counters counters, String mailbox, Executor batchThreads) {

    /** HTTP requests sent and throttling waited for in one session. */
    static final class Counters {
        private final ThrottleBudget budget;
        private final AtomicInteger requests = new AtomicInteger();
        private double waitedSeconds;
        private boolean exhausted;

        Counters(ThrottleBudget budget) {
            this.budget = budget;
        }

        void countRequest() {
            requests.incrementAndGet();
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
            return true;
        }

        synchronized boolean exhausted() {
            return exhausted;
        }
    }
}

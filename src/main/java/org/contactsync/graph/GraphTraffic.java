package org.contactsync.graph;

import java.time.Duration;

/**
 * Told of every HTTP request a session sends to Microsoft Graph and of every throttled answer, on the thread that
 * sent it, so that operations can see how hard the application drives Graph and how often Graph pushes back (the
 * application's metrics implement it; plain numbers, no Graph type). Calls must return at once.
 */
public interface GraphTraffic {

    /** One HTTP request went out (a {@code $batch} is one, each retry another). */
    void requestSent();

    /** Graph answered 429 Too Many Requests, to a whole request or to one item of a {@code $batch}. */
    void throttled();

    /** A session waits this long before sending throttled or unavailable requests again (Retry-After or back-off). */
    void waited(Duration wait);

    /** For clients built outside the container (tests): tells no one. */
    GraphTraffic NONE = new GraphTraffic() {
        @Override
        public void requestSent() {
        }

        @Override
        public void throttled() {
        }

        @Override
        public void waited(Duration wait) {
        }
    };
}

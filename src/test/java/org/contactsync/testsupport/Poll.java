package org.contactsync.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for a server to get somewhere, for tests that watch it work from outside. */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Poll() {
    }

    /**
     * Reads {@code probe} until {@code done} holds for what it read, and returns that; fails with the last value
     * read when {@code patience} runs out.
     */
    public static <T> T until(String what, Duration patience, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(patience);
        T value = probe.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + patience + "; last seen: " + value);
            }
            pause(INTERVAL);
            value = probe.get();
        }
        return value;
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

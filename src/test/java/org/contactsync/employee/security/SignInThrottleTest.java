package org.contactsync.employee.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The temporary lockout: 5 wrong passwords in 15 minutes lock a user name for 15 minutes, known or not. */
class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock, new InMemorySignInAttempts(), 5, 15);

    @Test
    void locksAfterTheConfiguredNumberOfFailures() {
        failTimes("alice", 4);
        assertFalse(throttle.isLocked("alice"), "four failures are not enough");

        throttle.failed("alice");

        assertTrue(throttle.isLocked("alice"));
        assertEquals(Duration.ofMinutes(15), throttle.lockedFor("alice").orElseThrow());
    }

    @Test
    void lockoutEndsAfterTheConfiguredMinutes() {
        failTimes("alice", 5);
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertTrue(throttle.isLocked("alice"));

        clock.advance(Duration.ofSeconds(1));

        assertFalse(throttle.isLocked("alice"));
        failTimes("alice", 4);
        assertFalse(throttle.isLocked("alice"), "after the lockout the count starts again");
    }

    @Test
    void unknownUserNamesAreLockedTheSameWay() {
        failTimes("nobody-by-this-name", 5);

        assertTrue(throttle.isLocked("nobody-by-this-name"));
    }

    @Test
    void userNamesAreCountedCaseInsensitively() {
        failTimes("Alice", 3);
        failTimes("ALICE ", 2);

        assertTrue(throttle.isLocked("alice"));
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        failTimes("alice", 4);
        throttle.succeeded("alice");
        failTimes("alice", 4);

        assertFalse(throttle.isLocked("alice"));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        failTimes("alice", 4);
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("alice");

        assertFalse(throttle.isLocked("alice"), "the old four and the new one are not in one window");
    }

    @Test
    void oneUsersFailuresDoNotLockAnother() {
        failTimes("alice", 5);

        assertFalse(throttle.isLocked("bob"));
    }

    @Test
    void configuredValuesApply() {
        var strict = new SignInThrottle(clock, new InMemorySignInAttempts(), 2, 1);
        strict.failed("bob");
        strict.failed("bob");

        assertEquals(Duration.ofMinutes(1), strict.lockedFor("bob").orElseThrow());
    }

    @Test
    void aNameLongerThanAnyUserNameIsCountedByItsStart() {
        String typed = "a".repeat(SignInThrottle.MAX_KEY_LENGTH) + "-and-then-some";
        failTimes(typed, 5);

        assertTrue(throttle.isLocked(typed));
        assertTrue(throttle.isLocked("a".repeat(SignInThrottle.MAX_KEY_LENGTH)));
    }

    private void failTimes(String userName, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(userName);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

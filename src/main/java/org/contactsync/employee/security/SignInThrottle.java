package org.contactsync.employee.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.contactsync.employee.security.SignInAttempts.Attempts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Temporary lockout after repeated wrong passwords: after {@code contactsync.security.lockout-failures} failures
 * within {@code contactsync.security.lockout-minutes}, the user name is locked for that many minutes; a successful
 * sign-in forgets the failures. Wrong current passwords on the change-password form count too
 * ({@code UserService#changeOwnPassword}), so a stolen session cannot guess the password there.
 *
 * <p>It counts per user name, existing or not, so the lockout itself tells nobody whether a name exists. The counts
 * are kept in the database every server shares ({@link SignInAttempts}), so a name locked on one server is locked on
 * all of them, and a restart forgets nothing. Counting unknown names lets an attacker add rows at will, so the table
 * is bounded: beyond {@link #MAX_TRACKED_NAMES} names, those whose window has passed are forgotten at once (and every
 * night in any case).
 */
@ApplicationScoped
public class SignInThrottle {

    static final int MAX_TRACKED_NAMES = 10_000;
    /** The key column's length; no user name comes near it (50), so a longer name typed is counted by its start. */
    static final int MAX_KEY_LENGTH = 250;

    private Clock clock;
    private SignInAttempts attempts;
    private int maxFailures;
    private Duration lockout;

    protected SignInThrottle() {
        // for CDI's proxy
    }

    @Inject
    public SignInThrottle(Clock clock, SignInAttempts attempts,
            @ConfigProperty(name = "contactsync.security.lockout-failures") int maxFailures,
            @ConfigProperty(name = "contactsync.security.lockout-minutes") int lockoutMinutes) {
        this.clock = clock;
        this.attempts = attempts;
        this.maxFailures = Math.max(1, maxFailures);
        this.lockout = Duration.ofMinutes(Math.max(1, lockoutMinutes));
    }

    /** How long the user name stays locked, if it is locked now. */
    public Optional<Duration> lockedFor(String userName) {
        var now = clock.instant();
        return attempts.find(key(userName))
                .flatMap(Attempts::lockedUntil)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    public boolean isLocked(String userName) {
        return lockedFor(userName).isPresent();
    }

    public void failed(String userName) {
        var now = clock.instant();
        var key = key(userName);
        try {
            attempts.change(key, previous -> afterAFailure(previous, now));
        } catch (RuntimeException firstFailureCountedElsewhereToo) {
            // Another server counted this name's first failure at the same moment, and its row won; count on it.
            attempts.change(key, previous -> afterAFailure(previous, now));
        }
        if (attempts.count() > MAX_TRACKED_NAMES) {
            attempts.forgetWindowsStartedBefore(now.minus(lockout));
        }
    }

    public void succeeded(String userName) {
        attempts.forget(key(userName));
    }

    private Attempts afterAFailure(Optional<Attempts> previous, Instant now) {
        var current = previous.filter(attempt -> attempt.windowStart().plus(lockout).isAfter(now));
        int failures = current.map(Attempts::failures).orElse(0) + 1;
        if (failures >= maxFailures) {
            return new Attempts(0, now, Optional.of(now.plus(lockout)));
        }
        return new Attempts(failures, current.map(Attempts::windowStart).orElse(now),
                current.flatMap(Attempts::lockedUntil));
    }

    private static String key(String userName) {
        var key = userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }
}

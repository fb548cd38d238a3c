package org.contactsync.employee.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Temporary lockout after repeated wrong passwords: after {@code contactsync.security.lockout-failures} failures
 * within {@code contactsync.security.lockout-minutes}, the user name is locked for that many minutes; a successful
 * sign-in forgets the failures. Wrong current passwords on the change-password form count too
 * ({@code UserService#changeOwnPassword}), so a stolen session cannot guess the password there.
 *
 * <p>It counts per user name, existing or not, so the lockout itself tells nobody whether a name exists. It is
 * kept in memory rather than in {@code app_user} for that reason: failures for unknown names must not create rows
 * an attacker can grow at will. The map is bounded: beyond {@link #MAX_TRACKED_NAMES} entries the stale ones are
 * dropped. A restart forgets all lockouts, which is acceptable for a 15-minute brake on guessing.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int MAX_TRACKED_NAMES = 10_000;

    private record Attempts(int failures, Instant windowStart, Instant lockedUntil) {
    }

    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();
    private Clock clock;
    private int maxFailures;
    private Duration lockout;

    protected SignInThrottle() {
        // for CDI's proxy
    }

    @Inject
    public SignInThrottle(Clock clock,
            @ConfigProperty(name = "contactsync.security.lockout-failures") int maxFailures,
            @ConfigProperty(name = "contactsync.security.lockout-minutes") int lockoutMinutes) {
        this.clock = clock;
        this.maxFailures = Math.max(1, maxFailures);
        this.lockout = Duration.ofMinutes(Math.max(1, lockoutMinutes));
    }

    /** How long the user name stays locked, if it is locked now. */
    public Optional<Duration> lockedFor(String userName) {
        var now = clock.instant();
        return Optional.ofNullable(attempts.get(key(userName)))
                .map(Attempts::lockedUntil)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    public boolean isLocked(String userName) {
        return lockedFor(userName).isPresent();
    }

    public void failed(String userName) {
        var now = clock.instant();
        attempts.compute(key(userName), (name, previous) -> {
            boolean fresh = previous == null || !previous.windowStart().plus(lockout).isAfter(now);
            int failures = fresh ? 1 : previous.failures() + 1;
            var windowStart = fresh ? now : previous.windowStart();
            return failures >= maxFailures
                    ? new Attempts(0, now, now.plus(lockout))
                    : new Attempts(failures, windowStart, fresh ? Instant.MIN : previous.lockedUntil());
        });
        if (attempts.size() > MAX_TRACKED_NAMES) {
            forgetStale(now);
        }
    }

    public void succeeded(String userName) {
        attempts.remove(key(userName));
    }

    private void forgetStale(Instant now) {
        attempts.values().removeIf(a -> !a.lockedUntil().isAfter(now) && !a.windowStart().plus(lockout).isAfter(now));
    }

    private static String key(String userName) {
        return userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
    }
}

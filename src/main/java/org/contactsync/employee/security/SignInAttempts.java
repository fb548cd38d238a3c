package org.contactsync.employee.security;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the sign-in lockout keeps its counts: {@link SignInAttemptStore}, in the database every server shares, so
 * that a user name locked on one server is locked on all of them.
 */
public interface SignInAttempts {

    /**
     * A user name's recent failures: how many since {@code windowStart}, and until when it is locked (after the
     * last failure that locked it).
     */
    record Attempts(int failures, Instant windowStart, Optional<Instant> lockedUntil) {
    }

    Optional<Attempts> find(String key);

    /** Replaces the name's attempts by what {@code change} makes of them, atomically across servers. */
    void change(String key, Function<Optional<Attempts>, Attempts> change);

    void forget(String key);

    /** How many names are counted. */
    long count();

    /** Forgets every name whose window started before {@code windowStartedBefore}; how many. */
    int forgetWindowsStartedBefore(Instant windowStartedBefore);
}

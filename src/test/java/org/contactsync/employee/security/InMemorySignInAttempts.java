package org.contactsync.employee.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The lockout's counts in a map, for tests of the rules without a database ({@link SignInAttemptStore} has one). */
public final class InMemorySignInAttempts implements SignInAttempts {

    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    @Override
    public Optional<Attempts> find(String key) {
        return Optional.ofNullable(attempts.get(key));
    }

    @Override
    public void change(String key, Function<Optional<Attempts>, Attempts> change) {
        attempts.compute(key, (name, previous) -> change.apply(Optional.ofNullable(previous)));
    }

    @Override
    public void forget(String key) {
        attempts.remove(key);
    }

    @Override
    public long count() {
        return attempts.size();
    }

    @Override
    public int forgetWindowsStartedBefore(Instant windowStartedBefore) {
        int before = attempts.size();
        attempts.values().removeIf(attempt -> attempt.windowStart().isBefore(windowStartedBefore));
        return before - attempts.size();
    }
}

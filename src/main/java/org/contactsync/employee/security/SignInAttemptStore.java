package org.contactsync.employee.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.contactsync.platform.Purgeable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in lockout's counts in the database, each method its own transaction: a wrong current password on the
 * change-password form counts although that form's transaction rolls back. Names whose window has passed are
 * deleted every night ({@link org.contactsync.platform.NightlyPurge}).
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class SignInAttemptStore implements SignInAttempts, Purgeable {

    @Inject
    SignInAttemptRepository repository;

    @Inject
    @ConfigProperty(name = "contactsync.security.lockout-minutes")
    int lockoutMinutes;

    @Override
    public Optional<Attempts> find(String key) {
        return repository.find(key).map(SignInAttempt::attempts);
    }

    @Override
    public void change(String key, Function<Optional<Attempts>, Attempts> change) {
        repository.findForUpdate(key).ifPresentOrElse(
                row -> row.assign(change.apply(Optional.of(row.attempts()))),
                () -> repository.add(new SignInAttempt(key, change.apply(Optional.empty()))));
    }

    @Override
    public void forget(String key) {
        repository.remove(key);
    }

    @Override
    public long count() {
        return repository.count();
    }

    @Override
    public int forgetWindowsStartedBefore(Instant windowStartedBefore) {
        return repository.removeWindowsStartedBefore(windowStartedBefore);
    }

    @Override
    public String purgedWhat() {
        return "sign-in lockout counts";
    }

    @Override
    public Duration retention() {
        return Duration.ofMinutes(Math.max(1, lockoutMinutes));
    }

    @Override
    public int purgeBefore(Instant before) {
        return forgetWindowsStartedBefore(before);
    }
}

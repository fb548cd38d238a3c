package org.contactsync.employee.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.contactsync.employee.security.SignInAttempts.Attempts;

/** One user name's recent failed sign-ins (V10__sign_in_attempt.sql); the rules are {@link SignInThrottle}'s. */
@Entity
@Table(name = "sign_in_attempt")
public class SignInAttempt {

    @Id
    @Column(name = "user_key", length = 250)
    private String userKey;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "window_start", nullable = false)
    private OffsetDateTime windowStart;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    protected SignInAttempt() {
        // for JPA
    }

    SignInAttempt(String userKey, Attempts attempts) {
        this.userKey = userKey;
        assign(attempts);
    }

    Attempts attempts() {
        return new Attempts(failures, windowStart.toInstant(),
                Optional.ofNullable(lockedUntil).map(OffsetDateTime::toInstant));
    }

    final void assign(Attempts attempts) {
        this.failures = attempts.failures();
        this.windowStart = utc(attempts.windowStart());
        this.lockedUntil = attempts.lockedUntil().map(SignInAttempt::utc).orElse(null);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

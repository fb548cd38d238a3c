package org.contactsync.employee;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashing with Jakarta Security's {@link Pbkdf2PasswordHash}, configured once for the application.
 *
 * <p>Iterations: OWASP's Password Storage Cheat Sheet asks for 600,000 iterations of PBKDF2-HMAC-SHA256 (its
 * 210,000 is the figure for HMAC-SHA512). Measured on the 2-core development machine (Java 17), 600,000 take
 * 150-270 ms with the C2 compiler and about 1.2 s with the C1-only JIT that server-config/jvm.options chooses for
 * start-up (C1 has no SHA-256 intrinsic; docs/benchmarks.md, section 6, weighs the two). A second per sign-in is
 * acceptable for people who sign in once a day, the lockout caps online guessing, and the API does not use
 * passwords at all; so we follow OWASP's SHA-256 figure. Each stored hash records its own iteration count, so
 * changing it later keeps old hashes valid.
 */
@ApplicationScoped
public class Passwords {

    static final int ITERATIONS = 600_000;

    @Inject
    Pbkdf2PasswordHash hash;

    /**
     * A hash of a random password nobody kept, verified when the user name is unknown so that both cases take as
     * long. A constant rather than made at start-up: a hash costs a second of CPU there, before the JIT has warmed
     * (docs/benchmarks.md, section 6). {@code PasswordsTest} holds it to {@link #ITERATIONS}.
     */
    static final String DECOY_HASH =
            "PBKDF2WithHmacSHA256:600000:d/MqCRk/s5/m/aGcVlC5yP/QU8lzVW4kTCOstLWZ5bI="
                    + ":HhJWM+QlyeWkq+TT2bc2wy3drxFH4IQh+5Nu9I2TzKs=";

    /**
     * What a user without a password has in place of a hash (see {@link UserService.InitialPassword#NONE}): no
     * password matches it. Never a PBKDF2 encoding, which always starts with the algorithm's name.
     */
    public static final String NONE = "none";

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    /** Whether the password matches; for a user without a password it spends the same time and fails. */
    public boolean matches(String password, String storedHash) {
        return storedHash.equals(NONE) ? matchesNothing(password) : hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of one verification and fails: for unknown users. */
    public boolean matchesNothing(String password) {
        hash.verify(password.toCharArray(), DECOY_HASH);
        return false;
    }
}

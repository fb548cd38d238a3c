package org.contactsync.employee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user without a password: no password signs them in, and trying costs what a real verification costs. */
class PasswordsTest {

    /** The hashes verified, in order; every verification fails. */
    private final List<String> verified = new ArrayList<>();

    @Test
    void noPasswordMatchesAUserWithoutOneButTheDecoyIsVerified() {
        var passwords = new Passwords();
        passwords.hash = new Pbkdf2PasswordHash() {
            @Override
            public void initialize(Map<String, String> parameters) {
            }

            @Override
            public String generate(char[] password) {
                throw new AssertionError("nothing is hashed");
            }

            @Override
            public boolean verify(char[] password, String hashedPassword) {
                verified.add(hashedPassword);
                return false;
            }
        };

        assertFalse(passwords.matches("none", Passwords.NONE));
        assertFalse(passwords.matches("", Passwords.NONE));
        assertEquals(List.of(Passwords.DECOY_HASH, Passwords.DECOY_HASH), verified,
                "as long as a wrong password takes, never the marker itself parsed as a hash");
    }
}

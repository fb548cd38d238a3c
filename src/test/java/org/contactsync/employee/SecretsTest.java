package org.contactsync.employee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** Web service access keys and one-time passwords. */
class SecretsTest {

    @Test
    void accessKeysAreLongUrlSafeAndUnique() {
        var keys = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var key = Secrets.newAccessKey();
            assertTrue(key.length() >= 32, key);
            assertTrue(key.matches("[A-Za-z0-9_-]+"), "safe in an HTTP Basic header: " + key);
            keys.add(key);
        }
        assertEquals(1000, keys.size());
    }

    @Test
    void aKeyMatchesOnlyItsOwnHash() {
        var key = Secrets.newAccessKey();
        var hash = Secrets.hashAccessKey(key);

        assertTrue(Secrets.accessKeyMatches(key, hash));
        assertFalse(Secrets.accessKeyMatches(Secrets.newAccessKey(), hash));
        assertFalse(Secrets.accessKeyMatches(key.substring(1), hash));
        assertFalse(Secrets.accessKeyMatches("", hash));
    }

    @Test
    void theStoredHashIsNotTheKey() {
        var key = Secrets.newAccessKey();
        var hash = Secrets.hashAccessKey(key);

        assertNotEquals(key, hash);
        assertFalse(hash.contains(key));
        assertEquals(64, hash.length(), "hex SHA-256 fits the 64-character column");
    }

    @Test
    void theHashIsTheKnownSha256() {
        // SHA-256("abc") from FIPS 180-2, so a stored hash stays valid across versions of this code.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.hashAccessKey("abc"));
    }

    @Test
    void oneTimePasswordsPassThePasswordRules() {
        for (int i = 0; i < 100; i++) {
            var password = Secrets.newOneTimePassword();
            assertTrue(PasswordRules.problems("admin", password, password).isEmpty(), password);
            assertFalse(password.matches(".*[0O1lI].*"), "no look-alike characters: " + password);
        }
    }
}

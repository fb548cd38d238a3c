package org.contactsync.employee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The password hashes the application ships instead of computing them at start-up: each demo user's hash is the
 * PBKDF2 of the password the README documents, and the decoy costs what a real verification costs. Recomputed here
 * with the JDK's own PBKDF2 from the hash's fields (Jakarta Security's format: {@code algorithm:iterations:salt:key}).
 */
class ShippedPasswordHashesTest {

    @Test
    void eachDemoUsersHashIsThePbkdf2OfTheDocumentedPassword() throws GeneralSecurityException {
        for (var user : DemoUsers.USERS) {
            var hash = StoredHash.parse(user.passwordHash());
            assertArrayEquals(hash.key(), hash.derive(user.password()), user.details().userName());
            assertEquals(Passwords.ITERATIONS, hash.iterations(), user.details().userName() + ": as strong as any user's");
        }
    }

    @Test
    void theDecoyTakesAsLongAsARealVerification() {
        var decoy = StoredHash.parse(Passwords.DECOY_HASH);
        assertEquals("PBKDF2WithHmacSHA256", decoy.algorithm());
        assertEquals(Passwords.ITERATIONS, decoy.iterations());
        assertEquals(32, decoy.key().length);
        assertEquals(32, decoy.salt().length);
    }

    private record StoredHash(String algorithm, int iterations, byte[] salt, byte[] key) {

        static StoredHash parse(String stored) {
            var fields = stored.split(":");
            var base64 = Base64.getDecoder();
            return new StoredHash(fields[0], Integer.parseInt(fields[1]), base64.decode(fields[2]),
                    base64.decode(fields[3]));
        }

        byte[] derive(String password) throws GeneralSecurityException {
            var spec = new PBEKeySpec(password.toCharArray(), salt, iterations, key.length * 8);
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        }
    }
}

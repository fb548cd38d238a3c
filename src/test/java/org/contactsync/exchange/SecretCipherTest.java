package org.contactsync.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import org.contactsync.platform.ApplicationException;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another-key-of-32-bytes-exactly!"
            .getBytes(StandardCharsets.US_ASCII));

    @Test
    void roundTrip() {
        var cipher = SecretCipher.fromBase64(KEY);
        var secret = "Qx8~abc.DEF_ghi-jkl".getBytes(StandardCharsets.UTF_8);
        var sealed = cipher.seal(secret);
        assertFalse(sealed.contains("Qx8~abc"));
        assertArrayEquals(secret, cipher.open(sealed));
        assertArrayEquals(new byte[0], cipher.open(cipher.seal(new byte[0])));
    }

    @Test
    void theWrongKeyFailsCleanly() {
        var sealed = SecretCipher.fromBase64(KEY).seal("secret".getBytes(StandardCharsets.UTF_8));
        var other = SecretCipher.fromBase64(OTHER_KEY);
        var error = assertThrows(SecretCipher.UnreadableSecretException.class, () -> other.open(sealed));
        assertTrue(error.getMessage().contains("Enter the secret again"), error.getMessage());
    }

    @Test
    void alteredOrForeignCiphertextIsRefused() {
        var cipher = SecretCipher.fromBase64(KEY);
        var bytes = Base64.getDecoder().decode(cipher.seal("secret".getBytes(StandardCharsets.UTF_8)));
        bytes[bytes.length - 1] ^= 1;
        var altered = Base64.getEncoder().encodeToString(bytes);
        assertThrows(SecretCipher.UnreadableSecretException.class, () -> cipher.open(altered));
        assertThrows(SecretCipher.UnreadableSecretException.class, () -> cipher.open("not base64 at all!"));
        assertThrows(SecretCipher.UnreadableSecretException.class, () -> cipher.open("AAAA"));
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        var cipher = SecretCipher.fromBase64(KEY);
        var secret = "same secret".getBytes(StandardCharsets.UTF_8);
        var nonces = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var sealed = Base64.getDecoder().decode(cipher.seal(secret));
            nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(sealed, 1, 13)));
        }
        assertEquals(1000, nonces.size());
        assertNotEquals(cipher.seal(secret), cipher.seal(secret));
    }

    @Test
    void aMalformedKeyIsRefusedWithoutShowingIt() {
        var notBase64 = assertThrows(IllegalArgumentException.class, () -> SecretCipher.fromBase64("%%%secret%%%"));
        assertTrue(notBase64.getMessage().contains("not valid Base64"));
        assertFalse(notBase64.getMessage().contains("%%%secret"));
        var tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        var error = assertThrows(IllegalArgumentException.class, () -> SecretCipher.fromBase64(tooShort));
        assertTrue(error.getMessage().contains("256 bits"), error.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SecretProtection(Optional.of(tooShort), true), "refused at start-up, demo or not");
    }

    @Test
    void withoutAKeyProductionRefusesToStoreASecretAndTheDemoUsesItsKey() {
        var production = new SecretProtection(Optional.empty(), false);
        assertFalse(production.canSeal());
        var refusal = assertThrows(ApplicationException.class, () -> production.seal("secret"));
        assertEquals("connection.refused.noSecretKey", refusal.userMessage().key());
        var demo = new SecretProtection(Optional.empty(), true);
        assertEquals("secret", demo.openText(demo.seal("secret")));
        var configured = new SecretProtection(Optional.of(OTHER_KEY), true);
        assertEquals("secret", configured.openText(configured.seal("secret")));
        var sealedWithDemoKey = demo.seal("secret");
        assertThrows(SecretCipher.UnreadableSecretException.class, () -> configured.open(sealedWithDemoKey),
                "a configured key is used even with demo data");
    }
}

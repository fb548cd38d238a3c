package org.contactsync.exchange;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with the JDK's own provider: a fresh random 96-bit nonce per encryption, the 128-bit tag checked on
 * decryption, so a wrong key or a changed ciphertext is detected rather than giving garbage. Sealed format, Base64:
 * one format byte, the nonce, then ciphertext and tag.
 */
public final class SecretCipher {

    static final int KEY_BYTES = 32;
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A cipher for a Base64 key of exactly 256 bits; the message says what is wrong, never the key itself. */
    public static SecretCipher fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("contactsync.secret-key is not valid Base64. Generate a key with: "
                    + "openssl rand -base64 32");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("contactsync.secret-key must be 256 bits (32 bytes, 44 Base64 "
                    + "characters) but is " + key.length + " bytes. Generate a key with: openssl rand -base64 32");
        }
        try {
            return new SecretCipher(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public String seal(byte[] plaintext) {
        var nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            var sealed = cipher.doFinal(plaintext);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(FORMAT).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime has AES/GCM/NoPadding", e);
        }
    }

    /** The plaintext; {@link UnreadableSecretException} when the key is not the one it was sealed with. */
    public byte[] open(String sealed) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException();
        }
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != FORMAT) {
            throw new UnreadableSecretException();
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            return cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime has AES/GCM/NoPadding", e);
        }
    }

    /** A stored secret that cannot be decrypted: it was sealed with another key (or altered). */
    public static class UnreadableSecretException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnreadableSecretException() {
            super("A stored secret cannot be decrypted with the configured contactsync.secret-key: the key was "
                    + "changed since it was saved. Enter the secret again on the Microsoft 365 Connection page.");
        }
    }
}

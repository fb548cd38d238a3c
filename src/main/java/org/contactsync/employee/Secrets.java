package org.contactsync.employee;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * New web service access keys and one-time passwords, and the hash under which an access key is stored.
 *
 * <p>Access keys are 256 random bits, so a single fast SHA-256 is enough to store them: a slow, salted password
 * hash exists to protect guessable, low-entropy secrets, and nobody can guess or brute-force 2^256 values from a
 * stolen hash. A fast hash also keeps every API call cheap (each request carries the key).
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ACCESS_KEY_BYTES = 32;
    /** No look-alike characters (0/O, 1/l/I), as the password is read off a screen and typed. */
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int ONE_TIME_PASSWORD_LENGTH = 16;

    private Secrets() {
    }

    /** 32 random bytes, URL-safe Base64 without padding: 43 characters. */
    public static String newAccessKey() {
        var bytes = new byte[ACCESS_KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hashAccessKey(String accessKey) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(accessKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Compares in constant time, so that response times reveal nothing about the stored hash. */
    public static boolean accessKeyMatches(String presentedKey, String storedHash) {
        return MessageDigest.isEqual(hashAccessKey(presentedKey).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    public static String newOneTimePassword() {
        var password = new StringBuilder(ONE_TIME_PASSWORD_LENGTH);
        for (int i = 0; i < ONE_TIME_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}

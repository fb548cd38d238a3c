package org.contactsync.employee;

/**
 * Passwords without PBKDF2 (its implementation lives in the container): a readable "hash" that only the same
 * password matches, and a count of decoy verifications so tests can see that unknown users cost a verification.
 */
public class FakePasswords extends Passwords {

    public int decoyVerifications;

    @Override
    public String hash(String password) {
        return "fake-hash:" + password;
    }

    @Override
    public boolean matches(String password, String storedHash) {
        return storedHash.equals(hash(password));
    }

    @Override
    public boolean matchesNothing(String password) {
        decoyVerifications++;
        return false;
    }
}

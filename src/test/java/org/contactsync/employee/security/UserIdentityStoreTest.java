package org.contactsync.employee.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.INVALID;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Instant;
import java.util.Set;
import org.contactsync.employee.FakePasswords;
import org.contactsync.employee.Role;
import org.contactsync.employee.Secrets;
import org.contactsync.employee.User;
import org.contactsync.employee.UserDetails;
import org.contactsync.employee.UserRepository;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Passwords for pages, access keys for the API; disabled and unknown users look like wrong secrets. */
class UserIdentityStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private TestDatabase db;
    private final FakePasswords passwords = new FakePasswords();

    @BeforeEach
    void users() {
        db = TestDatabase.fresh(DatabaseKind.H2);
        db.runInTransaction(em -> {
            var users = new UserRepository(em);
            users.add(user("alice", true, Role.EMPLOYEE));
            users.add(user("admin", true, Role.ADMIN, Role.EMPLOYEE));
            users.add(user("carl", false, Role.EMPLOYEE));
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theRightPasswordSignsInWithTheUsersRolesAsGroups() {
        var result = validate(new UsernamePasswordCredential("Admin", "admin-password"));

        assertEquals(VALID, result.getStatus());
        assertEquals("admin", result.getCallerPrincipal().getName());
        assertEquals(Set.of("admin", "employee"), result.getCallerGroups());
    }

    @Test
    void wrongPasswordsUnknownAndDisabledUsersAreAllJustInvalid() {
        assertEquals(INVALID, validate(new UsernamePasswordCredential("alice", "admin-password")).getStatus());
        assertEquals(INVALID, validate(new UsernamePasswordCredential("nobody", "alice-password")).getStatus());
        assertEquals(INVALID, validate(new UsernamePasswordCredential("carl", "carl-password")).getStatus());
    }

    @Test
    void anUnknownUserCostsAVerificationToo() {
        validate(new UsernamePasswordCredential("nobody", "whatever"));

        assertEquals(1, passwords.decoyVerifications);
    }

    @Test
    void theApiTakesTheAccessKeyAndNotThePassword() {
        assertEquals(VALID, validate(new AccessKeyCredential("alice", "alice-key")).getStatus());
        assertEquals(INVALID, validate(new AccessKeyCredential("alice", "alice-password")).getStatus());
        assertEquals(INVALID, validate(new AccessKeyCredential("alice", "admin-key")).getStatus());
        assertEquals(INVALID, validate(new AccessKeyCredential("carl", "carl-key")).getStatus(), "disabled");
        assertEquals(INVALID, validate(new AccessKeyCredential("nobody", "alice-key")).getStatus());
        assertEquals(INVALID, validate(new UsernamePasswordCredential("alice", "alice-key")).getStatus(),
                "the key is no password");
    }

    private CredentialValidationResult validate(jakarta.security.enterprise.credential.Credential credential) {
        return db.inTransaction(em -> {
            var store = new UserIdentityStore();
            store.users = new UserRepository(em);
            store.passwords = passwords;
            return store.validate(credential);
        });
    }

    private User user(String name, boolean enabled, Role... roles) {
        var user = new User(new UserDetails(name, name, "", enabled, Set.of(roles)),
                passwords.hash(name + "-password"), false, NOW, "test");
        user.changeWebServiceKey(Secrets.hashAccessKey(name + "-key"), NOW, "test");
        return user;
    }
}

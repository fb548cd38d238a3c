package org.contactsync.employee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Users in the V1 schema, on H2 and on PostgreSQL. */
class UserRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:15:30.123456Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void storesAndFindsAUserInAnyCase(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            db.runInTransaction(em -> {
                var alice = user("Alice", "Alice@Contoso.example", Role.EMPLOYEE);
                alice.changeWebServiceKey(Secrets.hashAccessKey("key"), NOW, "admin");
                new UserRepository(em).add(alice);
            });

            var found = db.inTransaction(em -> new UserRepository(em).findByUserName(" ALICE ")).orElseThrow();

            assertEquals("alice", found.getUserName());
            assertEquals("Alice Andersson", found.getFullName());
            assertEquals("alice@contoso.example", found.authenticationEmail().orElseThrow());
            assertEquals(Set.of(Role.EMPLOYEE), found.getRoles());
            assertTrue(found.isEnabled());
            assertTrue(Secrets.accessKeyMatches("key", found.webServiceKeyHash().orElseThrow()));
            assertEquals(NOW, found.webServiceKeyChanged().orElseThrow());
            assertEquals(NOW, found.created().at());
            assertEquals("admin", found.modified().by());
            assertTrue(db.inTransaction(em -> new UserRepository(em)
                    .findByAuthenticationEmail("ALICE@contoso.example")).isPresent());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void userNamesAreUniqueWhateverTheCase(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            db.runInTransaction(em -> new UserRepository(em).add(user("alice", "", Role.EMPLOYEE)));

            assertThrows(PersistenceException.class, () -> db.runInTransaction(em -> {
                new UserRepository(em).add(user("ALICE", "", Role.EMPLOYEE));
                em.flush();
            }));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void manyUsersMayHaveNoEmailButAnEmailBelongsToOneUser(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            db.runInTransaction(em -> {
                var users = new UserRepository(em);
                users.add(user("alice", "", Role.EMPLOYEE));
                users.add(user("bob", "", Role.EMPLOYEE));
                users.add(user("carol", "shared@contoso.example", Role.EMPLOYEE));
            });

            assertThrows(PersistenceException.class, () -> db.runInTransaction(em -> {
                new UserRepository(em).add(user("dave", "Shared@contoso.example", Role.EMPLOYEE));
                em.flush();
            }));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void countsEnabledAdminsAndListsByName(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            db.runInTransaction(em -> {
                var users = new UserRepository(em);
                users.add(user("zed", "", Role.ADMIN, Role.EMPLOYEE));
                users.add(user("admin", "", Role.ADMIN));
                var disabled = user("old-admin", "", Role.ADMIN);
                disabled.apply(new UserDetails("old-admin", "", "", false, Set.of(Role.ADMIN)), NOW, "admin");
                users.add(disabled);
                users.add(user("alice", "", Role.EMPLOYEE));
            });

            db.runInTransaction(em -> {
                var users = new UserRepository(em);
                assertEquals(2, users.countEnabledAdmins());
                assertEquals(4, users.count());
                assertEquals(List.of("admin", "alice", "old-admin", "zed"),
                        users.listByUserName().stream().map(User::getUserName).toList());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rolesAndPasswordChangesAreSavedAndVersioned(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            db.runInTransaction(em -> new UserRepository(em).add(user("bob", "", Role.EMPLOYEE)));
            long versionBefore = db.inTransaction(em -> new UserRepository(em).findByUserName("bob").orElseThrow()
                    .getVersion());

            db.runInTransaction(em -> {
                var bob = new UserRepository(em).findByUserName("bob").orElseThrow();
                bob.apply(new UserDetails("bob", "Bob Berg", "", true, Set.of(Role.ADMIN, Role.EMPLOYEE)), NOW, "admin");
                bob.changePassword("new-hash", true, NOW, "admin");
            });

            db.runInTransaction(em -> {
                var users = new UserRepository(em);
                var bob = users.findByUserName("bob").orElseThrow();
                assertEquals(Set.of(Role.ADMIN, Role.EMPLOYEE), bob.getRoles());
                assertEquals("new-hash", bob.getPasswordHash());
                assertTrue(bob.getVersion() > versionBefore);
                assertTrue(users.signInState("BOB").orElseThrow().mustChangePassword());
                assertFalse(users.signInState("nobody").isPresent());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deletingAUserDeletesTheirRoles(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            db.runInTransaction(em -> new UserRepository(em).add(user("bob", "", Role.EMPLOYEE, Role.ADMIN)));

            db.runInTransaction(em -> {
                var users = new UserRepository(em);
                users.remove(users.findByUserName("bob").orElseThrow());
            });

            long roles = db.inTransaction(em -> (Long) em.createNativeQuery("select count(*) from app_user_role")
                    .getSingleResult());
            assertEquals(0, roles);
        }
    }

    private static User user(String userName, String email, Role... roles) {
        var fullName = userName.equalsIgnoreCase("alice") ? "Alice Andersson" : userName;
        return new User(new UserDetails(userName, fullName, email, true, Set.of(roles)), "hash", false, NOW, "admin");
    }
}

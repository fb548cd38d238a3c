package org.contactsync.employee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.contactsync.employee.security.InMemorySignInAttempts;
import org.contactsync.employee.security.SignInThrottle;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;
import org.contactsync.testsupport.BeanValidation;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.RecordingEvent;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user service on a real (H2) database: the rules hold in the service itself, whatever a page hides, and a
 * refused change leaves the data as it was.
 */
class UserServiceTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN));
    private static final Caller ALICE = new Caller("alice", Set.of(Role.EMPLOYEE));
    /** The sign-in lockout the services of one test share (its counts in memory: its rules are under test here). */
    private static SignInThrottle throttle;
    /** The e-mail changes the service announced, in order. */
    private static final List<AuthenticationEmailChanged> EMAIL_CHANGES = new java.util.ArrayList<>();

    @BeforeEach
    void freshLockout() {
        throttle = new SignInThrottle(Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC),
                new InMemorySignInAttempts(), 5, 15);
    }

    @Test
    void theSameCreateSentTwiceAtOnceCreatesOneUserAndAnswersTheOtherWithAConflict() {
        try (var db = seeded()) {
            in(db, s -> s.create(ADMIN, details("carol", "carol@contoso.example", Role.EMPLOYEE),
                    UserService.InitialPassword.NONE));

            // The second request checked for carol before the first one committed, so it did not see her.
            var refused = assertThrows(ApplicationException.class, () -> db.runInTransaction(em -> {
                var service = service(em);
                service.users = new UserRepository(em) {
                    @Override
                    public Optional<User> findByUserName(String userName) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<User> findByAuthenticationEmail(String email) {
                        return Optional.empty();
                    }
                };
                service.create(ADMIN, details("carol", "carol@contoso.example", Role.EMPLOYEE),
                        UserService.InitialPassword.NONE);
            }));

            assertEquals(Kind.CONFLICT, refused.kind());
            assertEquals(List.of("userName"), fields(refused));
            assertEquals(1, in(db, s -> s.list(ADMIN)).stream().filter(u -> u.getUserName().equals("carol")).count());
        }
    }

    @Test
    void anAdminCreatesAUserWithAOneTimePassword() {
        try (var db = seeded()) {
            var issued = in(db, s -> s.create(ADMIN, details("carol", "carol@contoso.example", Role.EMPLOYEE),
                    UserService.InitialPassword.ONE_TIME));

            var carol = in(db, s -> s.find("carol")).orElseThrow();
            assertTrue(carol.isChangePassword(), "a one-time password must be changed at first sign-in");
            assertTrue(carol.hasPassword());
            assertEquals("fake-hash:" + issued.oneTimePassword().orElseThrow(), carol.getPasswordHash());
            assertEquals("admin", carol.created().by());
            assertTrue(mustChange(db, "carol"));
        }
    }

    @Test
    void aUserCreatedWithoutAPasswordCannotSignInUntilAnAdminResetsIt() {
        try (var db = seeded()) {
            var issued = in(db, s -> s.create(ADMIN, details("carol", "carol@contoso.example", Role.EMPLOYEE),
                    UserService.InitialPassword.NONE));

            assertTrue(issued.oneTimePassword().isEmpty());
            var carol = in(db, s -> s.find("carol")).orElseThrow();
            assertFalse(carol.hasPassword());
            assertFalse(carol.isChangePassword(), "nothing to change");
            var reset = in(db, s -> s.resetPassword(ADMIN, "carol"));
            var afterReset = in(db, s -> s.find("carol")).orElseThrow();
            assertTrue(afterReset.hasPassword());
            assertEquals("fake-hash:" + reset, afterReset.getPasswordHash());
        }
    }

    @Test
    void duplicateNamesAndEmailsAreConflictsOnTheirFields() {
        try (var db = seeded()) {
            var sameName = assertThrows(ApplicationException.class, () -> in(db, s -> s.create(ADMIN,
                    details("ALICE", "", Role.EMPLOYEE), UserService.InitialPassword.NONE)));
            var sameEmail = assertThrows(ApplicationException.class, () -> in(db, s -> s.create(ADMIN,
                    details("carol", "Bob@contoso.example", Role.EMPLOYEE), UserService.InitialPassword.NONE)));

            assertEquals(List.of("userName"), fields(sameName));
            assertEquals(List.of("authenticationEmail"), fields(sameEmail));
            assertEquals(Kind.CONFLICT, sameName.kind(), "a repeated create answers 409, not 400");
            assertEquals(Kind.CONFLICT, sameEmail.kind());
            assertEquals(3, in(db, s -> s.list(ADMIN)).size(), "nothing was added");
        }
    }

    @Test
    void anEmployeeEditsTheirOwnCardButNotTheirRoles() {
        try (var db = seeded()) {
            long version = in(db, s -> s.card(ALICE, "alice")).getVersion();
            in(db, s -> s.update(ALICE, new UserDetails("alice", "Alice B. Andersson", "alice@contoso.example",
                    true, Set.of(Role.EMPLOYEE)), version));
            assertEquals("Alice B. Andersson", in(db, s -> s.card(ALICE, "alice")).getFullName());

            long newVersion = in(db, s -> s.card(ALICE, "alice")).getVersion();
            var refusal = assertThrows(ApplicationException.class, () -> in(db, s -> s.update(ALICE,
                    new UserDetails("alice", "Alice", "", true, Set.of(Role.EMPLOYEE, Role.ADMIN)), newVersion)));
            assertEquals(Kind.FORBIDDEN, refusal.kind());
            assertEquals(Set.of(Role.EMPLOYEE), in(db, s -> s.card(ALICE, "alice")).getRoles());
        }
    }

    @Test
    void anEmployeeCannotPointTheirSyncAtAnotherMailbox() {
        try (var db = seeded()) {
            long version = in(db, s -> s.card(ALICE, "alice")).getVersion();
            EMAIL_CHANGES.clear();

            var refusal = assertThrows(ApplicationException.class, () -> in(db, s -> s.update(ALICE,
                    new UserDetails("alice", "ALICE", "ceo@contoso.example", true, Set.of(Role.EMPLOYEE)), version)));

            assertEquals(Kind.FORBIDDEN, refusal.kind());
            assertEquals(Optional.of("alice@contoso.example"), in(db, s -> s.card(ALICE, "alice")).authenticationEmail());
            assertEquals(List.of(), EMAIL_CHANGES, "nothing to reset");
        }
    }

    @Test
    void anAdminChangesAMicrosoft365EmailAndTheSyncStateIsToldInTheSameTransaction() {
        try (var db = seeded()) {
            long version = in(db, s -> s.card(ADMIN, "bob")).getVersion();
            EMAIL_CHANGES.clear();

            in(db, s -> s.update(ADMIN, new UserDetails("bob", "BOB", "Robert@Contoso.example", true,
                    Set.of(Role.EMPLOYEE)), version));

            assertEquals(Optional.of("robert@contoso.example"), in(db, s -> s.card(ADMIN, "bob")).authenticationEmail());
            assertEquals(List.of(new AuthenticationEmailChanged("bob", Optional.of("bob@contoso.example"),
                    Optional.of("robert@contoso.example"), "admin")), EMAIL_CHANGES);

            long newVersion = in(db, s -> s.card(ADMIN, "bob")).getVersion();
            in(db, s -> s.update(ADMIN, new UserDetails("bob", "Bob Berg", "ROBERT@contoso.example", true,
                    Set.of(Role.EMPLOYEE)), newVersion));
            assertEquals(1, EMAIL_CHANGES.size(), "the same address in other letters is no change");
        }
    }

    @Test
    void anEmployeeCannotReadOrChangeAnotherUser() {
        try (var db = seeded()) {
            for (Function<UserService, ?> attempt : List.<Function<UserService, ?>>of(
                    s -> s.card(ALICE, "bob"),
                    s -> s.changeWebServiceKey(ALICE, "bob"),
                    s -> s.resetPassword(ALICE, "bob"),
                    s -> s.list(ALICE))) {
                assertEquals(Kind.FORBIDDEN, assertThrows(ApplicationException.class, () -> in(db, attempt)).kind());
            }
        }
    }

    @Test
    void theLastAdminCannotBeRemoved() {
        try (var db = seeded()) {
            long version = in(db, s -> s.card(ADMIN, "admin")).getVersion();
            assertThrows(ApplicationException.class, () -> in(db, s -> s.update(ADMIN,
                    new UserDetails("admin", "Admin", "admin@contoso.example", true, Set.of(Role.EMPLOYEE)), version)));
            assertThrows(ApplicationException.class, () -> in(db, s -> {
                s.delete(ADMIN, "admin");
                return null;
            }));

            // bob still has the admin role in an old session, but no longer in the database: admin must stay.
            var bobWithStaleAdminSession = new Caller("bob", Set.of(Role.ADMIN));
            var demoteAdmin = new UserDetails("admin", "Admin", "admin@contoso.example", true, Set.of(Role.EMPLOYEE));
            var lastAdmin = assertThrows(ApplicationException.class,
                    () -> in(db, s -> s.update(bobWithStaleAdminSession, demoteAdmin, version)));
            assertEquals("At least one enabled administrator must remain.", lastAdmin.userMessage().in(Locale.ENGLISH));
            assertEquals(Set.of(Role.ADMIN), in(db, s -> s.card(ADMIN, "admin")).getRoles(), "rolled back");

            // Once bob really is an admin, he may take the role from the first one: someone still manages users.
            long bobVersion = in(db, s -> s.card(ADMIN, "bob")).getVersion();
            in(db, s -> s.update(ADMIN, new UserDetails("bob", "Bob", "bob@contoso.example", true,
                    Set.of(Role.ADMIN)), bobVersion));
            in(db, s -> s.update(bobWithStaleAdminSession, demoteAdmin, version));
            assertEquals(Set.of(Role.EMPLOYEE), in(db, s -> s.card(ADMIN, "admin")).getRoles());
        }
    }

    @Test
    void aConcurrentEditIsReportedNotOverwritten() {
        try (var db = seeded()) {
            long version = in(db, s -> s.card(ADMIN, "bob")).getVersion();
            in(db, s -> s.update(ADMIN, new UserDetails("bob", "Robert Berg", "", true, Set.of(Role.EMPLOYEE)),
                    version));

            var refusal = assertThrows(ApplicationException.class, () -> in(db, s -> s.update(ADMIN,
                    new UserDetails("bob", "Bobby", "", true, Set.of(Role.EMPLOYEE)), version)));

            assertEquals(Kind.CONFLICT, refusal.kind());
            assertEquals("Robert Berg", in(db, s -> s.card(ADMIN, "bob")).getFullName());
        }
    }

    @Test
    void aNewWebServiceKeyReplacesTheOldOne() {
        try (var db = seeded()) {
            var key = in(db, s -> s.changeWebServiceKey(ALICE, "alice"));
            var hash = in(db, s -> s.card(ALICE, "alice")).webServiceKeyHash().orElseThrow();

            assertTrue(key.length() >= 32);
            assertNotEquals(key, hash, "only the hash is stored");
            assertTrue(Secrets.accessKeyMatches(key, hash));
            assertFalse(Secrets.accessKeyMatches("alice-key", hash), "the old key no longer works");
        }
    }

    @Test
    void passwordChangesFollowTheRules() {
        try (var db = seeded()) {
            var reset = in(db, s -> s.resetPassword(ADMIN, "alice"));
            assertTrue(mustChange(db, "alice"));

            var wrongCurrent = assertThrows(ApplicationException.class,
                    () -> run(db, s -> s.changeOwnPassword(ALICE, "guess", "a good new password", "a good new password")));
            assertEquals(List.of("currentPassword"), fields(wrongCurrent));
            var tooShort = assertThrows(ApplicationException.class,
                    () -> run(db, s -> s.changeOwnPassword(ALICE, reset, "short", "short")));
            assertEquals(List.of("newPassword"), fields(tooShort));
            assertTrue(mustChange(db, "alice"), "refused changes change nothing");

            run(db, s -> s.changeOwnPassword(ALICE, reset, "a good new password", "a good new password"));

            assertFalse(mustChange(db, "alice"));
            assertEquals("fake-hash:a good new password", in(db, s -> s.card(ALICE, "alice")).getPasswordHash());
        }
    }

    @Test
    void wrongCurrentPasswordsOnTheChangeFormCountTowardTheLockout() {
        try (var db = seeded()) {
            for (int i = 1; i <= 4; i++) {
                int attempt = i;
                var wrong = assertThrows(ApplicationException.class, () -> run(db, s ->
                        s.changeOwnPassword(ALICE, "guess-" + attempt, "a good new password", "a good new password")));
                assertEquals("The current password is incorrect.", message(wrong));
            }
            var fifth = assertThrows(ApplicationException.class, () -> run(db, s ->
                    s.changeOwnPassword(ALICE, "guess-5", "a good new password", "a good new password")));
            assertEquals("Too many failed sign-in attempts. Try again in 15 minutes.", message(fifth));
            assertTrue(throttle.isLocked("alice"), "the login page is locked too");

            var rightButLocked = assertThrows(ApplicationException.class, () -> run(db, s ->
                    s.changeOwnPassword(ALICE, "alice-password", "a good new password", "a good new password")));
            assertEquals(List.of("currentPassword"), fields(rightButLocked));
            assertEquals("fake-hash:alice-password", in(db, s -> s.card(ALICE, "alice")).getPasswordHash(),
                    "no password is checked, nor changed, while locked");
        }
    }

    @Test
    void theNewPasswordMustDifferFromTheCurrentOneAndFollowTheRules() {
        try (var db = seeded()) {
            run(db, s -> s.changeOwnPassword(ALICE, "alice-password", "alice's first password", "alice's first password"));

            var same = assertThrows(ApplicationException.class, () -> run(db, s -> s.changeOwnPassword(ALICE,
                    "alice's first password", "alice's first password", "alice's first password")));
            assertEquals("The new password must differ from the current one.", message(same));
            for (var weak : List.of("password123", "          ", "aaaaaaaaaaaa", "alice", "twelve chars\u0000")) {
                var refusal = assertThrows(ApplicationException.class, () -> run(db, s ->
                        s.changeOwnPassword(ALICE, "alice's first password", weak, weak)), weak);
                assertEquals(List.of("newPassword"), fields(refusal), weak);
            }
            assertEquals("fake-hash:alice's first password", in(db, s -> s.card(ALICE, "alice")).getPasswordHash());
        }
    }

    @Test
    void aPasswordChangeOrResetStartsANewSessionGeneration() {
        try (var db = seeded()) {
            long before = generation(db, "alice").orElseThrow();

            long afterChange = in(db, s -> s.changeOwnPassword(ALICE, "alice-password", "alice's new password",
                    "alice's new password"));
            assertEquals(before + 1, afterChange);
            assertEquals(Optional.of(afterChange), generation(db, "ALICE"));

            in(db, s -> s.resetPassword(ADMIN, "alice"));
            assertEquals(Optional.of(afterChange + 1), generation(db, "alice"));

            long bobVersion = in(db, s -> s.card(ADMIN, "bob")).getVersion();
            in(db, s -> s.update(ADMIN, new UserDetails("bob", "BOB", "bob@contoso.example", false,
                    Set.of(Role.EMPLOYEE)), bobVersion));
            assertEquals(Optional.empty(), generation(db, "bob"), "a disabled user has no session");
            assertEquals(Optional.empty(), generation(db, "nobody"));
        }
    }

    @Test
    void theFirstAdminIsCreatedOnlyOnAnEmptyDatabase() {
        try (var db = TestDatabase.fresh(DatabaseKind.H2)) {
            var generated = in(db, s -> s.createFirstAdmin(Optional.empty())).orElseThrow();
            var admin = in(db, s -> s.find("admin")).orElseThrow();
            assertEquals("fake-hash:" + generated, admin.getPasswordHash());
            assertTrue(admin.isChangePassword());
            assertEquals(Set.of(Role.ADMIN), admin.getRoles());

            assertTrue(in(db, s -> s.createFirstAdmin(Optional.of("configured-secret"))).isEmpty());
            assertEquals(admin.getPasswordHash(), in(db, s -> s.find("admin")).orElseThrow().getPasswordHash(),
                    "a second start changes nothing");
        }
        try (var db = TestDatabase.fresh(DatabaseKind.H2)) {
            assertTrue(in(db, s -> s.createFirstAdmin(Optional.of("configured-secret"))).isEmpty(),
                    "a configured password is not printed");
            var admin = in(db, s -> s.find("admin")).orElseThrow();
            assertEquals("fake-hash:configured-secret", admin.getPasswordHash());
            assertTrue(admin.isChangePassword(), "a configured initial password must be changed at the first sign-in");
        }
    }

    @Test
    void demoUsersAreAddedOnceWithTheirKeys() {
        try (var db = TestDatabase.fresh(DatabaseKind.H2)) {
            for (int start = 0; start < 2; start++) {
                DemoUsers.USERS.forEach(u -> in(db, s -> s.addIfMissing(u.details(), u.passwordHash(), u.accessKey())));
            }
            var users = in(db, s -> s.list(ADMIN));
            assertEquals(List.of("admin", "alice", "bob"), users.stream().map(User::getUserName).toList());
            var alice = users.get(1);
            assertFalse(alice.isChangePassword());
            assertEquals(demoUser("alice").passwordHash(), alice.getPasswordHash(), "stored as shipped, not hashed again");
            assertTrue(Secrets.accessKeyMatches("alice-ws-key-demo-000000000000000", alice.webServiceKeyHash().orElseThrow()));
        }
    }

    private static DemoUsers.DemoUser demoUser(String userName) {
        return DemoUsers.USERS.stream().filter(u -> u.details().userName().equals(userName)).findFirst().orElseThrow();
    }

    /** admin (admin), alice and bob (employees), with passwords "<name>-password" and access keys "<name>-key". */
    private static TestDatabase seeded() {
        var db = TestDatabase.fresh(DatabaseKind.H2);
        for (var name : List.of("admin", "alice", "bob")) {
            var role = name.equals("admin") ? Role.ADMIN : Role.EMPLOYEE;
            in(db, s -> s.addIfMissing(details(name, name + "@contoso.example", role),
                    new FakePasswords().hash(name + "-password"), name + "-key"));
        }
        return db;
    }

    private static UserDetails details(String userName, String email, Role... roles) {
        return new UserDetails(userName, userName.toUpperCase(Locale.ROOT), email, true, Set.of(roles));
    }

    /** Runs one service call in its own transaction, as the container would. */
    private static <T> T in(TestDatabase db, Function<UserService, T> call) {
        return db.inTransaction(em -> call.apply(service(em)));
    }

    private static void run(TestDatabase db, java.util.function.Consumer<UserService> call) {
        db.runInTransaction(em -> call.accept(service(em)));
    }

    private static UserService service(EntityManager em) {
        var service = new UserService();
        service.users = new UserRepository(em);
        service.passwords = new FakePasswords();
        service.validator = BeanValidation.validator();
        service.clock = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
        service.emailChanges = new RecordingEvent<>(EMAIL_CHANGES);
        service.throttle = throttle;
        return service;
    }

    private static Optional<Long> generation(TestDatabase db, String userName) {
        return db.inTransaction(em -> service(em).signInState(userName)).map(SignInState::sessionGeneration);
    }

    private static boolean mustChange(TestDatabase db, String userName) {
        return db.inTransaction(em -> service(em).mustChangePassword(userName));
    }

    private static String message(ApplicationException refusal) {
        return refusal.fieldProblems().get(0).message().in(Locale.ENGLISH);
    }

    private static List<String> fields(ApplicationException refusal) {
        return refusal.fieldProblems().stream().map(FieldProblem::field).toList();
    }
}

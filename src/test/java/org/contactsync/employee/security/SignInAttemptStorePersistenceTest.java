package org.contactsync.employee.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lockout's counts in the database, on H2 and PostgreSQL: servers sharing the database share the lockout, and
 * the nightly purge forgets only names whose window has passed.
 */
class SignInAttemptStorePersistenceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    /** One server's lockout on the shared database: each call its own transaction, as the container does it. */
    private static SignInThrottle server(TestDatabase db, Instant now) {
        return new SignInThrottle(Clock.fixed(now, ZoneOffset.UTC), new TransactionPerCall(db), 5, 15);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void failuresOnTwoServersAddUpAndTheNameIsLockedOnBoth(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var a = server(db, NOW);
            var b = server(db, NOW);
            for (int i = 0; i < 3; i++) {
                a.failed("Alice");
            }
            b.failed("alice ");
            assertFalse(a.isLocked("alice"), "four failures are not enough");

            b.failed("ALICE");

            assertEquals(Optional.of(Duration.ofMinutes(15)), a.lockedFor("alice"));
            assertTrue(b.isLocked("alice"));
            assertFalse(a.isLocked("bob"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSuccessfulSignInOnOneServerForgetsTheFailuresCountedOnAnother(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var a = server(db, NOW);
            for (int i = 0; i < 4; i++) {
                a.failed("alice");
            }

            server(db, NOW).succeeded("alice");
            a.failed("alice");

            assertFalse(a.isLocked("alice"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theNightlyPurgeForgetsOnlyNamesWhoseWindowHasPassed(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            for (int i = 0; i < 5; i++) {
                server(db, NOW).failed("locked-long-ago");
            }
            var later = NOW.plus(Duration.ofMinutes(20));
            for (int i = 0; i < 5; i++) {
                server(db, later).failed("locked-now");
            }
            server(db, later).failed("failed-once-now");

            int purged = inTransaction(db, store -> store.purgeBefore(later.minus(store.retention())));

            assertEquals(1, purged);
            assertTrue(server(db, later).isLocked("locked-now"));
            assertEquals(1L, (long) inTransaction(db, store -> store.find("failed-once-now")
                    .map(SignInAttempts.Attempts::failures).orElseThrow()));
            assertEquals(Optional.empty(), inTransaction(db, store -> store.find("locked-long-ago")));
        }
    }

    private static <T> T inTransaction(TestDatabase db, Function<SignInAttemptStore, T> call) {
        return db.inTransaction(em -> {
            var store = new SignInAttemptStore();
            store.repository = new SignInAttemptRepository(em);
            store.lockoutMinutes = 15;
            return call.apply(store);
        });
    }

    /** {@link SignInAttemptStore} with a transaction per call, as its {@code REQUIRES_NEW} has it in the server. */
    private record TransactionPerCall(TestDatabase db) implements SignInAttempts {

        @Override
        public Optional<Attempts> find(String key) {
            return inTransaction(db, store -> store.find(key));
        }

        @Override
        public void change(String key, Function<Optional<Attempts>, Attempts> change) {
            inTransaction(db, store -> {
                store.change(key, change);
                return null;
            });
        }

        @Override
        public void forget(String key) {
            inTransaction(db, store -> {
                store.forget(key);
                return null;
            });
        }

        @Override
        public long count() {
            return inTransaction(db, SignInAttemptStore::count);
        }

        @Override
        public int forgetWindowsStartedBefore(Instant windowStartedBefore) {
            return inTransaction(db, store -> store.forgetWindowsStartedBefore(windowStartedBefore));
        }
    }
}

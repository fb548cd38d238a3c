package org.contactsync.jobqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.LockModeType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.contactsync.jobqueue.JobQueueRepository.Candidate;
import org.contactsync.jobqueue.JobQueueRepository.Claimed;
import org.contactsync.platform.LocalizedMessage;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.Poll;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Entries, claims, leases and the log on H2 and PostgreSQL: the default entry, one winner of two servers claiming
 * the same due entry at once, a stopped server's run recovered once its lease expired (and the log saying so), the
 * status after a run, and the purge.
 */
class JobQueuePersistenceTest {

    /** A stored log text as an English reader sees it. */
    private static String english(String stored) {
        return LocalizedMessage.read(stored, Locale.ENGLISH);
    }

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final RunTimes TIMES = new RunTimes(ZoneOffset.UTC, Duration.ofMinutes(1));

    private static JobQueueEntrySettings every(int minutes, int maxAttempts) {
        var settings = new JobQueueEntrySettings();
        settings.setDescription("Test entry");
        settings.setObjectId(6700);
        settings.setRecurring(true);
        settings.setDays(EnumSet.allOf(DayOfWeek.class));
        settings.setMinutesBetweenRuns(minutes);
        settings.setMaxAttempts(maxAttempts);
        settings.setRerunDelaySeconds(30);
        return settings;
    }

    /** A new entry, set Ready at {@code NOW}: due at once. */
    private static long readyEntry(TestDatabase db, JobQueueEntrySettings settings) {
        return db.inTransaction(em -> {
            var entry = new JobQueueEntry(settings, ZoneOffset.UTC, "admin", NOW);
            new JobQueueRepository(em).add(entry);
            entry.setReady("admin", NOW, TIMES);
            return entry.getId();
        });
    }

    private static List<Candidate> claimable(TestDatabase db, Instant at) {
        return db.inTransaction(em -> new JobQueueRepository(em).claimable(at, 20));
    }

    private static Optional<Claimed> claim(TestDatabase db, Candidate candidate, String server, Instant at) {
        return db.inTransaction(em -> new JobQueueRepository(em).claim(candidate, server, at, LEASE));
    }

    private static JobQueueEntry entry(TestDatabase db, long id) {
        return db.inTransaction(em -> new JobQueueRepository(em).entry(id)).orElseThrow();
    }

    private static List<Long> entriesRunning6700(TestDatabase db, JobQueueStatus status) {
        return db.inTransaction(em -> new JobQueueRepository(em).entriesRunning(ObjectType.CODEUNIT, 6700, status))
                .stream().map(JobQueueEntry::getId).toList();
    }

    private static void finish(TestDatabase db, Claimed claimed, String server, JobResult result, Instant at) {
        db.runInTransaction(em -> new JobQueueRepository(em).finish(claimed, server, result, at, TIMES));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theFirstStartHasBusinessCentralsDefaultEntryOnHoldAndNewEntriesGetIdsOfTheirOwn(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var defaults = entry(db, 1);
            assertEquals(ObjectType.CODEUNIT, defaults.getObjectType());
            assertEquals(6700, defaults.getObjectId());
            assertEquals(JobQueueStatus.ON_HOLD, defaults.getStatus());
            assertTrue(defaults.isRecurring());
            assertEquals(1440, defaults.getMinutesBetweenRuns());
            assertEquals(EnumSet.allOf(DayOfWeek.class), defaults.recurrence().days());
            assertEquals(Optional.empty(), defaults.nextRunAt(), "On Hold: not scheduled");
            assertTrue(claimable(db, NOW.plus(Duration.ofDays(400))).isEmpty(), "On Hold is never claimed");

            long id = readyEntry(db, every(60, 3));
            assertNotEquals(1L, id);
            assertEquals(Optional.of(NOW), entry(db, id).nextRunAt());
        }
    }

    /**
     * Set On Hold pressed while a server splits the entry's run (the split raises the entry's version under a lock):
     * the administrator's read waits for the split and then changes the entry as it is, instead of failing at commit
     * on the version it read before (a 500 seen in JobQueueTwoNodesIT).
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAdministratorsChangeWaitsForTheSchedulersLockInsteadOfCollidingWithIt(DatabaseKind kind) throws Exception {
        try (var db = TestDatabase.fresh(kind)) {
            long id = readyEntry(db, every(60, 3));
            long versionBefore = entry(db, id).getVersion();
            var splitHoldsTheLock = new CountDownLatch(1);
            var administratorStarted = new CountDownLatch(1);
            ExecutorService servers = Executors.newFixedThreadPool(2);
            try {
                Future<?> split = servers.submit(() -> db.inTransaction(em -> {
                    em.find(JobQueueEntry.class, id, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
                    splitHoldsTheLock.countDown();
                    awaitUninterruptibly(administratorStarted);
                    Poll.pause(Duration.ofMillis(500));
                    return null;
                }));
                awaitUninterruptibly(splitHoldsTheLock);
                Future<JobQueueEntry> onHold = servers.submit(() -> db.inTransaction(em -> {
                    administratorStarted.countDown();
                    var repository = new JobQueueRepository(em);
                    JobQueueEntry entry = repository.lockedEntry(id).orElseThrow();
                    entry.setOnHold("admin", NOW);
                    repository.flush();
                    return entry;
                }));
                split.get();
                onHold.get();
            } finally {
                servers.shutdownNow();
            }
            var entry = entry(db, id);
            assertEquals(JobQueueStatus.ON_HOLD, entry.getStatus());
            assertEquals(versionBefore + 2, entry.getVersion(), "the split's change and then the administrator's");
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void ofTwoServersClaimingTheSameDueEntryAtOnceExactlyOneGetsIt(DatabaseKind kind) throws Exception {
        try (var db = TestDatabase.fresh(kind)) {
            long id = readyEntry(db, every(60, 3));
            assertTrue(claimable(db, NOW.minusSeconds(1)).isEmpty(), "not due before its next run");
            var seenByA = claimable(db, NOW).get(0);
            var seenByB = claimable(db, NOW).get(0);
            var start = new CountDownLatch(1);
            ExecutorService servers = Executors.newFixedThreadPool(2);
            try {
                Future<Optional<Claimed>> a = servers.submit(() -> {
                    start.await();
                    return claim(db, seenByA, "server-a", NOW);
                });
                Future<Optional<Claimed>> b = servers.submit(() -> {
                    start.await();
                    return claim(db, seenByB, "server-b", NOW);
                });
                start.countDown();
                var winners = List.of(a.get(), b.get()).stream().flatMap(Optional::stream).toList();
                assertEquals(1, winners.size(), "exactly one server claims the run");
                var entry = entry(db, id);
                assertEquals(JobQueueStatus.IN_PROCESS, entry.getStatus());
                assertEquals(1, entry.getAttempts());
                assertEquals(Optional.of(NOW.plus(LEASE)), entry.leaseExpiresAt());
                assertEquals(List.of(id), entriesRunning6700(db, JobQueueStatus.IN_PROCESS),
                        "Contact Sync Setup sees the run in process");
                assertEquals(List.of(), entriesRunning6700(db, JobQueueStatus.READY));
                String winner = entry.leaseOwner().orElseThrow();
                assertTrue(winner.equals("server-a") || winner.equals("server-b"));
                var log = db.inTransaction(em -> new JobQueueRepository(em).logEntries(Optional.of(id), 10));
                assertEquals(1, log.size(), "one log entry: one run");
                assertEquals(JobRunStatus.IN_PROCESS, log.get(0).getStatus());
                assertEquals(winner, log.get(0).getServer());
                assertEquals(Optional.of(NOW), log.get(0).scheduledAt(), "the log names the slot the run is for");
            } finally {
                servers.shutdownNow();
            }
            assertTrue(claimable(db, NOW.plusSeconds(30)).isEmpty(), "a live lease is not claimable");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRunWhoseServerStoppedIsRecoveredOnceItsLeaseExpiredAndTheLogSaysSo(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            long id = readyEntry(db, every(60, 3));
            var claimedByA = claim(db, claimable(db, NOW).get(0), "server-a", NOW).orElseThrow();

            Instant renewedAt = NOW.plusSeconds(90);
            assertEquals(1, (int) db.inTransaction(em -> new JobQueueRepository(em).renewLeases(List.of(id), "server-a",
                    renewedAt.plus(LEASE))), "its own lease is renewed");
            assertEquals(0, (int) db.inTransaction(em -> new JobQueueRepository(em).renewLeases(List.of(id), "server-b",
                    renewedAt.plus(LEASE))), "nobody renews another server's lease");
            assertTrue(claimable(db, NOW.plus(LEASE).plusSeconds(1)).isEmpty(), "the renewed lease still holds");

            // server-a stops renewing; after its lease expired server-b recovers the entry.
            Instant later = renewedAt.plus(LEASE).plusSeconds(1);
            var recovery = claimable(db, later).get(0);
            assertTrue(recovery.recovery());
            var claimedByB = claim(db, recovery, "server-b", later).orElseThrow();
            var entry = entry(db, id);
            assertEquals(Optional.of("server-b"), entry.leaseOwner());
            assertEquals(2, entry.getAttempts(), "the interrupted run counts as an attempt");

            var log = db.inTransaction(em -> new JobQueueRepository(em).logEntries(Optional.of(id), 10));
            assertEquals(2, log.size());
            var interrupted = log.stream().filter(l -> l.getId() == claimedByA.logEntryId()).findFirst().orElseThrow();
            assertEquals(JobRunStatus.ERROR, interrupted.getStatus());
            assertTrue(english(interrupted.getMessage()).startsWith("Interrupted: the server running it (server-a) "
                    + "stopped"), english(interrupted.getMessage()));
            var recovered = log.stream().filter(l -> l.getId() == claimedByB.logEntryId()).findFirst().orElseThrow();
            assertEquals(JobRunStatus.IN_PROCESS, recovered.getStatus());
            assertEquals("Recovered after the server running it (server-a) stopped.", english(recovered.getMessage()));
            assertEquals("Återupptagen efter att servern som körde den (server-a) stoppades.",
                    LocalizedMessage.read(recovered.getMessage(), Locale.forLanguageTag("sv")), "in the reader's language");
            assertEquals(Optional.of(NOW), interrupted.scheduledAt());
            assertEquals(Optional.of(NOW), recovered.scheduledAt(), "the recovery runs the interrupted run's slot");

            // server-a was only paused and ends its run late: the entry stays server-b's.
            finish(db, claimedByA, "server-a", new JobResult(true, "done late", List.of()), later.plusSeconds(5));
            assertEquals(JobQueueStatus.IN_PROCESS, entry(db, id).getStatus());
            assertEquals(Optional.of("server-b"), entry(db, id).leaseOwner());

            finish(db, claimedByB, "server-b", new JobResult(true, "done", List.of()), later.plusSeconds(10));
            var done = entry(db, id);
            assertEquals(JobQueueStatus.READY, done.getStatus());
            assertEquals(Optional.empty(), done.leaseOwner());
            assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))), done.nextRunAt(), "back on its hourly slots");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void failuresAreRetriedAfterTheRerunDelayUntilTheLastAttemptPutsTheEntryInError(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            long id = readyEntry(db, every(60, 2));
            var first = claim(db, claimable(db, NOW).get(0), "server-a", NOW).orElseThrow();
            finish(db, first, "server-a", JobResult.failed("mailbox gone"), NOW.plusSeconds(5));
            var retry = entry(db, id);
            assertEquals(JobQueueStatus.READY, retry.getStatus());
            assertEquals(Optional.of(NOW.plusSeconds(35)), retry.nextRunAt(), "the rerun delay of 30 s");
            assertEquals(Optional.of("mailbox gone"), retry.errorMessage());

            var second = claim(db, claimable(db, NOW.plusSeconds(35)).get(0), "server-a", NOW.plusSeconds(35))
                    .orElseThrow();
            finish(db, second, "server-a", JobResult.failed("mailbox still gone"), NOW.plusSeconds(40));
            var error = entry(db, id);
            assertEquals(JobQueueStatus.ERROR, error.getStatus());
            assertEquals(Optional.of("mailbox still gone"), error.errorMessage());
            assertEquals(Optional.empty(), error.nextRunAt());
            assertTrue(claimable(db, NOW.plus(Duration.ofDays(1))).isEmpty(), "an entry in Error does not run");

            var log = db.inTransaction(em -> new JobQueueRepository(em).logEntries(Optional.of(id), 10));
            assertEquals(List.of(JobRunStatus.ERROR, JobRunStatus.ERROR), log.stream()
                    .map(JobQueueLogEntry::getStatus).toList());
            assertEquals(List.of(2, 1), log.stream().map(JobQueueLogEntry::getAttempt).toList(), "newest first");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aOneOffFinishesAndAnEntryPutOnHoldDuringItsRunStaysOnHold(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var oneOff = every(0, 1);
            oneOff.setRecurring(false);
            long once = readyEntry(db, oneOff);
            var run = claim(db, claimable(db, NOW).get(0), "server-a", NOW).orElseThrow();
            finish(db, run, "server-a", new JobResult(true, "ok", List.of(new JobResult.Item("alice", "SUCCEEDED",
                    Optional.of(77L), 3, 1, 0, "3 created"))), NOW.plusSeconds(1));
            assertEquals(JobQueueStatus.FINISHED, entry(db, once).getStatus());
            var items = db.inTransaction(em -> new JobQueueRepository(em).items(run.logEntryId()));
            assertEquals(1, items.size());
            assertEquals(Optional.of(77L), items.get(0).syncRunId());
            assertEquals(3, items.get(0).getToOutlook());

            long recurring = readyEntry(db, every(60, 3));
            var running = claim(db, claimable(db, NOW).get(0), "server-a", NOW).orElseThrow();
            db.runInTransaction(em -> new JobQueueRepository(em).entry(recurring).orElseThrow()
                    .setOnHold("admin", NOW.plusSeconds(1)));
            assertTrue(claimable(db, NOW.plus(Duration.ofDays(1))).isEmpty());
            finish(db, running, "server-a", new JobResult(true, "ok", List.of()), NOW.plusSeconds(2));
            var held = entry(db, recurring);
            assertEquals(JobQueueStatus.ON_HOLD, held.getStatus());
            assertEquals(Optional.empty(), held.leaseOwner(), "the run gave its lease back");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void thePurgeDeletesEndedLogEntriesOlderThanTheCutOffWithTheirItems(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            long id = readyEntry(db, every(60, 3));
            var old = claim(db, claimable(db, NOW).get(0), "server-a", NOW).orElseThrow();
            finish(db, old, "server-a", new JobResult(true, "ok", List.of(new JobResult.Item("alice", "SUCCEEDED",
                    Optional.of(1L), 0, 0, 0, ""))), NOW.plusSeconds(1));
            Instant hourLater = NOW.plus(Duration.ofHours(1));
            var running = claim(db, claimable(db, hourLater).get(0), "server-a", hourLater).orElseThrow();

            int purged = db.inTransaction(em -> new JobQueueRepository(em).purgeLogBefore(hourLater.plusSeconds(1)));
            assertEquals(1, purged, "the ended one; the one in process stays");
            var left = db.inTransaction(em -> new JobQueueRepository(em).logEntries(Optional.of(id), 10));
            assertEquals(List.of(running.logEntryId()), left.stream().map(JobQueueLogEntry::getId).toList());
            assertTrue(db.inTransaction(em -> new JobQueueRepository(em).items(old.logEntryId())).isEmpty());
            assertFalse(db.inTransaction(em -> new JobQueueRepository(em).logEntry(old.logEntryId())).isPresent());
        }
    }
}

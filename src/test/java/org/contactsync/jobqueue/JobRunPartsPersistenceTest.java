package org.contactsync.jobqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.contactsync.jobqueue.JobQueueRepository.Claimed;
import org.contactsync.jobqueue.JobQueueRepository.ClaimedPart;
import org.contactsync.jobqueue.JobQueueRepository.PartCandidate;
import org.contactsync.jobqueue.JobResult.Item;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run's parts on H2 and PostgreSQL: of two servers claiming one part at once exactly one gets it; a part whose
 * server stopped is taken over once its lease expired, and the stopped server's late end changes nothing; the entry
 * is not recovered as a second run while its parts are open; a postponed part is tried once more after its pause;
 * and of two servers ending a run's last two parts at once, exactly one ends the run, with every subject's item.
 */
class JobRunPartsPersistenceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final RunTimes TIMES = new RunTimes(ZoneOffset.UTC, Duration.ofMinutes(1));

    /** The run succeeds when every subject did; its summary counts the items. */
    private static JobResult summary(List<Item> items) {
        return new JobResult(items.stream().allMatch(item -> item.outcome().equals("SUCCEEDED")),
                items.size() + " subjects", items);
    }

    private static Item item(String subject, String outcome) {
        return new Item(subject, outcome, Optional.empty(), 1, 0, 0, "");
    }

    /** An hourly entry, claimed by server-a at {@code NOW} and split into the subjects' parts. */
    private static Claimed splitRun(TestDatabase db, String... subjects) {
        db.runInTransaction(em -> {
            var repository = new JobQueueRepository(em);
            var settings = new JobQueueEntrySettings();
            settings.setDescription("Parts");
            settings.setObjectId(6700);
            settings.setRecurring(true);
            settings.setDays(EnumSet.allOf(DayOfWeek.class));
            settings.setMinutesBetweenRuns(60);
            settings.setMaxAttempts(3);
            settings.setRerunDelaySeconds(30);
            var entry = new JobQueueEntry(settings, ZoneOffset.UTC, "admin", NOW);
            repository.add(entry);
            entry.setReady("admin", NOW, TIMES);
        });
        var candidate = db.inTransaction(em -> new JobQueueRepository(em).claimable(NOW, 20)).get(0);
        var claimed = db.inTransaction(em -> new JobQueueRepository(em).claim(candidate, "server-a", NOW, LEASE))
                .orElseThrow();
        db.runInTransaction(em -> new JobQueueRepository(em).startParts(claimed, List.of(subjects),
                JobRunPartsPersistenceTest::summary, NOW, TIMES));
        return claimed;
    }

    private static List<PartCandidate> claimableParts(TestDatabase db, Instant at) {
        return db.inTransaction(em -> new JobQueueRepository(em).claimableParts(at, 100));
    }

    private static Optional<ClaimedPart> claimPart(TestDatabase db, PartCandidate candidate, String server,
            Instant at) {
        return db.inTransaction(em -> new JobQueueRepository(em).claimPart(candidate, server, at, LEASE));
    }

    private static Optional<JobResult> endPart(TestDatabase db, ClaimedPart part, String server, Item item,
            Optional<Duration> retryAfter, Instant at) {
        return db.inTransaction(em -> new JobQueueRepository(em).endPart(part, server, item, retryAfter,
                JobRunPartsPersistenceTest::summary, at, TIMES));
    }

    private static JobQueueLogEntry log(TestDatabase db, long logEntryId) {
        return db.inTransaction(em -> new JobQueueRepository(em).logEntry(logEntryId)).orElseThrow();
    }

    private static List<String> items(TestDatabase db, long logEntryId) {
        return db.inTransaction(em -> new JobQueueRepository(em).items(logEntryId)).stream()
                .map(item -> item.getSubject() + "=" + item.getOutcome()).toList();
    }

    private static JobQueueEntry entry(TestDatabase db, long id) {
        return db.inTransaction(em -> new JobQueueRepository(em).entry(id)).orElseThrow();
    }

    /** Runs both at the same moment on two threads; their answers. */
    private static <T> List<T> atOnce(Callable<T> a, Callable<T> b) throws Exception {
        var start = new CountDownLatch(1);
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            Future<T> first = servers.submit(() -> {
                start.await();
                return a.call();
            });
            Future<T> second = servers.submit(() -> {
                start.await();
                return b.call();
            });
            start.countDown();
            return List.of(first.get(), second.get());
        } finally {
            servers.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void exactlyOneServerClaimsAPartAndAStoppedServersPartIsTakenOverWithoutRecoveringTheEntry(DatabaseKind kind)
            throws Exception {
        try (var db = TestDatabase.fresh(kind)) {
            var run = splitRun(db, "alice", "bob");
            List<PartCandidate> parts = claimableParts(db, NOW);
            assertEquals(2, parts.size(), "a waiting part per subject");

            var claims = atOnce(() -> claimPart(db, parts.get(0), "server-a", NOW),
                    () -> claimPart(db, parts.get(0), "server-b", NOW));
            var winners = claims.stream().flatMap(Optional::stream).toList();
            assertEquals(1, winners.size(), "exactly one server claims the part: " + claims);
            ClaimedPart held = winners.get(0);
            String holder = claims.get(0).isPresent() ? "server-a" : "server-b";
            String other = holder.equals("server-a") ? "server-b" : "server-a";
            assertEquals(List.of(parts.get(1).partId()), claimableParts(db, NOW).stream()
                    .map(PartCandidate::partId).toList(), "a running part is nobody else's");

            Instant renewedAt = NOW.plusSeconds(90);
            assertEquals(1, (int) db.inTransaction(em -> new JobQueueRepository(em).renewPartLeases(
                    List.of(held.partId()), holder, renewedAt.plus(LEASE))), "its own lease is renewed");
            assertEquals(0, (int) db.inTransaction(em -> new JobQueueRepository(em).renewPartLeases(
                    List.of(held.partId()), other, renewedAt.plus(LEASE))), "nobody renews another's lease");

            // The entry's own lease (server-a's, given up when it split the run) expired long ago: while its parts are
            // open the entry is not started again as a second run.
            Instant later = renewedAt.plus(LEASE).plusSeconds(1);
            assertTrue(db.inTransaction(em -> new JobQueueRepository(em).claimable(later, 20)).isEmpty(),
                    "no recovery of an entry whose run's parts are open");

            // The holder stopped renewing: the other server takes its part over.
            var expired = claimableParts(db, later).stream().filter(p -> p.partId() == held.partId()).findFirst()
                    .orElseThrow(() -> new AssertionError("the part of a stopped server is claimable again"));
            var takenOver = claimPart(db, expired, other, later).orElseThrow();
            assertEquals(Optional.empty(), endPart(db, held, holder, item(held.subject(), "SUCCEEDED"),
                    Optional.empty(), later.plusSeconds(1)), "a late end of a part taken over changes nothing");
            assertEquals(List.of(), items(db, run.logEntryId()), "its item comes from the server that has it now");
            assertEquals(Optional.empty(), endPart(db, takenOver, other, item(takenOver.subject(), "SUCCEEDED"),
                    Optional.empty(), later.plusSeconds(2)), "one part is still open");
            assertEquals(List.of(takenOver.subject() + "=SUCCEEDED"), items(db, run.logEntryId()));
            assertEquals(JobRunStatus.IN_PROCESS, log(db, run.logEntryId()).getStatus());
            assertEquals(1, db.inTransaction(em -> new JobQueueRepository(em).logEntries(
                    Optional.of(run.entryId()), 10)).size(), "one run in the log");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void ofTwoServersEndingTheLastTwoPartsAtOnceExactlyOneEndsTheRunWithEveryItem(DatabaseKind kind)
            throws Exception {
        try (var db = TestDatabase.fresh(kind)) {
            var run = splitRun(db, "alice", "bob", "carol");
            List<PartCandidate> parts = claimableParts(db, NOW);
            var alice = claimPart(db, parts.get(0), "server-a", NOW).orElseThrow();
            var bob = claimPart(db, parts.get(1), "server-b", NOW).orElseThrow();
            var carol = claimPart(db, parts.get(2), "server-a", NOW).orElseThrow();

            // carol's mailbox throttled: her part waits for its one more try.
            Instant at = NOW.plusSeconds(10);
            assertEquals(Optional.empty(), endPart(db, carol, "server-a", item("carol", "POSTPONED"),
                    Optional.of(Duration.ofSeconds(60)), at));
            assertTrue(claimableParts(db, at.plusSeconds(59)).isEmpty(), "not before its pause is over");
            var retry = claimPart(db, claimableParts(db, at.plusSeconds(60)).get(0), "server-b", at.plusSeconds(60))
                    .orElseThrow();
            assertEquals(Optional.empty(), endPart(db, retry, "server-b", item("carol", "POSTPONED"),
                    Optional.of(Duration.ofSeconds(60)), at.plusSeconds(61)), "tried once more, not again");
            assertEquals(List.of("carol=POSTPONED"), items(db, run.logEntryId()));

            Instant end = at.plusSeconds(70);
            var ends = atOnce(
                    () -> endPart(db, alice, "server-a", item("alice", "SUCCEEDED"), Optional.empty(), end),
                    () -> endPart(db, bob, "server-b", item("bob", "SUCCEEDED"), Optional.empty(), end));
            assertEquals(1, ends.stream().filter(Optional::isPresent).count(), "the run ends exactly once: " + ends);
            var result = ends.stream().flatMap(Optional::stream).findFirst().orElseThrow();
            assertEquals("3 subjects", result.summary());

            var log = log(db, run.logEntryId());
            assertEquals(JobRunStatus.ERROR, log.getStatus(), "carol did not succeed");
            assertEquals("3 subjects", log.getMessage());
            assertEquals(List.of("alice=SUCCEEDED", "bob=SUCCEEDED", "carol=POSTPONED"), items(db, run.logEntryId()),
                    "one item per subject");
            var entry = entry(db, run.entryId());
            assertEquals(JobQueueStatus.READY, entry.getStatus(), "an attempt is left");
            assertEquals(Optional.of(end.plusSeconds(30)), entry.nextRunAt(), "after the rerun delay");
            assertEquals(Optional.empty(), entry.leaseOwner());
            assertEquals(Optional.empty(), entry.currentLogEntryId());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRunOnceIsSplitTheSameWayAndAPartWhoseRunWasDeletedMeanwhileEndsQuietly(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            long logEntryId = db.inTransaction(em -> new JobQueueRepository(em).startUnclaimedRun(
                    new JobQueueRepository(em).entry(1).orElseThrow(), "server-a", "admin", NOW).getId());
            db.runInTransaction(em -> new JobQueueRepository(em).startUnclaimedParts(logEntryId, List.of("alice"),
                    JobRunPartsPersistenceTest::summary, NOW, TIMES));
            var part = claimPart(db, claimableParts(db, NOW).get(0), "server-b", NOW).orElseThrow();
            assertEquals("admin", part.runFor(), "it runs for who ran it once");
            assertEquals(JobQueueStatus.ON_HOLD, entry(db, 1).getStatus(), "Run Once leaves the entry as it is");

            // The entry is not In Process during a Run Once, so it may be deleted, and its log with it.
            db.runInTransaction(em -> new JobQueueRepository(em).remove(new JobQueueRepository(em).entry(1)
                    .orElseThrow()));
            assertEquals(Optional.empty(), endPart(db, part, "server-b", item("alice", "SUCCEEDED"), Optional.empty(),
                    NOW.plusSeconds(5)));
            assertTrue(claimableParts(db, NOW.plus(LEASE).plusSeconds(10)).isEmpty(), "its parts went with it");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRunWithoutSubjectsEndsAsItIsSplitAndTheEntryMovesToItsNextSlot(DatabaseKind kind) {
        try (var db = TestDatabase.fresh(kind)) {
            var run = splitRun(db);
            assertEquals(JobRunStatus.SUCCESS, log(db, run.logEntryId()).getStatus());
            assertEquals("0 subjects", log(db, run.logEntryId()).getMessage());
            var entry = entry(db, run.entryId());
            assertEquals(JobQueueStatus.READY, entry.getStatus());
            assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))), entry.nextRunAt());
        }
    }
}

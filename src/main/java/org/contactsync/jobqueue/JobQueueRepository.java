package org.contactsync.jobqueue;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.contactsync.jobqueue.JobResult.Item;
import org.contactsync.platform.EntityRepository;

/**
 * Job queue entries, their claims and their log, in the caller's transaction.
 * Claims and lease renewals are conditional bulk updates, so any number of servers may share the database.
 */
@Dependent
public class JobQueueRepository extends EntityRepository {

    @Inject
    public JobQueueRepository(EntityManager em) {
        super(em);
    }

    // Entries ------------------------------------------------------------------------------------------------------

    public List<JobQueueEntry> entries() {
        return em.createQuery("select e from JobQueueEntry e order by e.id", JobQueueEntry.class).getResultList();
    }

    public Optional<JobQueueEntry> entry(long id) {
        return Optional.ofNullable(em.find(JobQueueEntry.class, id));
    }

    /**
     * The entry as committed now, locked until the transaction ends: an administrator's change then waits for the
     * scheduler's writes to the entry (a claim, a run's split, its end) instead of colliding with them at commit.
     */
    public Optional<JobQueueEntry> lockedEntry(long id) {
        return Optional.ofNullable(em.find(JobQueueEntry.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public void add(JobQueueEntry entry) {
        em.persist(entry);
        em.flush();
    }

    public void remove(JobQueueEntry entry) {
        em.remove(entry);
    }

    /** Ready entries that run the object, soonest first. */
    public List<JobQueueEntry> entriesRunning(ObjectType type, int objectId, JobQueueStatus status) {
        return em.createQuery("select e from JobQueueEntry e where e.status = :status and e.objectType = :type "
                        + "and e.objectId = :id order by e.nextRunAt", JobQueueEntry.class)
                .setParameter("status", status).setParameter("type", type)
                .setParameter("id", objectId).getResultList();
    }

    // Claims -------------------------------------------------------------------------------------------------------

    /**
     * Entries a server may claim now: Ready and due with no live lease (a run set Ready again while it still runs
     * keeps its lease), or In Process with a lease that expired because the server running it stopped. Never an entry
     * whose current run still has parts to end: every server works on those, and the last part ends the run.
     */
    public List<Candidate> claimable(Instant now, int max) {
        return em.createQuery("select e from JobQueueEntry e where " + CLAIMABLE + " and " + NO_OPEN_PARTS
                        + " order by e.nextRunAt, e.id",
                        JobQueueEntry.class)
                .setParameter("ready", JobQueueStatus.READY).setParameter("inProcess", JobQueueStatus.IN_PROCESS)
                .setParameter("done", JobRunPart.State.DONE)
                .setParameter("now", utc(now)).setMaxResults(max).getResultStream()
                .map(e -> new Candidate(e.getId(), e.getVersion(), e.getStatus(), e.nextRunAt(), e.leaseOwner(),
                        e.leaseExpiresAt(), e.currentLogEntryId()))
                .toList();
    }

    private static final String CLAIMABLE = "((e.status = :ready and e.nextRunAt <= :now "
            + "and (e.leaseOwner is null or e.leaseExpiresAt < :now)) "
            + "or (e.status = :inProcess and e.leaseExpiresAt < :now))";

    /**
     * Only in the look for candidates: in the claim's UPDATE, EclipseLink turns a subquery into a self-join that the
     * database does not check again after waiting for another claim's row lock, so two servers won (the persistence
     * test saw it). The claim's version check covers it instead: splitting a run raises the entry's version.
     */
    private static final String NO_OPEN_PARTS = "not exists (select p from JobRunPart p "
            + "where p.logEntryId = e.currentLogEntryId and p.state <> :done)";

    /**
     * Claims a candidate for {@code server}: one conditional UPDATE that succeeds only if the entry is still as it was
     * seen (same version) and still claimable, so of two servers that saw it the same moment exactly one gets it.
     * The winner counts an attempt, starts the run's log entry and, for a recovered entry, ends the interrupted run's
     * log entry as an error that says so.
     */
    public Optional<Claimed> claim(Candidate candidate, String server, Instant now, Duration lease) {
        int updated = em.createQuery("update JobQueueEntry e set e.status = :inProcess, e.leaseOwner = :server, "
                        + "e.leaseExpiresAt = :until, e.attempts = e.attempts + 1, e.version = e.version + 1 "
                        + "where e.id = :id and e.version = :version and " + CLAIMABLE)
                .setParameter("inProcess", JobQueueStatus.IN_PROCESS).setParameter("ready", JobQueueStatus.READY)
                .setParameter("server", server).setParameter("until", utc(now.plus(lease)))
                .setParameter("id", candidate.id()).setParameter("version", candidate.version())
                .setParameter("now", utc(now))
                .executeUpdate();
        if (updated == 0) {
            return Optional.empty();
        }
        JobQueueEntry entry = em.find(JobQueueEntry.class, candidate.id());
        em.refresh(entry);
        Optional<String> note = Optional.empty();
        if (candidate.recovery()) {
            String interrupted = JobQueueMessages.of("log.interrupted", candidate.leaseOwner().orElse("?"),
                    candidate.leaseExpiresAt().map(Instant::toString).orElse("?"), server).stored();
            candidate.logEntryId().flatMap(this::logEntry).filter(log -> log.getStatus() == JobRunStatus.IN_PROCESS)
                    .ifPresent(log -> log.end(JobRunStatus.ERROR, interrupted, now));
            note = Optional.of(JobQueueMessages.of("log.recovered", candidate.leaseOwner().orElse("?")).stored());
        }
        JobQueueLogEntry log = new JobQueueLogEntry(entry, server, entry.getUserId(), entry.getAttempts(),
                candidate.nextRunAt(), now, note);
        em.persist(log);
        em.flush();
        entry.startedRun(log.getId());
        return Optional.of(new Claimed(entry.getId(), log.getId(), entry.getObjectType(), entry.getObjectId(),
                entry.getParameterString(), entry.getUserId()));
    }

    /** Extends the leases {@code server} holds on these entries; the number renewed (fewer: a lease was lost). */
    public int renewLeases(Collection<Long> entryIds, String server, Instant until) {
        if (entryIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("update JobQueueEntry e set e.leaseExpiresAt = :until "
                        + "where e.id in :ids and e.leaseOwner = :server")
                .setParameter("until", utc(until)).setParameter("ids", entryIds).setParameter("server", server)
                .executeUpdate();
    }

    /**
     * Ends a claimed run: its log entry and items, and the entry's next status if {@code server} still holds its
     * lease (otherwise another server recovered it meanwhile, and only the log records this run's end).
     */
    public void finish(Claimed claimed, String server, JobResult result, Instant now, RunTimes times) {
        Optional<JobQueueEntry> entry = entry(claimed.entryId())
                .filter(e -> e.leaseOwner().filter(server::equals).isPresent());
        String summary = entry.isPresent() ? result.summary() : result.summary() + " "
                + JobQueueMessages.of("log.leaseLost").in(java.util.Locale.ENGLISH);
        endLog(claimed.logEntryId(), result, summary, now);
        entry.ifPresent(e -> {
            if (result.succeeded()) {
                e.runSucceeded(now, times);
            } else {
                e.runFailed(result.summary(), now, times);
            }
        });
    }

    /** A run that does not touch the entry's status (Run Once (foreground)). */
    public JobQueueLogEntry startUnclaimedRun(JobQueueEntry entry, String server, String userId, Instant now) {
        JobQueueLogEntry log = new JobQueueLogEntry(entry, server, userId, 0, Optional.empty(), now, Optional.of(
                JobQueueMessages.of("log.foreground", userId).stored()));
        em.persist(log);
        em.flush();
        return log;
    }

    // A run's parts -------------------------------------------------------------------------------------------------

    /**
     * Splits a claimed run into a waiting part per subject, if it is still the entry's current run (a server that
     * recovered the entry meanwhile ended this run's log entry already). The entry's version goes up under a lock, so
     * that a recovery that saw the entry before cannot claim it any more. The run's result if it closed at once (no
     * subjects).
     */
    public Optional<JobResult> startParts(Claimed claimed, List<String> subjects, Function<List<Item>, JobResult> summary,
            Instant now, RunTimes times) {
        Optional<JobQueueEntry> entry = Optional.ofNullable(em.find(JobQueueEntry.class, claimed.entryId(),
                LockModeType.PESSIMISTIC_FORCE_INCREMENT)).filter(e -> isCurrentRun(e, claimed.logEntryId()));
        return entry.isEmpty() ? Optional.empty()
                : startUnclaimedParts(claimed.logEntryId(), subjects, summary, now, times);
    }

    /** Splits a Run Once (foreground) into a waiting part per subject; its result if it closed at once. */
    public Optional<JobResult> startUnclaimedParts(long logEntryId, List<String> subjects,
            Function<List<Item>, JobResult> summary, Instant now, RunTimes times) {
        return lockedLog(logEntryId).flatMap(log -> {
            subjects.forEach(subject -> em.persist(new JobRunPart(logEntryId, subject, now)));
            em.flush();
            return closeIfLast(log, summary, now, times);
        });
    }

    /** Parts a server may claim now: waiting and due, or running under a lease that expired (their server stopped). */
    public List<PartCandidate> claimableParts(Instant now, int max) {
        return em.createQuery("select p.id, p.version, l.objectType, l.objectId from JobRunPart p, JobQueueLogEntry l "
                        + "where l.id = p.logEntryId and " + PART_CLAIMABLE + " order by p.logEntryId, p.id",
                        Object[].class)
                .setParameter("waiting", JobRunPart.State.WAITING).setParameter("running", JobRunPart.State.RUNNING)
                .setParameter("now", utc(now)).setMaxResults(max).getResultStream()
                .map(row -> new PartCandidate((Long) row[0], (Long) row[1], (ObjectType) row[2], (Integer) row[3]))
                .toList();
    }

    private static final String PART_CLAIMABLE = "((p.state = :waiting and p.notBefore <= :now) "
            + "or (p.state = :running and p.leaseExpiresAt < :now))";

    /** Claims a part for {@code server} as an entry is claimed: one conditional UPDATE, exactly one winner. */
    public Optional<ClaimedPart> claimPart(PartCandidate candidate, String server, Instant now, Duration lease) {
        int updated = em.createQuery("update JobRunPart p set p.state = :running, p.server = :server, "
                        + "p.leaseExpiresAt = :until, p.version = p.version + 1 "
                        + "where p.id = :id and p.version = :version and " + PART_CLAIMABLE)
                .setParameter("running", JobRunPart.State.RUNNING).setParameter("waiting", JobRunPart.State.WAITING)
                .setParameter("server", server).setParameter("until", utc(now.plus(lease)))
                .setParameter("id", candidate.partId()).setParameter("version", candidate.version())
                .setParameter("now", utc(now))
                .executeUpdate();
        if (updated == 0) {
            return Optional.empty();
        }
        JobRunPart part = em.find(JobRunPart.class, candidate.partId());
        em.refresh(part);
        JobQueueLogEntry log = em.find(JobQueueLogEntry.class, part.getLogEntryId());
        return Optional.of(new ClaimedPart(part.getId(), log.getId(), log.getEntryId(), log.getObjectType(),
                log.getObjectId(), log.getParameterString(), log.getRunFor(), part.getSubject()));
    }

    /** Extends the leases {@code server} holds on these parts; the number renewed (fewer: a lease was lost). */
    public int renewPartLeases(Collection<Long> partIds, String server, Instant until) {
        if (partIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("update JobRunPart p set p.leaseExpiresAt = :until "
                        + "where p.id in :ids and p.server = :server and p.state = :running")
                .setParameter("until", utc(until)).setParameter("ids", partIds).setParameter("server", server)
                .setParameter("running", JobRunPart.State.RUNNING).executeUpdate();
    }

    /**
     * Ends a part {@code server} holds: back to waiting until {@code retryAfter} has passed if it has one and was not
     * retried yet, else done with its log item. When it was the run's last open part, the run ends here: the log
     * entry's status and summary, and the entry's next status as after a run on one server. The run's log entry is
     * locked first, so that of two servers ending the last two parts at once the second sees the first's, and the run
     * ends exactly once. A part whose lease was lost (another server took it over) changes nothing: the server that
     * has it now writes its item; nor does a part whose run is gone (a Run Once's entry deleted meanwhile takes its
     * log with it). The run's result if it ended.
     */
    public Optional<JobResult> endPart(ClaimedPart claimed, String server, Item item, Optional<Duration> retryAfter,
            Function<List<Item>, JobResult> summary, Instant now, RunTimes times) {
        return lockedLog(claimed.logEntryId()).flatMap(log -> Optional.ofNullable(em.find(JobRunPart.class,
                        claimed.partId())).filter(part -> part.heldBy(server))
                .flatMap(part -> {
                    if (retryAfter.isPresent() && !part.isRetried()) {
                        part.retryAt(now.plus(retryAfter.get()));
                        return Optional.empty();
                    }
                    em.persist(new JobQueueLogItem(log.getId(), item));
                    part.done();
                    em.flush();
                    return closeIfLast(log, summary, now, times);
                }));
    }

    private Optional<JobResult> closeIfLast(JobQueueLogEntry log, Function<List<Item>, JobResult> summary,
            Instant now, RunTimes times) {
        long open = em.createQuery("select count(p) from JobRunPart p where p.logEntryId = :log and p.state <> :done",
                        Long.class)
                .setParameter("log", log.getId()).setParameter("done", JobRunPart.State.DONE).getSingleResult();
        if (open > 0 || log.getStatus() != JobRunStatus.IN_PROCESS) {
            return Optional.empty();
        }
        JobResult result = summary.apply(items(log.getId()).stream().map(JobQueueLogItem::item).toList());
        log.end(result.status(), result.summary(), now);
        entry(log.getEntryId()).filter(e -> isCurrentRun(e, log.getId())).ifPresent(e -> {
            if (result.succeeded()) {
                e.runSucceeded(now, times);
            } else {
                e.runFailed(result.summary(), now, times);
            }
        });
        return Optional.of(result);
    }

    private static boolean isCurrentRun(JobQueueEntry entry, long logEntryId) {
        return entry.currentLogEntryId().filter(id -> id == logEntryId).isPresent();
    }

    private Optional<JobQueueLogEntry> lockedLog(long logEntryId) {
        return Optional.ofNullable(em.find(JobQueueLogEntry.class, logEntryId, LockModeType.PESSIMISTIC_WRITE));
    }

    // Log ----------------------------------------------------------------------------------------------------------

    public void endLog(long logEntryId, JobResult result, String summary, Instant now) {
        logEntry(logEntryId).ifPresent(log -> {
            log.end(result.status(), summary, now);
            result.items().forEach(item -> em.persist(new JobQueueLogItem(logEntryId, item)));
        });
    }

    public Optional<JobQueueLogEntry> logEntry(long id) {
        return Optional.ofNullable(em.find(JobQueueLogEntry.class, id));
    }

    /** Log entries newest first, of one entry or (empty) of all. */
    public List<JobQueueLogEntry> logEntries(Optional<Long> entryId, int max) {
        // Two queries rather than ":entry is null or ...": PostgreSQL cannot type a null parameter.
        var query = entryId.isPresent()
                ? em.createQuery("select l from JobQueueLogEntry l where l.entryId = :entry "
                        + "order by l.startedAt desc, l.id desc", JobQueueLogEntry.class)
                        .setParameter("entry", entryId.get())
                : em.createQuery("select l from JobQueueLogEntry l order by l.startedAt desc, l.id desc",
                        JobQueueLogEntry.class);
        return query.setMaxResults(max).getResultList();
    }

    public List<JobQueueLogItem> items(long logEntryId) {
        return em.createQuery("select i from JobQueueLogItem i where i.logEntryId = :log order by i.subject",
                JobQueueLogItem.class).setParameter("log", logEntryId).getResultList();
    }

    /** Deletes ended log entries (their items by the database's cascade) that started before {@code before}. */
    public int purgeLogBefore(Instant before) {
        return em.createQuery("delete from JobQueueLogEntry l where l.startedAt < :before and l.status <> :running")
                .setParameter("before", utc(before)).setParameter("running", JobRunStatus.IN_PROCESS)
                .executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * An entry as a server saw it when looking for due work; {@code nextRunAt} is the slot a claim of it runs (the
     * claim holds only while the entry is unchanged since, so it is still the entry's).
     */
    public record Candidate(long id, long version, JobQueueStatus status, Optional<Instant> nextRunAt,
            Optional<String> leaseOwner,
            Optional<Instant> leaseExpiresAt, Optional<Long> logEntryId) {

        /** The entry was In Process under a lease that expired: its server stopped mid-run. */
        public boolean recovery() {
            return status == JobQueueStatus.IN_PROCESS;
        }
    }

    /** A part as a server saw it when looking for work: its version, and the job whose parts-per-server it counts to. */
    public record PartCandidate(long partId, long version, ObjectType objectType, int objectId) {
    }

    /** A part a server claimed: its run, what to run it with, and the subject. */
    public record ClaimedPart(long partId, long logEntryId, long entryId, ObjectType objectType, int objectId,
            String parameterString, String runFor, String subject) {
    }

    /** A run a server claimed: what to run, and the log entry it writes to. */
    public record Claimed(long entryId, long logEntryId, ObjectType objectType, int objectId,
            String parameterString, String userId) {
    }
}

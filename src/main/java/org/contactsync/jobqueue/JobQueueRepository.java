package org.contactsync.jobqueue;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
     * keeps its lease), or In Process with a lease that expired because the server running it stopped.
     */
    public List<Candidate> claimable(Instant now, int max) {
        return em.createQuery("select e from JobQueueEntry e where " + CLAIMABLE + " order by e.nextRunAt, e.id",
                        JobQueueEntry.class)
                .setParameter("ready", JobQueueStatus.READY).setParameter("inProcess", JobQueueStatus.IN_PROCESS)
                .setParameter("now", utc(now)).setMaxResults(max).getResultStream()
                .map(e -> new Candidate(e.getId(), e.getVersion(), e.getStatus(), e.nextRunAt(), e.leaseOwner(),
                        e.leaseExpiresAt(), e.currentLogEntryId()))
                .toList();
    }

    private static final String CLAIMABLE = "((e.status = :ready and e.nextRunAt <= :now "
            + "and (e.leaseOwner is null or e.leaseExpiresAt < :now)) "
            + "or (e.status = :inProcess and e.leaseExpiresAt < :now))";

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
        JobQueueLogEntry log = new JobQueueLogEntry(entry, server, entry.getAttempts(), candidate.nextRunAt(), now,
                note);
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

    // Log ----------------------------------------------------------------------------------------------------------

    /** A run that does not touch the entry's status (Run Once (foreground)). */
    public JobQueueLogEntry startUnclaimedRun(JobQueueEntry entry, String server, String userId, Instant now) {
        JobQueueLogEntry log = new JobQueueLogEntry(entry, server, 0, Optional.empty(), now, Optional.of(
                JobQueueMessages.of("log.foreground", userId).stored()));
        em.persist(log);
        em.flush();
        return log;
    }

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

    /** A run a server claimed: what to run, and the log entry it writes to. */
    public record Claimed(long entryId, long logEntryId, ObjectType objectType, int objectId,
            String parameterString, String userId) {
    }
}

package org.contactsync.sync;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.contactsync.employee.User;
import org.contactsync.platform.EntityRepository;

/**
 * The sync engine's rows: links, runs and log entries, in the caller's transaction. User names are stored lower case, as {@link SyncRequest} gives them.
 */
@Dependent
public class SyncRepository extends EntityRepository {

    @Inject
    public SyncRepository(EntityManager em) {
        super(em);
    }

    // Links --------------------------------------------------------------------------------------------------------

    public List<ContactLink> links(String userName) {
        return em.createQuery("select l from ContactLink l where l.userName = :user order by l.contactNo",
                ContactLink.class).setParameter("user", userName).getResultList();
    }

    public Optional<ContactLink> link(String userName, String contactNo) {
        return em.createQuery("select l from ContactLink l where l.userName = :user and l.contactNo = :no",
                ContactLink.class).setParameter("user", userName).setParameter("no", contactNo)
                .getResultStream().findFirst();
    }

    public void add(ContactLink link) {
        em.persist(link);
    }

    public void remove(ContactLink link) {
        em.remove(link);
    }

    /** Removes all of the employee's links (their Outlook contacts are in a mailbox they no longer sync with). */
    public int removeLinks(String userName) {
        return em.createQuery("delete from ContactLink l where l.userName = :user")
                .setParameter("user", userName).executeUpdate();
    }

    /** Removes the employee's link rows pointing at this Outlook contact (at most one: unique per employee). */
    public int removeLinksTo(String userName, String graphId) {
        return em.createQuery("delete from ContactLink l where l.userName = :user and l.graphId = :id")
                .setParameter("user", userName).setParameter("id", graphId).executeUpdate();
    }

    // Runs and their lease -----------------------------------------------------------------------------------------

    /** The message on a run whose server stopped renewing its lease before the run ended. */
    static final String INTERRUPTED = "Interrupted: its server stopped (or hung) before the run ended and its lease "
            + "ran out; the next run continues from what this one committed";

    /**
     * Claims the employee's lease for a new run: first a run whose lease expired (its server died or hung) is given
     * up as FAILED, then the new run is inserted holding the lease. Both are plain conditional SQL on the shared
     * database, so two servers cannot both succeed: when another run's lease is live, the insert violates the unique
     * lease constraint and the caller's transaction fails with a {@link jakarta.persistence.PersistenceException}.
     */
    public SyncRun claim(SyncRequest request, String leaseOwner, Instant now, Duration lease) {
        lockUser(request.userName());
        endLapsedRuns(Optional.of(request.userName()), now);
        SyncRun run = new SyncRun(request, leaseOwner, now, lease);
        em.persist(run);
        em.flush();
        return run;
    }

    /**
     * Locks the employee's user row until the transaction ends, as a change of their Microsoft 365 e-mail does
     * ({@code UserRepository#lockForUpdate}): so the e-mail change either sees this run's lease and is refused, or
     * commits first and this run then reads the new e-mail (see {@code SyncRunner}).
     */
    private void lockUser(String userName) {
        em.createQuery("select u from AppUser u where u.userName = :user", User.class)
                .setParameter("user", userName).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /**
     * Ends as FAILED, with {@link #INTERRUPTED} as the message, the running runs whose lease expired before
     * {@code now}: of one employee, or (empty) of everyone. A live lease is never touched, so any server may call
     * this at any time. Returns how many runs it ended.
     */
    public int endLapsedRuns(Optional<String> userName, Instant now) {
        // Two statements rather than ":user is null or ...": PostgreSQL cannot type a null parameter.
        String lapsed = "update SyncRun r set r.status = :failed, r.endedAt = :now, r.errorMessage = :message, "
                + "r.leaseUserName = null, r.leaseOwner = null, r.leaseExpiresAt = null "
                + "where r.leaseExpiresAt < :now and r.leaseUserName is not null";
        var update = userName.isPresent()
                ? em.createQuery(lapsed + " and r.leaseUserName = :user").setParameter("user", userName.get())
                : em.createQuery(lapsed);
        return update.setParameter("failed", SyncRunStatus.FAILED)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("message", INTERRUPTED)
                .executeUpdate();
    }

    /**
     * Extends a running run's lease to {@code until}, in one conditional statement so that it cannot revive a run
     * another server has meanwhile ended (taken over); false when the run no longer holds its lease.
     */
    public boolean renewLease(long runId, Instant until) {
        return em.createQuery("update SyncRun r set r.leaseExpiresAt = :until "
                        + "where r.id = :id and r.status = :running and r.leaseUserName is not null")
                .setParameter("until", until.atOffset(ZoneOffset.UTC))
                .setParameter("id", runId)
                .setParameter("running", SyncRunStatus.RUNNING)
                .executeUpdate() == 1;
    }

    /** The run holding the employee's lease, if any (live or expired). */
    public Optional<SyncRun> leaseHolder(String userName) {
        return em.createQuery("select r from SyncRun r where r.leaseUserName = :user", SyncRun.class)
                .setParameter("user", userName).getResultStream().findFirst();
    }

    public Optional<SyncRun> run(long id) {
        return Optional.ofNullable(em.find(SyncRun.class, id));
    }

    /** Runs newest first, of one employee or (empty) of everyone. */
    public List<SyncRun> runs(Optional<String> userName, int max) {
        // Two queries rather than ":user is null or ...": PostgreSQL cannot type a null parameter.
        var query = userName.isPresent()
                ? em.createQuery("select r from SyncRun r where r.userName = :user order by r.startedAt desc, r.id desc",
                        SyncRun.class).setParameter("user", userName.get())
                : em.createQuery("select r from SyncRun r order by r.startedAt desc, r.id desc", SyncRun.class);
        return query.setMaxResults(max).getResultList();
    }

    // In step --------------------------------------------------------------------------------------------------------

    /**
     * The employee's last run before {@code runId} (previews aside) when nothing in the database can make an
     * incremental plan differ from the empty plan it had: it SUCCEEDED with no action planned (so no failed write, no
     * postponed rest, no link left to make), and since it started (less {@code margin}) the Contact Sync
     * Setup was not changed (filter, keep in Outlook), no contact was inserted or modified (Last Date/Time Modified,
     * kept by the contacts' entity listener whoever changes them), and every contact the employee has a link to
     * still exists. Empty when any of that fails: the run must read Business Central.
     */
    public Optional<SyncRun> inStepSince(long runId, String userName, Instant setupModifiedAt, Duration margin) {
        return em.createQuery("select r from SyncRun r where r.userName = :user and r.preview = false "
                        + "and r.id <> :run order by r.startedAt desc, r.id desc", SyncRun.class)
                .setParameter("user", userName).setParameter("run", runId).setMaxResults(1)
                .getResultStream().findFirst()
                .filter(last -> last.getStatus() == SyncRunStatus.SUCCEEDED && last.getPlannedActions() == 0)
                .filter(last -> {
                    Instant since = last.getStartedAt().minus(margin);
                    return setupModifiedAt.isBefore(since) && !contactChangedSince(since)
                            && !linkedContactDeleted(userName);
                });
    }

    private boolean contactChangedSince(Instant since) {
        return !em.createQuery("select c.no from Contact c where c.lastModifiedAt >= :since", String.class)
                .setParameter("since", LocalDateTime.ofInstant(since, ZoneOffset.UTC)).setMaxResults(1)
                .getResultList().isEmpty();
    }

    private boolean linkedContactDeleted(String userName) {
        return !em.createQuery("select l.contactNo from ContactLink l where l.userName = :user "
                        + "and not exists (select c.no from Contact c where c.no = l.contactNo)", String.class)
                .setParameter("user", userName).setMaxResults(1).getResultList().isEmpty();
    }

    // Log ----------------------------------------------------------------------------------------------------------

    public void add(SyncLogEntry entry) {
        em.persist(entry);
    }

    /** The newest log entry about the contact in any of the employee's runs. */
    public Optional<SyncLogEntry> lastEntryAbout(String userName, String contactNo) {
        return em.createQuery("select e from SyncLogEntry e, SyncRun r where e.runId = r.id and r.userName = :user "
                        + "and e.contactNo = :no order by e.id desc", SyncLogEntry.class)
                .setParameter("user", userName).setParameter("no", contactNo).setMaxResults(1)
                .getResultStream().findFirst();
    }

    public List<SyncLogEntry> log(long runId) {
        return em.createQuery("select e from SyncLogEntry e where e.runId = :run order by e.id", SyncLogEntry.class)
                .setParameter("run", runId).getResultList();
    }

    /** Deletes finished runs (and, by cascade, their log entries) that started before {@code before}. */
    public int purgeRunsBefore(Instant before) {
        em.createQuery("delete from SyncLogEntry e where e.runId in "
                        + "(select r.id from SyncRun r where r.startedAt < :before and r.leaseUserName is null)")
                .setParameter("before", before.atOffset(ZoneOffset.UTC)).executeUpdate();
        return em.createQuery("delete from SyncRun r where r.startedAt < :before and r.leaseUserName is null")
                .setParameter("before", before.atOffset(ZoneOffset.UTC)).executeUpdate();
    }
}

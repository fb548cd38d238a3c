package org.contactsync.employee.security;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.contactsync.platform.EntityRepository;

/** The sign-in lockout's rows ({@link SignInAttempt}), in the caller's transaction. */
@Dependent
public class SignInAttemptRepository extends EntityRepository {

    @Inject
    public SignInAttemptRepository(EntityManager em) {
        super(em);
    }

    public Optional<SignInAttempt> find(String key) {
        return Optional.ofNullable(em.find(SignInAttempt.class, key));
    }

    /** The row locked until the transaction ends, so that two servers counting one name take turns. */
    public Optional<SignInAttempt> findForUpdate(String key) {
        return Optional.ofNullable(em.find(SignInAttempt.class, key, LockModeType.PESSIMISTIC_WRITE));
    }

    public void add(SignInAttempt attempt) {
        em.persist(attempt);
        em.flush();
    }

    public void remove(String key) {
        em.createQuery("delete from SignInAttempt a where a.userKey = :key").setParameter("key", key)
                .executeUpdate();
    }

    public long count() {
        return em.createQuery("select count(a) from SignInAttempt a", Long.class).getSingleResult();
    }

    public int removeWindowsStartedBefore(Instant before) {
        return em.createQuery("delete from SignInAttempt a where a.windowStart < :before")
                .setParameter("before", before.atOffset(ZoneOffset.UTC)).executeUpdate();
    }
}

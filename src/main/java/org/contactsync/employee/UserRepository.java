package org.contactsync.employee;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.contactsync.platform.EntityRepository;

/** Users in the database. Lookups take user names and e-mails in any case (they are stored in lower case). */
@Dependent
public class UserRepository extends EntityRepository {

    @Inject
    public UserRepository(EntityManager em) {
        super(em);
    }

    public Optional<User> findByUserName(String userName) {
        return em.createQuery("select u from AppUser u where u.userName = :name", User.class)
                .setParameter("name", normalize(userName))
                .getResultStream()
                .findFirst();
    }

    public Optional<User> findByAuthenticationEmail(String email) {
        return em.createQuery("select u from AppUser u where u.authenticationEmail = :email", User.class)
                .setParameter("email", normalize(email))
                .getResultStream()
                .findFirst();
    }

    public List<User> listByUserName() {
        return em.createQuery("select u from AppUser u order by u.userName", User.class).getResultList();
    }

    public long count() {
        return em.createQuery("select count(u) from AppUser u", Long.class).getSingleResult();
    }

    public long countEnabledAdmins() {
        return em.createQuery("select count(u) from AppUser u join u.roles r where u.enabled = true and r = :admin",
                        Long.class)
                .setParameter("admin", Role.ADMIN)
                .getSingleResult();
    }

    /**
     * Locks the user's row until the transaction ends. A sync run claims its lease under the same lock
     * ({@code SyncRepository#claim}), so the two never interleave.
     */
    public void lockForUpdate(User user) {
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
    }

    /** An enabled user's {@link SignInState}, in one indexed lookup; empty for anyone else. */
    public Optional<SignInState> signInState(String userName) {
        return em.createQuery("select u.sessionGeneration, u.changePassword from AppUser u "
                        + "where u.userName = :name and u.enabled = true", Object[].class)
                .setParameter("name", normalize(userName))
                .getResultStream()
                .findFirst()
                .map(row -> new SignInState((Long) row[0], (Boolean) row[1]));
    }

    public void add(User user) {
        em.persist(user);
    }

    public void remove(User user) {
        em.remove(user);
    }

    private static String normalize(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}

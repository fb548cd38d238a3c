package org.contactsync.exchange;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactType;
import org.contactsync.platform.EntityRepository;

/**
 * Exchange Sync setups in the database, and the contacts a setup's filter lets through (the filter is the
 * setup's, so its queries live here rather than in the contact package). User names are stored lower case.
 */
@Dependent
public class ExchangeSyncRepository extends EntityRepository {

    @Inject
    public ExchangeSyncRepository(EntityManager em) {
        super(em);
    }

    public Optional<ExchangeSync> find(String userName) {
        return em.createQuery("select s from ExchangeSync s where s.userName = :name", ExchangeSync.class)
                .setParameter("name", userName.strip().toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    /** The setups with Enable Background Synchronization on, by user name. */
    public List<ExchangeSync> withBackgroundSync() {
        return em.createQuery("select s from ExchangeSync s where s.backgroundSyncEnabled = true order by s.userName",
                ExchangeSync.class).getResultList();
    }

    /**
     * Mailbox alerts: the setups whose syncs failed at least {@code failuresInARow} times in a row, or whose
     * background synchronization the engine paused, by user name.
     */
    public List<ExchangeSync> alerting(int failuresInARow) {
        return em.createQuery("select s from ExchangeSync s where s.failuresInARow >= :failures "
                + "or s.backgroundPausedAt is not null order by s.userName", ExchangeSync.class)
                .setParameter("failures", failuresInARow).getResultList();
    }

    /** How many employees' last sync failed (their count of failures in a row is not zero). */
    public long countLastSyncFailed() {
        return em.createQuery("select count(s) from ExchangeSync s where s.failuresInARow > 0", Long.class)
                .getSingleResult();
    }

    /** How many contacts the parsed filter lets through. */
    public long count(ParsedSyncFilter filter) {
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Long.class);
        var contact = query.from(Contact.class);
        query.select(cb.count(contact)).where(filter.toPredicate(cb, contact));
        return em.createQuery(query).getSingleResult();
    }

    /** How many of the contacts the parsed filter lets through go to Outlook ({@link #goesToOutlook}). */
    public long countGoingToOutlook(ParsedSyncFilter filter) {
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Long.class);
        var contact = query.from(Contact.class);
        query.select(cb.count(contact)).where(filter.toPredicate(cb, contact), goesToOutlook(cb, contact));
        return em.createQuery(query).getSingleResult();
    }

    /** The first contacts (by No.) the parsed filter lets through that go to Outlook. */
    public List<Contact> firstGoingToOutlook(ParsedSyncFilter filter, int max) {
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Contact.class);
        var contact = query.from(Contact.class);
        query.select(contact).where(filter.toPredicate(cb, contact), goesToOutlook(cb, contact))
                .orderBy(cb.asc(contact.get("no")));
        return em.createQuery(query).setMaxResults(max).getResultList();
    }

    /**
     * The article's rule for what goes to Outlook: a Person with a Name and an E-mail, not privacy blocked. The sync
     * engine's planner holds the same rule for each contact (sync.plan.Scope); ExchangeSyncPersistenceTest keeps the
     * two in step. Names and e-mails are stored stripped, so blank means empty.
     */
    private static Predicate goesToOutlook(CriteriaBuilder cb, Root<Contact> contact) {
        return cb.and(cb.equal(contact.get("type"), ContactType.PERSON), cb.notEqual(contact.get("name"), ""),
                cb.notEqual(contact.get("email"), ""), cb.not(contact.get("privacyBlocked")));
    }

    public void add(ExchangeSync setup) {
        em.persist(setup);
    }

    public void remove(ExchangeSync setup) {
        em.remove(setup);
    }
}

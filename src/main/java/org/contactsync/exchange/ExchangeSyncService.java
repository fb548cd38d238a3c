package org.contactsync.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.contactsync.contact.Contact;
import org.contactsync.employee.Caller;
import org.contactsync.employee.User;
import org.contactsync.employee.UserRepository;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;
import org.contactsync.platform.PlainText;

/**
 * Each employee's Exchange Sync / Contact Sync Setup. An employee opens and changes only their own, an admin
 * anyone's (checked here, so a crafted URL or request gets the same refusal as the page). Opening a setup creates
 * it with Business Central's defaults, as BC's page does. The sync engine reads a setup with {@link #find} and
 * records its results on the entity inside its own transaction.
 */
@ApplicationScoped
@Transactional
public class ExchangeSyncService {

    /** The preview list's length on the Contact Sync Setup page. */
    public static final int PREVIEW_SIZE = 20;

    @PersistenceContext(unitName = "contactsync")
    EntityManager em;

    @Inject
    UserRepository users;

    @Inject
    Clock clock;

    protected ExchangeSyncService() {
        // for CDI
    }

    /** For tests outside the container, which manage the transaction themselves. */
    public ExchangeSyncService(EntityManager em, UserRepository users, Clock clock) {
        this.em = em;
        this.users = users;
        this.clock = clock;
    }

    /** The user's setup, created with the defaults if they have none yet. */
    public ExchangeSync open(Caller caller, String userName) {
        var user = userFor(caller, userName);
        return find(user.getUserName()).orElseGet(() -> {
            var created = new ExchangeSync(user.getUserName(), clock.instant(), caller.userName());
            em.persist(created);
            return created;
        });
    }

    /** The e-mail the setup syncs with (the user card's Microsoft 365 e-mail), checked like {@link #open}. */
    public Optional<String> authenticationEmail(Caller caller, String userName) {
        return userFor(caller, userName).authenticationEmail();
    }

    /** Saves the Contact Sync Setup read at {@code readVersion}; refuses bad input field by field. */
    public ExchangeSync save(Caller caller, String userName, ContactSyncSettings settings, long readVersion) {
        var setup = open(caller, userName);
        if (setup.getVersion() != readVersion) {
            throw new ApplicationException(Kind.CONFLICT, ExchangeMessages.of("setup.refused.changedMeanwhile"));
        }
        if (settings.folderName().isEmpty() || settings.folderName().length() > ExchangeSync.FOLDER_NAME_LENGTH) {
            throw new ApplicationException(Kind.INVALID, ExchangeMessages.of("setup.invalid"), List.of(
                    new FieldProblem("folderName", ExchangeMessages.of("setup.folderName.invalid",
                            ExchangeSync.FOLDER_NAME_LENGTH))));
        }
        if (!PlainText.Validator.isPlain(settings.folderName())) {
            throw new ApplicationException(Kind.INVALID, ExchangeMessages.of("setup.invalid"), List.of(
                    new FieldProblem("folderName", ExchangeMessages.of(PlainText.MESSAGE_KEY))));
        }
        settings.filter().parse();
        setup.change(settings, clock.instant(), caller.userName());
        em.flush();
        return setup;
    }

    /** Deletes the user's setup (the sync stops for them; their Outlook folder and its contacts stay). */
    public void delete(Caller caller, String userName) {
        var user = userFor(caller, userName);
        find(user.getUserName()).ifPresent(em::remove);
    }

    /** How many contacts the filter lets through; refused with the field's problem when it is invalid. */
    public long count(SyncFilter filter) {
        var parsed = filter.parse();
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Long.class);
        var contact = query.from(Contact.class);
        query.select(cb.count(contact)).where(parsed.toPredicate(cb, contact));
        return em.createQuery(query).getSingleResult();
    }

    /** The first contacts (by No.) the filter lets through. */
    public List<Contact> preview(SyncFilter filter, int max) {
        var parsed = filter.parse();
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Contact.class);
        var contact = query.from(Contact.class);
        query.select(contact).where(parsed.toPredicate(cb, contact)).orderBy(cb.asc(contact.get("no")));
        return em.createQuery(query).setMaxResults(max).getResultList();
    }

    /** For the sync engine: the user's setup, if they have one. */
    public Optional<ExchangeSync> find(String userName) {
        return em.createQuery("select s from ExchangeSync s where s.userName = :name", ExchangeSync.class)
                .setParameter("name", userName.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    /** For the job queue: the setups with Enable Background Synchronization on. */
    public List<ExchangeSync> withBackgroundSync() {
        return em.createQuery("select s from ExchangeSync s where s.backgroundSyncEnabled = true order by s.userName",
                ExchangeSync.class).getResultList();
    }

    private User userFor(Caller caller, String userName) {
        if (!caller.isAdmin() && !caller.is(userName)) {
            throw new ApplicationException(Kind.FORBIDDEN, ExchangeMessages.of("setup.refused.otherUser"));
        }
        return users.findByUserName(userName).orElseThrow(() -> new ApplicationException(
                Kind.NOT_FOUND, ExchangeMessages.of("setup.refused.noUser", userName)));
    }
}

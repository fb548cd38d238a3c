package org.contactsync.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.contactsync.employee.Caller;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.sync.plan.Planner;
import org.contactsync.sync.plan.Reason;

/**
 * The Contact Sync FactBox beside a contact (Business Central shows related facts in a FactBox): where the contact
 * stands in the signed-in employee's own sync. In their Outlook folder, and when the sync last wrote it; or not, and
 * why (the planner's own scope rules); and the newest sync log entry about it.
 */
@ApplicationScoped
@Transactional
public class ContactSyncFacts {

    /** Where a contact stands in one employee's sync. */
    public enum State {
        /** The employee has no Contact Sync Setup yet. */
        NO_SETUP,
        /** There is no such contact (a new card). */
        NO_CONTACT,
        /** Linked: the sync keeps it in the employee's Outlook folder. */
        IN_OUTLOOK,
        /** Left the sync and kept in Outlook, no longer synced, as the employee chose. */
        KEPT_IN_OUTLOOK,
        /** In scope, not yet in Outlook: the next sync writes it. */
        AT_NEXT_SYNC,
        /** Not synced, for {@link Facts#whyNot}. */
        NOT_SYNCED
    }

    /**
     * @param lastWritten when the sync last wrote (or confirmed) it in Outlook
     * @param lastEntry   the newest sync log entry about it in the employee's runs
     */
    public record Facts(State state, Optional<Reason> whyNot, Optional<Instant> lastWritten,
                        Optional<SyncLogEntry> lastEntry) {

        static Facts only(State state) {
            return new Facts(state, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    @Inject
    ExchangeSyncService setups;

    @Inject
    SyncRepository repository;

    @Inject
    ContactTableContacts contacts;

    public Facts of(Caller caller, String contactNo) {
        var userName = caller.userName().toLowerCase(Locale.ROOT);
        var setup = setups.find(userName);
        if (setup.isEmpty()) {
            return Facts.only(State.NO_SETUP);
        }
        var contact = contacts.contact(contactNo, setup.get().filter());
        if (contact.isEmpty()) {
            return Facts.only(State.NO_CONTACT);
        }
        var link = repository.link(userName, contactNo);
        var lastEntry = repository.lastEntryAbout(userName, contactNo);
        if (link.isPresent()) {
            var kept = link.get().toSyncLink().kept();
            return new Facts(kept ? State.KEPT_IN_OUTLOOK : State.IN_OUTLOOK, Optional.empty(),
                    Optional.of(link.get().modifiedAt()), lastEntry);
        }
        var whyNot = Planner.whyNotSynced(contact.get(), false);
        return new Facts(whyNot.isPresent() ? State.NOT_SYNCED : State.AT_NEXT_SYNC, whyNot, Optional.empty(),
                lastEntry);
    }
}

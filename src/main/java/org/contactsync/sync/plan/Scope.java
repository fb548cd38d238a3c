package org.contactsync.sync.plan;

import java.util.Optional;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.contactsync.graph.OutlookContact;

/** Which Business Central contacts take part in the sync, and why the others do not. */
final class Scope {

    private Scope() {
    }

    /**
     * Why the contact is not synced, or empty when it is: Type = Person, a Name, an E-Mail, not Privacy Blocked, and
     * in the employee's filter (a contact imported from Outlook by the sync never entered the filter, so it cannot
     * leave it; it keeps syncing while it meets the other rules).
     */
    static Optional<Reason> exclusion(BcContact contact, boolean importedFromOutlook) {
        if (!contact.person()) {
            return Optional.of(Reason.NOT_PERSON);
        }
        if (contact.name().isBlank()) {
            return Optional.of(Reason.NO_NAME);
        }
        if (contact.email().isBlank()) {
            return Optional.of(Reason.NO_EMAIL);
        }
        if (contact.privacyBlocked()) {
            return Optional.of(Reason.PRIVACY_BLOCKED);
        }
        if (!contact.inFilter() && !importedFromOutlook) {
            return Optional.of(Reason.OUTSIDE_FILTER);
        }
        return Optional.empty();
    }

    /** Why an Outlook contact cannot come to Business Central, or empty: it needs a name and an e-mail address. */
    static Optional<Reason> exclusion(OutlookContact contact) {
        FieldValues values = contact.effectiveValues();
        if (values.get(SyncedField.NAME).isBlank()) {
            return Optional.of(Reason.NO_NAME);
        }
        if (values.get(SyncedField.E_MAIL).isBlank()) {
            return Optional.of(Reason.NO_EMAIL);
        }
        return Optional.empty();
    }

    /** Whether "keep in Outlook, stop syncing" applies to a contact that leaves the sync for this reason. */
    static boolean keepable(Reason exclusion) {
        return exclusion == Reason.OUTSIDE_FILTER || exclusion == Reason.DELETED_IN_BC;
    }
}

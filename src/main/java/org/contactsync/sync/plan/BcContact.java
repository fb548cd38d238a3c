package org.contactsync.sync.plan;

import java.util.Objects;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;

/**
 * A Business Central contact as the planner sees it.
 *
 * @param no             the contact's No.
 * @param person         Type = Person (a Company contact is never synced)
 * @param privacyBlocked Privacy Blocked
 * @param inFilter       whether the contact matches the employee's contact filter
 * @param values         the synced fields (Name and E-Mail among them)
 */
public record BcContact(String no, boolean person, boolean privacyBlocked, boolean inFilter, FieldValues values) {

    public BcContact {
        Objects.requireNonNull(no, "no");
        Objects.requireNonNull(values, "values");
    }

    public String name() {
        return values.get(SyncedField.NAME);
    }

    public String email() {
        return values.get(SyncedField.E_MAIL);
    }
}

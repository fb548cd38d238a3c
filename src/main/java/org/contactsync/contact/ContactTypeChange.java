package org.contactsync.contact;

import java.util.Optional;
import org.contactsync.platform.LocalizedMessage;

/**
 * Whether a contact's Type may change, as Business Central's TypeChange (table 5050 Contact, {@code Type} OnValidate)
 * decides it for the fields this application has. Business Central refuses to turn a company with person contacts
 * into a person (they would belong to a person); its other refusals (interaction log entries, opportunities, tasks,
 * business relations) concern records this application does not keep. A person with a Company No. may become a
 * company: it leaves that company and becomes its own ({@link Contact#changeType}).
 *
 * <p>Source: Business Central's {@code Contact.Table.al} (procedure TypeChange); the shared reference
 * (business-central-contact-sync.md, section 6) lists the Type field but not this procedure.
 */
final class ContactTypeChange {

    private ContactTypeChange() {
    }

    /**
     * Why the contact may not change from {@code from} to {@code to}; empty when it may.
     *
     * @param personsOfCompany how many person contacts have this contact as their company
     */
    static Optional<LocalizedMessage> refusal(ContactType from, ContactType to, long personsOfCompany) {
        if (from == ContactType.COMPANY && to == ContactType.PERSON && personsOfCompany > 0) {
            return Optional.of(ContactMessages.of("contact.validation.typeCompanyHasPersons", personsOfCompany));
        }
        return Optional.empty();
    }
}

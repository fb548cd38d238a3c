package org.contactsync.contact.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.contactsync.contact.ContactField;

/**
 * The field catalogue for pages ({@code #{contactFields}}), by the name the Contact Card's inputs have: the tag
 * {@code cs:contactField} (WEB-INF/tags/contact-field.xhtml) reads a field's caption key, input type and maxlength
 * from {@code contactFields.field(name)}.
 */
@Named("contactFields")
@ApplicationScoped
public class ContactFieldsView {

    /** The field a page names; a name that is not in the catalogue is a mistake in the page, so it fails. */
    public ContactField field(String name) {
        return ContactField.named(name)
                .orElseThrow(() -> new IllegalArgumentException("No contact field is called " + name));
    }

    /**
     * The other inputs of the Contact Card that saving this field may change, for the field's ajax update: a Name
     * typed for a person is broken down into its parts, the parts make the Name, Company No. brings Company Name.
     */
    public String alsoShown(String name) {
        return switch (field(name)) {
            case NAME -> "firstName middleName surname";
            case FIRST_NAME, MIDDLE_NAME, SURNAME -> "name";
            case COMPANY_NO -> "companyName";
            default -> "";
        };
    }
}

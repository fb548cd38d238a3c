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
}

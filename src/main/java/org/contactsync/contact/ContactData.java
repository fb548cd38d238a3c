package org.contactsync.contact;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a contact that a person (on the Contact Card or through the API) or the sync engine may set: Type,
 * the {@link ContactField#editable() editable} text fields and Privacy Blocked. No., Company Name, Search Name and
 * Last Date/Time Modified are not here: the service derives them. Texts are never null ({@code null} is taken as
 * "empty").
 */
public class ContactData implements Serializable {

    private static final long serialVersionUID = 1L;

    private ContactType type = ContactType.PERSON;
    private final EnumMap<ContactField, String> texts = new EnumMap<>(ContactField.class);
    private boolean privacyBlocked;

    /** The editable fields of an existing contact. */
    public static ContactData of(Contact contact) {
        var data = new ContactData();
        data.type = contact.getType();
        ContactField.editable().forEach(field -> data.set(field, field.get(contact)));
        // A company's own No. is its Company No.; only a person's Company No. is editable.
        if (contact.isCompany()) {
            data.set(ContactField.COMPANY_NO, "");
        }
        data.privacyBlocked = contact.isPrivacyBlocked();
        return data;
    }

    /** Copies these values onto a contact (all but Type, which is set once when the contact is created). */
    void applyTo(Contact contact) {
        ContactField.editable().forEach(field -> field.set(contact, get(field)));
        contact.setPrivacyBlocked(privacyBlocked);
    }

    public String get(ContactField field) {
        return Objects.requireNonNullElse(texts.get(field), "");
    }

    /**
     * Sets an editable text field.
     *
     * @throws IllegalArgumentException for a field the service derives (Company Name)
     */
    public void set(ContactField field, String value) {
        if (!ContactField.editable().contains(field)) {
            throw new IllegalArgumentException(field.jsonName() + " is not editable");
        }
        texts.put(field, value == null ? "" : value);
    }

    /**
     * The text fields for the Contact Card's inputs ({@code data.texts[field]}): Expression Language reads and writes
     * a map, not a method with a parameter. An emptied input writes {@code null}, which {@link #get} reads as "".
     */
    public Map<ContactField, String> getTexts() {
        return texts;
    }

    public ContactType getType() {
        return type;
    }

    public void setType(ContactType type) {
        this.type = type == null ? ContactType.PERSON : type;
    }

    public boolean isPrivacyBlocked() {
        return privacyBlocked;
    }

    public void setPrivacyBlocked(boolean privacyBlocked) {
        this.privacyBlocked = privacyBlocked;
    }
}

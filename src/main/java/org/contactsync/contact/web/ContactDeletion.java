package org.contactsync.contact.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import org.contactsync.contact.CompanyPersonsChoice;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactMessages;
import org.contactsync.contact.ContactService;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;

/**
 * The delete dialog that the Contact List and the Contact Card share: a plain confirmation, or, for a company with
 * persons, the choice to delete the persons too or to keep them without a company.
 */
@Named
@ViewScoped
public class ContactDeletion implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ContactService contacts;

    private String no = "";
    private String name = "";
    private long personCount;

    /** Remembers which contact the dialog is about and how many persons would be affected. */
    public void prepare(Contact contact) {
        no = contact.getNo();
        name = contact.getName();
        personCount = contact.isCompany() ? contacts.personCount(no) : 0;
    }

    public void delete() throws IOException {
        delete(Optional.empty());
    }

    public void deleteWithPersons() throws IOException {
        delete(Optional.of(CompanyPersonsChoice.DELETE));
    }

    public void deleteKeepingPersons() throws IOException {
        delete(Optional.of(CompanyPersonsChoice.KEEP));
    }

    /** Deletes, then shows the Contact List with the outcome; a refusal stays on the page with its message. */
    private void delete(Optional<CompanyPersonsChoice> choice) throws IOException {
        try {
            contacts.delete(no, choice);
        } catch (ApplicationException refusal) {
            FacesMessages.error(refusal.userMessage());
            return;
        }
        var external = FacesContext.getCurrentInstance().getExternalContext();
        FacesMessages.info(ContactMessages.of("contact.deleted", no));
        external.getFlash().setKeepMessages(true);
        external.redirect(external.getRequestContextPath() + "/contacts/list.xhtml");
    }

    public String getNo() {
        return no;
    }

    public String getName() {
        return name;
    }

    public long getPersonCount() {
        return personCount;
    }
}

package org.contactsync.contact.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactFilter;
import org.contactsync.contact.ContactMessages;
import org.contactsync.contact.ContactService;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;
import org.primefaces.component.datatable.DataTable;

/** Page 5052 "Contacts": the lazy list, its search box and its actions. */
@Named
@ViewScoped
public class ContactListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ContactService contacts;

    @Inject
    private ContactDeletion deletion;

    private String search = "";
    private Contact selected;
    private ContactLazyModel model;

    @PostConstruct
    void init() {
        model = new ContactLazyModel(contacts, () -> ContactFilter.NONE.withSearch(search));
    }

    public ContactLazyModel getModel() {
        return model;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null ? "" : search;
    }

    /** A new search starts at the first page. */
    public void searchChanged() {
        table().setFirst(0);
    }

    /**
     * Names on the page each column filter that is not Business Central filter syntax (the list shows no rows
     * meanwhile), with the parser's message, as Contact Sync Setup does.
     */
    public void filtersChanged() {
        try {
            model.filter(table().getFilterByAsMap()).columnExpressions();
        } catch (ApplicationException invalidFilter) {
            FacesMessages.show(invalidFilter, "contactList");
        }
    }

    private static DataTable table() {
        return (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent("contactList:contacts");
    }

    /** The row the user selected, if any; Edit and Delete work on it. */
    public Contact getSelected() {
        return selected;
    }

    public void setSelected(Contact selected) {
        this.selected = selected;
    }

    /** Edit: opens the selected contact's card. */
    public void edit() throws IOException {
        var contact = selectedContact();
        if (contact.isPresent()) {
            var external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/contacts/card.xhtml?no="
                    + URLEncoder.encode(contact.get().getNo(), StandardCharsets.UTF_8));
        }
    }

    /** Delete: prepares the shared delete dialog; the page opens it unless nothing was selected. */
    public void prepareDelete() {
        selectedContact().ifPresent(deletion::prepare);
    }

    private Optional<Contact> selectedContact() {
        if (selected == null) {
            FacesMessages.error(ContactMessages.of("contact.list.selectFirst"));
            FacesContext.getCurrentInstance().validationFailed();
        }
        return Optional.ofNullable(selected);
    }
}

package org.contactsync.contact.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactData;
import org.contactsync.contact.ContactField;
import org.contactsync.contact.ContactMessages;
import org.contactsync.contact.ContactService;
import org.contactsync.contact.ContactType;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;
import org.contactsync.platform.web.ViewerTime;

/**
 * Page 5050 "Contact Card": shows one contact (or a new one) for editing. The version read when the card opened
 * goes with the save, so that a change someone else saved in between is reported instead of overwritten.
 */
@Named
@ViewScoped
public class ContactCardView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int LOOKUP_SIZE = 10;

    @Inject
    private ContactService contacts;

    @Inject
    ViewerTime times;

    @Inject
    private ContactDeletion deletion;

    private String no = "";
    private ContactData data = new ContactData();
    private Contact saved;
    private final Map<String, String> companyNames = new HashMap<>();

    /** Opens the contact named by the {@code no} parameter, or a new one without it; 404 for an unknown No. */
    public void load() throws IOException {
        if (no.isEmpty() || saved != null) {
            return;
        }
        var contact = contacts.find(no);
        if (contact.isEmpty()) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(
                    HttpServletResponse.SC_NOT_FOUND, ContactMessages.of("contact.notFound", no).in(locale()));
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        show(contact.get());
    }

    public void save() throws IOException {
        try {
            if (isNew()) {
                var created = contacts.create(data);
                var external = FacesContext.getCurrentInstance().getExternalContext();
                FacesMessages.info(ContactMessages.of("contact.saved", created.getNo()));
                external.getFlash().setKeepMessages(true);
                external.redirect(external.getRequestContextPath() + "/contacts/card.xhtml?no="
                        + URLEncoder.encode(created.getNo(), StandardCharsets.UTF_8));
                return;
            }
            show(contacts.update(no, saved.getVersion(), data));
            FacesMessages.info(ContactMessages.of("contact.saved", no));
        } catch (ApplicationException refusal) {
            // The user's input stays on the page, with the messages beside the fields.
            FacesMessages.show(refusal, "contactCard");
        }
    }

    /** Delete: prepares the shared delete dialog, which the page then opens. */
    public void prepareDelete() {
        deletion.prepare(saved);
    }

    /** The Company No. lookup: companies whose No. or Name starts with the typed text. */
    public List<String> completeCompany(String text) {
        var companies = contacts.companies(text, LOOKUP_SIZE);
        companies.forEach(company -> companyNames.put(company.getNo(), company.getName()));
        return companies.stream().map(Contact::getNo).toList();
    }

    /** The name shown beside a company No. in the lookup. */
    public String companyName(String companyNo) {
        return companyNames.getOrDefault(companyNo, "");
    }

    public void typeChanged() {
        if (data.getType() == ContactType.COMPANY) {
            data.set(ContactField.COMPANY_NO, "");
        }
    }

    private void show(Contact contact) {
        saved = contact;
        no = contact.getNo();
        data = ContactData.of(contact);
    }

    private static java.util.Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public boolean isNew() {
        return saved == null;
    }

    public boolean isPerson() {
        return data.getType() == ContactType.PERSON;
    }

    public ContactType[] getTypes() {
        return ContactType.values();
    }

    public String getNo() {
        return no;
    }

    public void setNo(String no) {
        this.no = no == null ? "" : no.strip();
    }

    public ContactData getData() {
        return data;
    }

    /** Company Name as last saved (it follows the company, so it is not typed on the card). */
    public String getCompanyName() {
        return saved == null ? "" : saved.getCompanyName();
    }

    public String getSearchName() {
        return saved == null ? "" : saved.getSearchName();
    }

    /** Last Date Time Modified, stored in UTC as Business Central stores it, shown in the viewer's zone. */
    public String getLastDateTimeModified() {
        return saved == null ? "" : times.format(saved.getLastModifiedAt());
    }
}

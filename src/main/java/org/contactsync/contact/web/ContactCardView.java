package org.contactsync.contact.web;

import jakarta.faces.application.FacesMessage;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactData;
import org.contactsync.contact.ContactField;
import org.contactsync.contact.ContactMessages;
import org.contactsync.contact.ContactService;
import org.contactsync.contact.ContactType;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;
import org.contactsync.platform.web.ViewerTime;
import org.primefaces.PrimeFaces;

/**
 * Page 5050 "Contact Card": shows one contact (or a new one) for editing, and, as Business Central's card, never
 * loses an edit silently.
 *
 * <ul>
 * <li>A field is validated when it is left ({@link #leave}): its message appears beside it at once, and a refused
 * save also lists each field with its problem at the top of the card.</li>
 * <li>An EXISTING contact is saved as you go, one field at a time when it is left, as Business Central saves a
 * card: the contact's version read when the card opened (or last saved) goes with each save, so that a change
 * someone else saved in between is reported, never overwritten. A refused value stays on the card, "Not saved",
 * and the page asks before it is left.</li>
 * <li>A NEW contact is not inserted before Save: it needs its No. from the number series, and inserting a half-typed
 * contact would number (and sync) contacts nobody finished. While it has typed values, leaving the page (Back, a
 * link, closing the tab) asks first.</li>
 * </ul>
 * Saving as you go stamps Last Date/Time Modified and the contact's search copies on each saved field, as Business
 * Central's OnModify does for each field saved; the sync takes a contact changed since its last run whatever the
 * number of saves, so nothing it relies on changes.
 */
@Named
@ViewScoped
public class ContactCardView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int LOOKUP_SIZE = 10;
    private static final String FORM = "contactCard";

    @Inject
    private ContactService contacts;

    @Inject
    ViewerTime times;

    @Inject
    private ContactDeletion deletion;

    @Inject
    private ContactFieldsView fields;

    private String no = "";
    private ContactData data = new ContactData();
    private Contact saved;
    private final Map<String, String> companyNames = new HashMap<>();
    /** The fields (by the card's name) whose typed value an existing contact's save refused. */
    private final Set<String> refused = new HashSet<>();

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

    /**
     * Save: inserts a new contact and opens its card (the page's script leaves without asking, the values being
     * saved), or saves every field of an existing one.
     */
    public void save() {
        try {
            if (isNew()) {
                var created = contacts.create(data);
                var external = FacesContext.getCurrentInstance().getExternalContext();
                FacesMessages.info(ContactMessages.of("contact.saved", created.getNo()));
                external.getFlash().setKeepMessages(true);
                PrimeFaces.current().ajax().addCallbackParam("open", external.getRequestContextPath()
                        + "/contacts/card.xhtml?no=" + URLEncoder.encode(created.getNo(), StandardCharsets.UTF_8));
                return;
            }
            show(contacts.update(no, saved.getVersion(), data));
            refused.clear();
            FacesMessages.info(ContactMessages.of("contact.saved", no));
        } catch (ApplicationException refusal) {
            showRefusal(refusal);
        }
    }

    /**
     * A text field was left with a changed value: on a new contact it is checked, on an existing one it is saved
     * alone (the other fields as stored). A refused value stays on the card with its message.
     */
    public void leave(String fieldName) {
        var field = fields.field(fieldName);
        if (isNew()) {
            var context = FacesContext.getCurrentInstance();
            for (var problem : contacts.problemsOf(data, field)) {
                var text = problem.message().in(locale());
                context.addMessage(FORM + ":" + problem.field(),
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            }
            return;
        }
        saveAsYouGo(field.jsonName(), () -> contacts.updateField(no, saved.getVersion(), field, data.get(field)));
    }

    /** Type was changed: a new contact's Company No. goes for a company; an existing contact is saved at once. */
    public void typeChanged() {
        if (isNew()) {
            if (data.getType() == ContactType.COMPANY) {
                data.set(ContactField.COMPANY_NO, "");
            }
            return;
        }
        var type = data.getType();
        saveAsYouGo("type", () -> contacts.updateType(no, saved.getVersion(), type));
        // A refused Type goes back to the saved one (the card shows the contact as it is), so nothing waits unsaved.
        data.setType(saved.getType());
        refused.remove("type");
    }

    /** Privacy Blocked was switched: an existing contact is saved at once. */
    public void privacyBlockedChanged() {
        if (!isNew()) {
            var blocked = data.isPrivacyBlocked();
            saveAsYouGo("privacyBlocked", () -> contacts.updatePrivacyBlocked(no, saved.getVersion(), blocked));
        }
    }

    /**
     * Saves one change of an existing contact. The card then shows the contact as saved (the name parts a typed
     * Name was broken into, Company Name, Search Name, Last Date Time Modified), except the values refused before,
     * which stay as typed until they are corrected or the page is left.
     */
    private void saveAsYouGo(String fieldName, Supplier<Contact> change) {
        try {
            var contact = change.get();
            refused.remove(fieldName);
            var typed = data;
            show(contact);
            refused.forEach(name -> ContactField.named(name).ifPresent(field -> data.set(field, typed.get(field))));
        } catch (ApplicationException refusal) {
            refused.add(fieldName);
            showRefusal(refusal);
        }
    }

    /**
     * A refused save: each problem beside its field, and at the top of the card a summary naming each field with its
     * problem, because the fields may be out of view.
     */
    private void showRefusal(ApplicationException refusal) {
        FacesMessages.show(refusal, FORM);
        if (refusal.fieldProblems().isEmpty()) {
            return;
        }
        FacesMessages.error(ContactMessages.of("contact.notSaved"));
        for (var problem : refusal.fieldProblems()) {
            FacesMessages.error(ContactMessages.of("contact.fieldProblem",
                    ContactMessages.of("contact.field." + problem.field()), problem.message()));
        }
    }

    /** Back to the Contact List; the page's script asks first while typed values are not saved. */
    public String back() {
        return "/contacts/list?faces-redirect=true";
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

    private void show(Contact contact) {
        saved = contact;
        no = contact.getNo();
        data = ContactData.of(contact);
    }

    private static java.util.Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /**
     * Whether the card holds typed values that are not saved: on a new contact any value, on an existing one a value
     * that was refused. The page's script asks before leaving while this is true.
     */
    public boolean isUnsaved() {
        if (isNew()) {
            return data.isPrivacyBlocked() || ContactField.editable().stream().anyMatch(f -> !data.get(f).isBlank());
        }
        return !refused.isEmpty();
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

package org.contactsync.sandbox.web;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.contactsync.employee.UserService;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.platform.LocalizedMessage;
import org.contactsync.platform.web.FacesMessages;
import org.contactsync.sandbox.FaultKind;
import org.contactsync.sandbox.GraphError;
import org.contactsync.sandbox.MailboxCounters;
import org.contactsync.sandbox.Sandbox;
import org.contactsync.sandbox.SandboxSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Outlook (sandbox) page. Employees see the sandbox mailbox of their Microsoft 365 e-mail (User Card,
 * Authentication Email); administrators may open any sandbox mailbox, reset it and set the fault knobs. Edits go
 * straight into the mailbox, as a person's edits in Outlook do, so the next delta round reports them.
 */
@Named
@ViewScoped
public class OutlookView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "org.contactsync.sandbox.web.messages";

    @Inject
    transient Sandbox sandbox;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.enabled")
    transient boolean sandboxEnabled;

    @Inject
    transient CurrentCaller caller;

    @Inject
    transient UserService users;

    @Inject
    transient ExchangeSyncService setups;

    private boolean admin;
    /** The open mailbox's user principal name; empty when the caller has none. */
    private String mailbox = "";
    private String folderId;
    private ContactForm form = new ContactForm();
    private String faultScript = "";
    private double faultProbability;
    private List<String> faultKinds = new ArrayList<>();
    private long latencyMillis;

    /** Opens the caller's own mailbox (administrators without one: the first sandbox mailbox); 404 when the sandbox is off. */
    public void load() throws IOException {
        if (!sandboxEnabled) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        var me = caller.get();
        admin = me.isAdmin();
        Optional<String> own = users.find(me.userName()).flatMap(u -> u.authenticationEmail())
                .filter(email -> sandbox.findMailbox(email).isPresent());
        mailbox = own.or(() -> admin ? sandbox.mailboxNames().stream().findFirst() : Optional.empty()).orElse("");
        if (mailbox.isEmpty()) {
            FacesMessages.error(LocalizedMessage.of(BUNDLE, "outlook.noMailbox"));
            return;
        }
        openSyncFolder(own.filter(mailbox::equals).map(email -> me.userName()));
        readKnobs();
    }

    public boolean hasMailbox() {
        return !mailbox.isEmpty();
    }

    public void mailboxChanged() {
        requireAdmin();
        openSyncFolder(Optional.empty());
    }

    /**
     * Opens the folder the employee's Contact Sync Setup syncs into, where the synced contacts are; the default
     * Contacts folder when the mailbox is not the employee's, or the sync has made no folder in it yet.
     */
    private void openSyncFolder(Optional<String> employee) {
        List<Sandbox.FolderSummary> folders = sandbox.outlookFolders(mailbox);
        Optional<ExchangeSync> setup = employee.flatMap(setups::find);
        folderId = setup.flatMap(ExchangeSync::folderId)
                .filter(id -> folders.stream().anyMatch(folder -> folder.id().equals(id)))
                .or(() -> setup.flatMap(s -> folders.stream()
                        .filter(folder -> folder.displayName().equalsIgnoreCase(s.getFolderName()))
                        .map(Sandbox.FolderSummary::id).findFirst()))
                .orElse(folders.get(0).id());
        form = new ContactForm();
    }

    public List<Sandbox.FolderSummary> getFolders() {
        return hasMailbox() ? sandbox.outlookFolders(mailbox) : List.of();
    }

    public List<ContactRow> getContacts() {
        return hasMailbox() ? sandbox.outlookContacts(mailbox, folderId).stream().map(ContactRow::of).toList() : List.of();
    }

    public List<String> getMailboxes() {
        return admin ? sandbox.mailboxNames() : List.of();
    }

    // Contacts --------------------------------------------------------------------------------------------------

    public void newContact() {
        form = new ContactForm();
    }

    public void edit(ContactRow row) {
        form = ContactForm.of(row);
    }

    public void save() {
        try {
            if (form.id == null) {
                sandbox.outlookCreate(mailbox, folderId, form.toGraph());
                FacesMessages.info(LocalizedMessage.of(BUNDLE, "outlook.created"));
            } else {
                sandbox.outlookUpdate(mailbox, folderId, form.id, form.toGraph());
                FacesMessages.info(LocalizedMessage.of(BUNDLE, "outlook.saved"));
            }
            form = new ContactForm();
        } catch (GraphError refused) {
            FacesMessages.error(LocalizedMessage.of(BUNDLE, "outlook.refused", refused.getMessage()));
        }
    }

    public void delete(ContactRow row) {
        try {
            sandbox.outlookDelete(mailbox, folderId, row.id());
            FacesMessages.info(LocalizedMessage.of(BUNDLE, "outlook.deleted", row.displayName()));
        } catch (GraphError refused) {
            FacesMessages.error(LocalizedMessage.of(BUNDLE, "outlook.refused", refused.getMessage()));
        }
    }

    // Administration --------------------------------------------------------------------------------------------

    public void resetMailbox() {
        requireAdmin();
        sandbox.resetMailbox(mailbox);
        openSyncFolder(Optional.empty());
        FacesMessages.info(LocalizedMessage.of(BUNDLE, "outlook.mailboxReset", mailbox));
    }

    public void applyKnobs() {
        requireAdmin();
        try {
            List<FaultKind> script = new ArrayList<>();
            for (String kind : faultScript.split("[,\\s]+")) {
                if (!kind.isBlank()) {
                    script.add(FaultKind.valueOf(kind.trim().toUpperCase(Locale.ROOT)));
                }
            }
            List<FaultKind> kinds = faultKinds.stream().map(FaultKind::valueOf).toList();
            sandbox.setFaults(new SandboxSettings.FaultSettings(script, faultProbability, kinds,
                    sandbox.faults().slowResponse(), sandbox.faults().retryAfter()));
            SandboxSettings.Limits limits = sandbox.limits();
            sandbox.setLimits(new SandboxSettings.Limits(limits.concurrentRequests(), limits.requestsPerWindow(),
                    limits.window(), Duration.ofMillis(latencyMillis), limits.retryAfterSeconds()));
            FacesMessages.info(LocalizedMessage.of(BUNDLE, "outlook.knobsSaved"));
        } catch (IllegalArgumentException refused) {
            FacesMessages.error(LocalizedMessage.of(BUNDLE, "outlook.knobsRefused"));
        }
    }

    public MailboxCounters getCounters() {
        requireAdmin();
        return sandbox.counters(mailbox);
    }

    public List<String> getAllFaultKinds() {
        return java.util.Arrays.stream(FaultKind.values()).map(Enum::name).toList();
    }

    private void readKnobs() {
        SandboxSettings.FaultSettings faults = sandbox.faults();
        faultScript = String.join(", ", faults.script().stream().map(Enum::name).toList());
        faultProbability = faults.probability();
        faultKinds = new ArrayList<>(faults.randomKinds().stream().map(Enum::name).toList());
        latencyMillis = sandbox.limits().latency().toMillis();
    }

    private void requireAdmin() {
        if (!admin) {
            throw new SecurityException("Only administrators change the sandbox");
        }
    }

    // Getters and setters for the page --------------------------------------------------------------------------

    public boolean isAdmin() {
        return admin;
    }

    public String getMailbox() {
        return mailbox;
    }

    public void setMailbox(String mailbox) {
        if (admin && sandbox.findMailbox(mailbox).isPresent()) {
            this.mailbox = mailbox;
        }
    }

    public String getFolderId() {
        return folderId;
    }

    public void setFolderId(String folderId) {
        this.folderId = folderId;
    }

    public ContactForm getForm() {
        return form;
    }

    public String getFaultScript() {
        return faultScript;
    }

    public void setFaultScript(String faultScript) {
        this.faultScript = faultScript == null ? "" : faultScript;
    }

    public double getFaultProbability() {
        return faultProbability;
    }

    public void setFaultProbability(double faultProbability) {
        this.faultProbability = faultProbability;
    }

    public List<String> getFaultKinds() {
        return faultKinds;
    }

    public void setFaultKinds(List<String> faultKinds) {
        this.faultKinds = new ArrayList<>(faultKinds);
    }

    public long getLatencyMillis() {
        return latencyMillis;
    }

    public void setLatencyMillis(long latencyMillis) {
        this.latencyMillis = latencyMillis;
    }

    /** One contact in the list: what Outlook's people list shows. */
    public record ContactRow(String id, String displayName, String givenName, String middleName, String surname,
                             String companyName,
                             String jobTitle, String email, String businessPhone, String mobilePhone)
            implements Serializable {

        static ContactRow of(JsonObject contact) {
            return new ContactRow(contact.getString("id"), text(contact, "displayName"), text(contact, "givenName"),
                    text(contact, "middleName"), text(contact, "surname"), text(contact, "companyName"), text(contact, "jobTitle"),
                    first(contact.getJsonArray("emailAddresses"), true), first(contact.getJsonArray("businessPhones"), false),
                    text(contact, "mobilePhone"));
        }

        private static String text(JsonObject contact, String name) {
            return contact.get(name) instanceof JsonString s ? s.getString() : "";
        }

        private static String first(JsonArray values, boolean emailAddress) {
            if (values.isEmpty()) {
                return "";
            }
            JsonValue value = values.get(0);
            return emailAddress ? value.asJsonObject().getString("address", "") : ((JsonString) value).getString();
        }
    }

    /** The add/edit dialog: Outlook's main contact fields. */
    public static final class ContactForm implements Serializable {

        private static final long serialVersionUID = 1L;

        String id;
        private String givenName = "";
        private String middleName = "";
        private String surname = "";
        private String companyName = "";
        private String jobTitle = "";
        private String email = "";
        private String businessPhone = "";
        private String mobilePhone = "";

        static ContactForm of(ContactRow row) {
            ContactForm form = new ContactForm();
            form.id = row.id();
            form.givenName = row.givenName();
            form.middleName = row.middleName();
            form.surname = row.surname();
            form.companyName = row.companyName();
            form.jobTitle = row.jobTitle();
            form.email = row.email();
            form.businessPhone = row.businessPhone();
            form.mobilePhone = row.mobilePhone();
            return form;
        }

        /** The form as a Graph contact body; the display name is Outlook's own, from the name parts. */
        JsonObject toGraph() {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("givenName", givenName)
                    .add("middleName", middleName)
                    .add("surname", surname)
                    .add("companyName", companyName)
                    .add("jobTitle", jobTitle)
                    .add("mobilePhone", mobilePhone)
                    .add("businessPhones", businessPhone.isBlank() ? JSON.createArrayBuilder()
                            : JSON.createArrayBuilder().add(businessPhone.strip()))
                    .add("emailAddresses", email.isBlank() ? JSON.createArrayBuilder()
                            : JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("address", email.strip())));
            return json.build();
        }

        public boolean isNew() {
            return id == null;
        }

        public String getGivenName() {
            return givenName;
        }

        public void setGivenName(String givenName) {
            this.givenName = blankIfNull(givenName);
        }

        public String getMiddleName() {
            return middleName;
        }

        public void setMiddleName(String middleName) {
            this.middleName = blankIfNull(middleName);
        }

        public String getSurname() {
            return surname;
        }

        public void setSurname(String surname) {
            this.surname = blankIfNull(surname);
        }

        public String getCompanyName() {
            return companyName;
        }

        public void setCompanyName(String companyName) {
            this.companyName = blankIfNull(companyName);
        }

        public String getJobTitle() {
            return jobTitle;
        }

        public void setJobTitle(String jobTitle) {
            this.jobTitle = blankIfNull(jobTitle);
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = blankIfNull(email);
        }

        public String getBusinessPhone() {
            return businessPhone;
        }

        public void setBusinessPhone(String businessPhone) {
            this.businessPhone = blankIfNull(businessPhone);
        }

        public String getMobilePhone() {
            return mobilePhone;
        }

        public void setMobilePhone(String mobilePhone) {
            this.mobilePhone = blankIfNull(mobilePhone);
        }

        private static String blankIfNull(String text) {
            return text == null ? "" : text;
        }
    }
}

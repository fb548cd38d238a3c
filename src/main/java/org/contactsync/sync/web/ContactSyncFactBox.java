package org.contactsync.sync.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.platform.web.ViewerTime;
import org.contactsync.sync.ContactSyncFacts;
import org.contactsync.sync.ContactSyncFacts.Facts;
import org.contactsync.sync.ContactSyncFacts.State;
import org.contactsync.sync.SyncLogEntry;
import org.contactsync.sync.SyncMessages;

/**
 * The Contact Sync FactBox's lines ({@code WEB-INF/includes/contact-sync-factbox.xhtml}) for a contact, in the page's
 * language and the viewer's time zone; looked up once per request and contact.
 */
@Named
@RequestScoped
public class ContactSyncFactBox {

    @Inject
    ContactSyncFacts facts;

    @Inject
    CurrentCaller caller;

    @Inject
    ViewerTime times;

    private final Map<String, Facts> byContact = new HashMap<>();

    public boolean shown(String contactNo) {
        return contactNo != null && !contactNo.isBlank() && of(contactNo).state() != State.NO_CONTACT;
    }

    /** Where the contact stands in the signed-in employee's sync, and why. */
    public String state(String contactNo) {
        var contact = of(contactNo);
        var why = contact.whyNot().map(reason -> SyncMessages.of("sync.reason." + reason.name()).in(locale()))
                .orElse("");
        return SyncMessages.of("factbox.state." + contact.state().name(), why).in(locale());
    }

    /** When the sync last wrote it in Outlook; empty when it is not there. */
    public String lastWritten(String contactNo) {
        return of(contactNo).lastWritten()
                .map(at -> SyncMessages.of("factbox.lastWritten", times.format(at)).in(locale())).orElse("");
    }

    /** The newest Sync Log entry about it: what was done, why and when. */
    public String lastEntry(String contactNo) {
        return of(contactNo).lastEntry().map(entry -> SyncMessages.of("factbox.lastEntry",
                SyncMessages.of("sync.kind." + entry.getAction()), SyncMessages.of("sync.reason."
                        + entry.getReason().name()), times.format(entry.getLoggedAt())).in(locale())).orElse("");
    }

    /** The run of the newest Sync Log entry, for a link to it. */
    public Optional<Long> lastEntryRun(String contactNo) {
        return of(contactNo).lastEntry().map(SyncLogEntry::getRunId);
    }

    private Facts of(String contactNo) {
        return byContact.computeIfAbsent(contactNo, no -> facts.of(caller.get(), no));
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}

package org.contactsync.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

/** Saves an employee's Contact Sync Setup on its page ({@code exchange/contact-sync-setup.xhtml}), as a user does. */
public final class ContactSyncSetupPage {

    /** The page's two switches, each on or off. */
    public record Switches(boolean backgroundSync, boolean keepInOutlook) {
        public static final Switches NONE = new Switches(false, false);
    }

    private ContactSyncSetupPage() {
    }

    /**
     * Saves {@code userName}'s setup with the page's text fields as shown but for {@code fields} (input ids such as
     * {@code filterNo}, without the form's prefix) and the switches as given; the page as it shows after saving.
     */
    public static String save(FacesSession session, String userName, Map<String, String> fields, Switches switches)
            throws IOException, InterruptedException {
        String path = "exchange/contact-sync-setup.xhtml?userName=" + userName;
        String page = session.get(path).body();
        Map<String, String> form = FacesSession.textInputsOf(page, "contactSyncSetup");
        fields.forEach((id, value) -> {
            assertTrue(form.containsKey("contactSyncSetup:" + id), "no field " + id + " among " + form.keySet());
            form.put("contactSyncSetup:" + id, value);
        });
        if (switches.backgroundSync()) {
            form.put("contactSyncSetup:backgroundSync_input", "on");
        }
        if (switches.keepInOutlook()) {
            form.put("contactSyncSetup:keepInOutlook_input", "on");
        }
        String saved = session.ajax(path, page, "contactSyncSetup", "contactSyncSetup:save", form);
        assertTrue(saved.contains("The Contact Sync Setup was saved."), saved);
        return session.get(path).body();
    }
}

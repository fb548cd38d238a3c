package org.contactsync.testsupport;

import jakarta.json.JsonObject;

/** Which contacts of the REST API ({@code /api/v1/contacts}) an employee's default sync filter puts in Outlook. */
public final class DefaultSyncFilter {

    private DefaultSyncFilter() {
    }

    /** Persons with a name and an e-mail who are not privacy blocked. */
    public static boolean includes(JsonObject contact) {
        return contact.getString("type").equals("Person") && !contact.getString("name").isBlank()
                && !contact.getString("email").isBlank() && !contact.getBoolean("privacyBlocked");
    }
}

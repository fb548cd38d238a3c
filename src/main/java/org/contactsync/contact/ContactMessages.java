package org.contactsync.contact;

import org.contactsync.platform.LocalizedMessage;

/** The contact feature's texts, shared by the service, the pages and the API. */
public final class ContactMessages {

    public static final String BUNDLE = "org.contactsync.contact.web.messages";

    private ContactMessages() {
    }

    public static LocalizedMessage of(String key, Object... args) {
        return LocalizedMessage.of(BUNDLE, key, args);
    }
}

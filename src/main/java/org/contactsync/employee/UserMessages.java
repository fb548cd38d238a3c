package org.contactsync.employee;

import org.contactsync.platform.LocalizedMessage;

/** The employee feature's texts (bundle {@code userMsg} on the pages). */
public final class UserMessages {

    public static final String BUNDLE = "org.contactsync.employee.web.messages";

    private UserMessages() {
    }

    public static LocalizedMessage of(String key, Object... args) {
        return LocalizedMessage.of(BUNDLE, key, args);
    }
}

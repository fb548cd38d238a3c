package org.contactsync.sync;

import org.contactsync.platform.LocalizedMessage;

/** The sync feature's texts (bundle {@code syncMsg} on the pages). */
public final class SyncMessages {

    public static final String BUNDLE = "org.contactsync.sync.web.messages";

    private SyncMessages() {
    }

    public static LocalizedMessage of(String key, Object... args) {
        return LocalizedMessage.of(BUNDLE, key, args);
    }
}

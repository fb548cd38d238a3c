package org.contactsync.jobqueue;

import org.contactsync.platform.LocalizedMessage;

/** The job queue's texts (bundle {@code jobQueueMsg} on the pages). */
public final class JobQueueMessages {

    public static final String BUNDLE = "org.contactsync.jobqueue.web.messages";

    private JobQueueMessages() {
    }

    public static LocalizedMessage of(String key, Object... args) {
        return LocalizedMessage.of(BUNDLE, key, args);
    }
}

package org.contactsync.graph;

import java.time.Duration;

/** What became of one {@link OutlookWrite}. */
public sealed interface WriteOutcome {

    OutlookWrite write();

    /** Whether the write took effect (or, for a delete, the contact is gone either way). */
    default boolean succeeded() {
        return this instanceof Created || this instanceof Updated || this instanceof Deleted
                || this instanceof AlreadyGone;
    }

    /**
     * 201: the new contact's immutable id and change key; {@code foundByStamp} when the create's answer was lost (a
     * 5xx after the work, or a dropped connection) and the contact was found in Outlook by its stamp instead.
     */
    record Created(OutlookWrite write, String graphId, String changeKey, boolean foundByStamp) implements WriteOutcome {
        public Created(OutlookWrite write, String graphId, String changeKey) {
            this(write, graphId, changeKey, false);
        }
    }

    /**
     * 200: the contact's new change key; {@code foundCarriedOut} when the update's answer was lost and reading the
     * contact again showed it carried out.
     */
    record Updated(OutlookWrite write, String changeKey, boolean foundCarriedOut) implements WriteOutcome {
        public Updated(OutlookWrite write, String changeKey) {
            this(write, changeKey, false);
        }
    }

    /** 204. */
    record Deleted(OutlookWrite write) implements WriteOutcome {
    }

    /** A delete found the contact already gone (404): nothing left to do. */
    record AlreadyGone(OutlookWrite write) implements WriteOutcome {
    }

    /** An update found no such contact (404): deleted in Outlook meanwhile. */
    record NotFound(OutlookWrite write) implements WriteOutcome {
    }

    /** 412/409: the contact changed since the given change key; re-read it and plan again. */
    record Conflict(OutlookWrite write, String code) implements WriteOutcome {
    }

    /** Not done because the mailbox kept throttling past the budget; retry after {@code retryAfter} or later. */
    record Throttled(OutlookWrite write, Duration retryAfter) implements WriteOutcome {
    }

    /** Any other refusal, with Graph's status, code and message (status 0: the request did not reach Graph). */
    record Failed(OutlookWrite write, int status, String code, String message) implements WriteOutcome {
    }
}

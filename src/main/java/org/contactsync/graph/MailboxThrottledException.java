package org.contactsync.graph;

/**
 * The mailbox kept throttling past the session's {@link ThrottleBudget}: the engine should save its state and
 * postpone this employee's run instead of failing it.
 */
public class MailboxThrottledException extends GraphCallException {

    private static final long serialVersionUID = 1L;

    public MailboxThrottledException(String mailbox, Throwable cause) {
        super(429, "TooManyRequests", "The mailbox " + mailbox + " kept throttling past the retry budget",
                ConnectionCheckOutcome.THROTTLED, cause);
    }
}

package org.contactsync.graph;

import java.util.Objects;

/**
 * The result of a connection check.
 *
 * @param outcome         what was found
 * @param technicalDetail for the administrator's support case: the service's error code and message, or the network
 *                        error; never a secret
 */
public record ConnectionCheckResult(ConnectionCheckOutcome outcome, String technicalDetail) {

    public ConnectionCheckResult {
        Objects.requireNonNull(outcome, "outcome");
        technicalDetail = technicalDetail == null ? "" : technicalDetail;
    }

    /** Whether the connection works: OK, or scoped to mailboxes by Exchange RBAC for Applications. */
    public boolean ok() {
        return outcome == ConnectionCheckOutcome.OK || outcome == ConnectionCheckOutcome.MAILBOX_SCOPED;
    }
}

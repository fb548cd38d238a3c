package org.contactsync.sandbox;

/**
 * Whose requests Exchange Online's limit of four concurrent requests counts together. The sources disagree, so the
 * sandbox offers both (docs/graph-fidelity.md, "Settings where the sources disagree"):
 * {@code contactsync.sandbox.throttling.concurrency-scope}, changeable at run time through
 * {@code /sandbox/admin/throttling}. The request budget per window is per app and mailbox under either.
 */
public enum ConcurrencyScope {

    /**
     * One app's requests to one mailbox: "evaluated for each app ID and mailbox combination … If an application
     * exceeds the limit in one mailbox, it does not affect the ability to access another mailbox"
     * (microsoft-graph-docs-contrib, concepts/throttling-limits.md, "Outlook service limits", commit e62a3c1).
     */
    APP_AND_MAILBOX,

    /**
     * All of one app's requests, whichever mailboxes they reach: "Limits per app ID … regardless of whether the
     * requests all access the same mailbox, or access different mailboxes" (the same page at commit 0135174;
     * microsoft-graph-docs-contrib pull request 9428: "Throttling is per application").
     */
    APP
}

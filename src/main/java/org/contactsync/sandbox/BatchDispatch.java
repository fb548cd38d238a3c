package org.contactsync.sandbox;

/**
 * How Graph hands the items of a fully parallel {@code $batch} (no {@code dependsOn}) to Exchange. The sources
 * disagree, so the sandbox offers both (docs/graph-fidelity.md, "Settings where the sources disagree"):
 * {@code contactsync.sandbox.batch.parallel-dispatch}, changeable at run time through {@code /sandbox/admin/batch}.
 */
public enum BatchDispatch {

    /**
     * Graph sends Exchange up to four items of the batch at a time; the others wait for a free place
     * (microsoft-graph-docs-contrib, concepts/throttling-limits.md, "Outlook service limits for JSON batching").
     */
    FOUR_AT_A_TIME,

    /**
     * Graph sends Exchange every item at once; items beyond the mailbox's concurrency limit get 429
     * ApplicationThrottled "Application is over its MailboxConcurrency limit." (Microsoft Q&A 968767, community).
     */
    ALL_AT_ONCE;

    /** How many items of a parallel batch Graph hands to Exchange at once under {@link #FOUR_AT_A_TIME}. */
    static final int GRAPH_ITEMS_AT_A_TIME = 4;
}

package org.contactsync.sync.plan;

/** Which side an action writes. */
public enum Direction {
    TO_OUTLOOK, TO_BUSINESS_CENTRAL,
    /** Only the link table and the log: neither side's contact changes. */
    NONE
}

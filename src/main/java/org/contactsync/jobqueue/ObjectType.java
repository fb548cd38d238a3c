package org.contactsync.jobqueue;

/** Object Type to Run. Business Central also runs reports; this application has codeunits only. */
public enum ObjectType {
    CODEUNIT
}

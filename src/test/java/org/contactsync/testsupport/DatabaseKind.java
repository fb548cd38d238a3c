package org.contactsync.testsupport;

/** The databases the application supports, each a target of the persistence tests. */
public enum DatabaseKind {
    /** Embedded H2 2.2.224, the version Payara Micro bundles; in memory. */
    H2,
    /** PostgreSQL at 127.0.0.1:5432 with trust authentication (every development and CI machine runs one). */
    POSTGRESQL
}

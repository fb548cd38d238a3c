package org.contactsync.graph;

/**
 * Asked before every HTTP request a mailbox session sends (each page of a listing or a delta round, each
 * {@code $batch}, each retry), on the thread that sends it: the sync engine renews its run's lease here, so that a
 * long read of a large or throttled mailbox keeps the lease as the chunk commits do. {@code false} means the session
 * must stop (its run lost the lease to another server): the request is not sent and fails with
 * {@link GraphCallException}.
 */
@FunctionalInterface
public interface SessionHeartbeat {

    boolean beat();

    /** For sessions that hold nothing: always go on. */
    static SessionHeartbeat none() {
        return () -> true;
    }
}

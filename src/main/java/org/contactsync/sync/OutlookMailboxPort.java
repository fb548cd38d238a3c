package org.contactsync.sync;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.contactsync.graph.DeltaRound;
import org.contactsync.graph.OutlookContact;
import org.contactsync.graph.OutlookWrite;
import org.contactsync.graph.WriteReport;

/**
 * The sync's port to Outlook: what a run does with the employee's mailbox (the sync folder, its listing and delta,
 * the writes). {@link GraphOutlookMailbox} carries it out on Microsoft Graph; tests use an in-memory mailbox. A call
 * that Graph refuses throws {@link org.contactsync.graph.GraphCallException}, one that the mailbox kept throttling
 * {@link org.contactsync.graph.MailboxThrottledException}, as {@link org.contactsync.graph.OutlookMailbox} does.
 */
public interface OutlookMailboxPort {

    /** The id of the contact folder of that name, created when the mailbox has none. */
    String ensureFolder(String displayName);

    /** Whether the folder is among the mailbox's contact folders (not deleted into Deleted Items). */
    boolean isInContacts(String folderId);

    void renameFolder(String folderId, String displayName);

    /** Every contact in the folder, with stamp and Fax No. */
    List<OutlookContact> listFolder(String folderId);

    /** One delta round from the deltaLink, or from scratch without one. */
    DeltaRound delta(String folderId, Optional<String> deltaLink);

    /** The contacts read again with stamp and Fax No., which delta cannot give. */
    List<OutlookContact> withExtendedProperties(String folderId, Collection<OutlookContact> contacts);

    /** Carries out the writes in order; one outcome per write. */
    WriteReport apply(String folderId, List<OutlookWrite> writes);

    /** The HTTP requests sent so far (the run's count). */
    int requestCount();
}

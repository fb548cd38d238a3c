package org.contactsync.sync;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.contactsync.graph.DeltaRound;
import org.contactsync.graph.OutlookContact;
import org.contactsync.graph.OutlookMailbox;
import org.contactsync.graph.OutlookWrite;
import org.contactsync.graph.WriteReport;

/**
 * {@link OutlookMailboxPort} on a Graph session: every call goes to {@code graph}'s {@link OutlookMailbox} as it is.
 * It lives here, not in {@code graph}, so that the arrow runs from sync to graph only.
 */
final class GraphOutlookMailbox implements OutlookMailboxPort {

    private final OutlookMailbox mailbox;

    GraphOutlookMailbox(OutlookMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public String ensureFolder(String displayName) {
        return mailbox.ensureFolder(displayName);
    }

    @Override
    public boolean isInContacts(String folderId) {
        return mailbox.isInContacts(folderId);
    }

    @Override
    public void renameFolder(String folderId, String displayName) {
        mailbox.renameFolder(folderId, displayName);
    }

    @Override
    public List<OutlookContact> listFolder(String folderId) {
        return mailbox.listFolder(folderId);
    }

    @Override
    public DeltaRound delta(String folderId, Optional<String> deltaLink) {
        return mailbox.delta(folderId, deltaLink);
    }

    @Override
    public List<OutlookContact> withExtendedProperties(String folderId, Collection<OutlookContact> contacts) {
        return mailbox.withExtendedProperties(folderId, contacts);
    }

    @Override
    public WriteReport apply(String folderId, List<OutlookWrite> writes) {
        return mailbox.apply(folderId, writes);
    }

    @Override
    public int requestCount() {
        return mailbox.requestCount();
    }
}

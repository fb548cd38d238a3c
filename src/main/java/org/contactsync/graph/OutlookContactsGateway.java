package org.contactsync.graph;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The sync engine's door to Outlook contacts: opens an {@link OutlookMailbox} session on one employee's mailbox
 * through a connection. Plain records in and out; no Graph SDK type leaves this package.
 */
@ApplicationScoped
public class OutlookContactsGateway {

    private GraphClients clients;

    /** For CDI. */
    protected OutlookContactsGateway() {
    }

    @Inject
    public OutlookContactsGateway(GraphClients clients) {
        this.clients = clients;
    }

    /** A session on the mailbox with the standard throttling budget; open one per run. */
    public OutlookMailbox open(GraphConnectionSettings settings, String mailbox) {
        return open(settings, mailbox, ThrottleBudget.standard(), SessionHeartbeat.none());
    }

    /** A session whose every request first asks {@code heartbeat} (a sync run renews its lease there). */
    public OutlookMailbox open(GraphConnectionSettings settings, String mailbox, SessionHeartbeat heartbeat) {
        return open(settings, mailbox, ThrottleBudget.standard(), heartbeat);
    }

    public OutlookMailbox open(GraphConnectionSettings settings, String mailbox, ThrottleBudget budget) {
        return open(settings, mailbox, budget, SessionHeartbeat.none());
    }

    public OutlookMailbox open(GraphConnectionSettings settings, String mailbox, ThrottleBudget budget,
            SessionHeartbeat heartbeat) {
        return new OutlookMailbox(clients.session(settings, mailbox, budget, heartbeat));
    }
}

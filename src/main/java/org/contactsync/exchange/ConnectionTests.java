package org.contactsync.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.contactsync.employee.Caller;
import org.contactsync.graph.ConnectionCheckResult;
import org.contactsync.graph.GraphConnectionChecks;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;

/**
 * Test connection (admins) and Validate Exchange Connection (per employee). Deliberately not transactional: the
 * Graph calls can take seconds and must not hold a database transaction open; the reads and the recorded result
 * are short transactions of their own in the services.
 */
@ApplicationScoped
public class ConnectionTests {

    @Inject
    GraphConnectionService connections;

    @Inject
    ExchangeSyncService setups;

    @Inject
    GraphConnectionChecks checks;

    /** Tests the saved connection and records the outcome on it. */
    public ConnectionCheckResult testConnection(Caller caller) {
        connections.card(caller);
        var result = checks.testConnection(connections.settings().orElseThrow(ConnectionTests::notSetUp));
        connections.recordTest(caller, result.outcome().name());
        return result;
    }

    /**
     * Reaches the user's mailbox through the connection. Without an e-mail on the user card, or without a
     * connection, it is refused with its own message and Graph is not called.
     */
    public ConnectionCheckResult validateMailbox(Caller caller, String userName) {
        var email = setups.authenticationEmail(caller, userName).orElseThrow(() -> new ApplicationException(
                Kind.INVALID, ExchangeMessages.of("setup.noEmail")));
        return checks.validateMailbox(connections.settings().orElseThrow(ConnectionTests::notSetUp), email);
    }

    private static ApplicationException notSetUp() {
        return new ApplicationException(Kind.CONFLICT, ExchangeMessages.of("connection.refused.notSetUp"));
    }
}

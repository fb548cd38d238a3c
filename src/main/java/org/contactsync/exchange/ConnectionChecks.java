package org.contactsync.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.contactsync.employee.Caller;
import org.contactsync.graph.ConnectionCheckOutcome;
import org.contactsync.graph.ConnectionCheckResult;
import org.contactsync.graph.GraphConnectionChecks;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.LocalizedMessage;

/**
 * Test connection (admins) and Validate Exchange Connection (per employee). Deliberately not transactional: the
 * Graph calls can take seconds and must not hold a database transaction open; the reads and the recorded result
 * are short transactions of their own in the services.
 */
@ApplicationScoped
public class ConnectionChecks {

    /** Outcomes that are the connection's fault, which only an administrator can put right. */
    private static final Set<ConnectionCheckOutcome> CONNECTION_PROBLEMS = EnumSet.of(
            ConnectionCheckOutcome.WRONG_TENANT, ConnectionCheckOutcome.WRONG_CLIENT_ID,
            ConnectionCheckOutcome.WRONG_SECRET, ConnectionCheckOutcome.SECRET_EXPIRED,
            ConnectionCheckOutcome.PERMISSION_MISSING);

    @Inject
    GraphConnectionService connections;

    @Inject
    ExchangeSyncService setups;

    @Inject
    GraphConnectionChecks checks;

    /**
     * Tests the connection as the page shows it, without saving it (a try-out must not break every employee's sync);
     * when the page shows exactly the saved connection, the outcome is recorded on it. The tester's own mailbox, if
     * their user card has one, shows whether an app without the tenant-wide permission is scoped to mailboxes.
     */
    public TestedConnection testConnection(Caller caller, ConnectionInput onThePage) {
        var trial = connections.trial(caller, onThePage);
        var result = checks.testConnection(trial.settings(), ownMailbox(caller));
        if (trial.asSaved()) {
            connections.recordTest(caller, result.outcome().name());
        }
        return new TestedConnection(result, trial);
    }

    /** A test's outcome and what was tested. */
    public record TestedConnection(ConnectionCheckResult result, GraphConnectionService.TrialConnection tested) {
    }

    /**
     * Reaches the user's mailbox through the connection. Without an e-mail on the user card, or without a
     * connection, it is refused with its own message and Graph is not called.
     */
    public ConnectionCheckResult validateMailbox(Caller caller, String userName) {
        var email = setups.authenticationEmail(caller, userName).orElseThrow(() -> new ApplicationException(
                Kind.INVALID, ExchangeMessages.of("setup.noEmail")));
        return checks.validateMailbox(connections.settings().orElseThrow(ConnectionChecks::notSetUp), email);
    }

    /**
     * What Validate Exchange Connection tells the employee, on the page and in the API: the outcome in plain words;
     * a fault of the connection itself also says that only an administrator can fix it.
     */
    public static LocalizedMessage mailboxMessage(ConnectionCheckResult result) {
        var outcome = ExchangeMessages.of("check." + result.outcome().name());
        return CONNECTION_PROBLEMS.contains(result.outcome())
                ? ExchangeMessages.of("setup.connectionProblem", outcome) : outcome;
    }

    /** The caller's own Microsoft 365 e-mail, if their user card has one; a caller without a user row has none. */
    private Optional<String> ownMailbox(Caller caller) {
        try {
            return setups.authenticationEmail(caller, caller.userName());
        } catch (ApplicationException noUserCard) {
            return Optional.empty();
        }
    }

    private static ApplicationException notSetUp() {
        return new ApplicationException(Kind.CONFLICT, ExchangeMessages.of("connection.refused.notSetUp"));
    }
}

package org.contactsync.graph;

import static org.contactsync.platform.JsonProviders.JSON;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The checks behind "Test connection" and "Validate Exchange Connection": each fetches a token with azure-identity,
 * makes one Graph call and says in {@link ConnectionCheckOutcome} terms what went wrong.
 */
@ApplicationScoped
public class GraphConnectionChecks {

    /**
     * The user Test connection asks Graph about: a GUID no mailbox has. An app with only Contacts.ReadWrite
     * (application) has no call that needs no mailbox; asking for this user's contact folders proves the token is
     * accepted and Graph reachable (404 ErrorInvalidUser), or shows the permission missing (401/403).
     */
    static final String PROBE_USER = "00000000-0000-0000-0000-000000000000";
    static final String REQUIRED_ROLE = "Contacts.ReadWrite";
    private static final ThrottleBudget CHECK_BUDGET = new ThrottleBudget(2, Duration.ofSeconds(10));

    private GraphClients clients;

    /** For CDI. */
    protected GraphConnectionChecks() {
    }

    @Inject
    public GraphConnectionChecks(GraphClients clients) {
        this.clients = clients;
    }

    /**
     * Token, then one Graph call that needs no mailbox. OK needs the Contacts.ReadWrite application permission; a
     * token with no contacts role at all is also a correct set-up when Exchange RBAC for Applications grants the app
     * chosen mailboxes: then {@code mailboxToTry} (the tester's own) is opened, and if that works the outcome is
     * {@link ConnectionCheckOutcome#MAILBOX_SCOPED}. A connection to a cloud without contact delta says so
     * ({@link ConnectionCheckOutcome#CONTACT_DELTA_NOT_OFFERED}).
     */
    public ConnectionCheckResult testConnection(GraphConnectionSettings settings, Optional<String> mailboxToTry) {
        try {
            AccessToken token = token(settings);
            Optional<ConnectionCheckResult> refused = probe(settings, PROBE_USER, false);
            if (refused.isPresent()) {
                return refused.get();
            }
            Optional<List<String>> roles = roles(token);
            if (roles.isPresent() && !roles.get().contains(REQUIRED_ROLE)) {
                return withoutTheRole(settings, roles.get(), mailboxToTry);
            }
            return inItsCloud(settings, result(settings, ConnectionCheckOutcome.OK, "Token issued"
                    + roles.map(r -> " with roles " + r).orElse("") + "; Graph answered at " + settings.graphEndpoint()));
        } catch (RuntimeException e) {
            return failed(settings, e, false);
        }
    }

    /** A working connection, unless its national cloud does not offer contact delta, which every sync uses. */
    static ConnectionCheckResult inItsCloud(GraphConnectionSettings settings, ConnectionCheckResult connected) {
        Optional<NationalCloud> cloud = NationalCloud.ofGraphHost(settings.graphHost());
        if (cloud.isEmpty() || cloud.get().offersContactDelta()) {
            return connected;
        }
        return new ConnectionCheckResult(ConnectionCheckOutcome.CONTACT_DELTA_NOT_OFFERED, cloud.get().displayName()
                + " (" + settings.graphHost() + ") does not offer contact delta (api-reference/v1.0/api/contact-delta.md)");
    }

    /**
     * A token without Contacts.ReadWrite: scoped to mailboxes by Exchange RBAC for Applications when it carries no
     * contacts role at all and the given mailbox opens; otherwise the permission is missing.
     */
    private ConnectionCheckResult withoutTheRole(GraphConnectionSettings settings, List<String> roles,
                                                 Optional<String> mailboxToTry) {
        String missing = "The token grants the roles " + roles + ", not " + REQUIRED_ROLE
                + " (application permission with admin consent)";
        boolean anyContactsRole = roles.stream().anyMatch(role -> role.startsWith("Contacts."));
        Optional<String> mailbox = mailboxToTry.map(String::strip).filter(m -> !m.isEmpty());
        if (anyContactsRole || mailbox.isEmpty()) {
            return result(settings, ConnectionCheckOutcome.PERMISSION_MISSING, missing);
        }
        Optional<ConnectionCheckResult> refused = probe(settings, mailbox.get(), true);
        if (refused.isPresent()) {
            return result(settings, ConnectionCheckOutcome.PERMISSION_MISSING, missing + "; " + mailbox.get()
                    + " did not open either: " + refused.get().technicalDetail());
        }
        return result(settings, ConnectionCheckOutcome.MAILBOX_SCOPED, "The token grants no contacts role; "
                + mailbox.get() + " opened, so Exchange RBAC for Applications grants the app its mailboxes");
    }

    /** Reaches the mailbox's contact folders through the connection. */
    public ConnectionCheckResult validateMailbox(GraphConnectionSettings settings, String mailbox) {
        if (mailbox == null || mailbox.isBlank()) {
            return new ConnectionCheckResult(ConnectionCheckOutcome.MAILBOX_NOT_FOUND, "No mailbox address given");
        }
        try {
            token(settings);
            return probe(settings, mailbox.strip(), true).orElseGet(() -> result(settings, ConnectionCheckOutcome.OK,
                    "The contact folders of " + mailbox.strip() + " are reachable"));
        } catch (RuntimeException e) {
            return failed(settings, e, true);
        }
    }

    private AccessToken token(GraphConnectionSettings settings) {
        return clients.connection(settings).credential()
                .getTokenSync(new TokenRequestContext().addScopes(settings.graphScope()));
    }

    /** Asks for one contact folder of the user; empty when Graph answered as a working connection does. */
    private Optional<ConnectionCheckResult> probe(GraphConnectionSettings settings, String user, boolean mailboxCall) {
        GraphSession session = clients.session(settings, user, CHECK_BUDGET, SessionHeartbeat.none());
        try {
            session.graph().users().byUserId(user).contactFolders()
                    .get(rc -> {
                        rc.queryParameters.top = 1;
                        rc.queryParameters.select = new String[]{"id"};
                    });
            return Optional.empty();
        } catch (RuntimeException e) {
            GraphFailures.Failure failure = GraphFailures.classify(e, mailboxCall);
            if (!mailboxCall && failure.outcome() == ConnectionCheckOutcome.MAILBOX_NOT_FOUND) {
                return Optional.empty();
            }
            return Optional.of(result(settings, failure.outcome(), failure.detail()));
        }
    }

    private static ConnectionCheckResult failed(GraphConnectionSettings settings, RuntimeException e,
                                                boolean mailboxCall) {
        GraphFailures.Failure failure = GraphFailures.classify(e, mailboxCall);
        return result(settings, failure.outcome(), failure.detail());
    }

    private static ConnectionCheckResult result(GraphConnectionSettings settings, ConnectionCheckOutcome outcome,
                                                String detail) {
        return new ConnectionCheckResult(outcome, GraphFailures.withoutSecrets(detail, settings));
    }

    /** The application roles of an Entra access token (a JWT); empty when the token is not readable. */
    static Optional<List<String>> roles(AccessToken token) {
        String[] parts = token.getToken().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            var claims = reader.readObject();
            if (!(claims.get("roles") instanceof JsonArray roles)) {
                return Optional.of(List.of());
            }
            return Optional.of(roles.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

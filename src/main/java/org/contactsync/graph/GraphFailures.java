package org.contactsync.graph;

import com.microsoft.graph.models.odataerrors.ODataError;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Translates what the SDK and azure-identity throw into the outcomes administrators and the engine act on: Entra
 * ID's AADSTS codes from the token endpoint, Graph's status and error code, and network failures.
 */
final class GraphFailures {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
    private static final Map<String, ConnectionCheckOutcome> TOKEN_ERRORS = Map.of(
            "90002", ConnectionCheckOutcome.WRONG_TENANT,
            "900023", ConnectionCheckOutcome.WRONG_TENANT,
            "700016", ConnectionCheckOutcome.WRONG_CLIENT_ID,
            "7000215", ConnectionCheckOutcome.WRONG_SECRET,
            "7000218", ConnectionCheckOutcome.WRONG_SECRET,
            "700027", ConnectionCheckOutcome.WRONG_SECRET,
            "7000222", ConnectionCheckOutcome.SECRET_EXPIRED,
            "7000226", ConnectionCheckOutcome.SECRET_EXPIRED);
    private static final Set<String> NO_MAILBOX = Set.of("ErrorInvalidUser", "MailboxNotEnabledForRESTAPI",
            "MailboxNotSupportedForRESTAPI", "ResourceNotFound", "ErrorNonExistentMailbox");

    private GraphFailures() {
    }

    /**
     * A classified failure.
     *
     * @param outcome what it means
     * @param status  Graph's HTTP status, 0 when Graph did not answer (token or network failure)
     * @param code    the service's error code (AADSTS number or Graph code), empty if none
     * @param detail  one line for people and logs, without secrets
     */
    record Failure(ConnectionCheckOutcome outcome, int status, String code, String detail) {
    }

    /** Classifies a failure of a call that addressed a mailbox ({@code mailboxCall}) or only proved the connection. */
    static Failure classify(Throwable failure, boolean mailboxCall) {
        Optional<ODataError> graphError = find(failure, ODataError.class);
        if (graphError.isPresent()) {
            return graphAnswer(graphError.get(), mailboxCall);
        }
        if (find(failure, GraphClients.SessionStopped.class).isPresent()) {
            return new Failure(ConnectionCheckOutcome.UNEXPECTED, 0, GraphClients.SessionStopped.CODE,
                    "Request not sent: the session was told to stop");
        }
        Optional<String> aadsts = aadstsCode(failure);
        if (aadsts.isPresent()) {
            return new Failure(TOKEN_ERRORS.getOrDefault(aadsts.get(), ConnectionCheckOutcome.UNEXPECTED), 0,
                    "AADSTS" + aadsts.get(), firstLine(messageWith(failure, "AADSTS")));
        }
        for (Class<? extends Throwable> network : java.util.List.of(UnknownHostException.class,
                ConnectException.class, NoRouteToHostException.class, InterruptedIOException.class,
                SSLException.class)) {
            Optional<? extends Throwable> cause = find(failure, network);
            if (cause.isPresent()) {
                return new Failure(ConnectionCheckOutcome.UNREACHABLE, 0, "",
                        cause.get().getClass().getSimpleName() + ": " + firstLine(cause.get().getMessage()));
            }
        }
        Throwable root = rootCause(failure);
        return new Failure(ConnectionCheckOutcome.UNEXPECTED, 0, "",
                root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()));
    }

    private static Failure graphAnswer(ODataError error, boolean mailboxCall) {
        int status = error.getResponseStatusCode();
        String code = error.getError() == null || error.getError().getCode() == null ? "" : error.getError().getCode();
        String message = error.getError() == null || error.getError().getMessage() == null ? ""
                : error.getError().getMessage();
        ConnectionCheckOutcome outcome;
        if (status == 429) {
            outcome = ConnectionCheckOutcome.THROTTLED;
        } else if (status == 404 && NO_MAILBOX.contains(code)) {
            outcome = ConnectionCheckOutcome.MAILBOX_NOT_FOUND;
        } else if (status == 401) {
            outcome = ConnectionCheckOutcome.PERMISSION_MISSING;
        } else if (status == 403) {
            outcome = mailboxCall ? ConnectionCheckOutcome.ACCESS_DENIED : ConnectionCheckOutcome.PERMISSION_MISSING;
        } else {
            outcome = ConnectionCheckOutcome.UNEXPECTED;
        }
        return new Failure(outcome, status, code, "HTTP " + status + " " + code + ": " + firstLine(message));
    }

    /** The failure as the gateway throws it. */
    static GraphCallException asException(Throwable failure, GraphSession session) {
        if (failure instanceof GraphCallException known) {
            return known;
        }
        Failure classified = classify(failure, true);
        if (classified.outcome() == ConnectionCheckOutcome.THROTTLED || session.counters().exhausted()
                && classified.status() >= 500) {
            return new MailboxThrottledException(session.mailbox(), failure);
        }
        return new GraphCallException(classified.status(), classified.code(), classified.detail(),
                classified.outcome(), failure);
    }

    static Optional<String> aadstsCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            Matcher m = AADSTS.matcher(String.valueOf(cause.getMessage()));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static String messageWith(Throwable failure, String text) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            String message = String.valueOf(cause.getMessage());
            int at = message.indexOf(text);
            if (at >= 0) {
                return message.substring(at);
            }
        }
        return String.valueOf(failure.getMessage());
    }

    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (next(cause) != null) {
            cause = next(cause);
        }
        return cause;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }

    /** The text with every occurrence of the settings' secret or certificate password replaced. */
    static String withoutSecrets(String text, GraphConnectionSettings settings) {
        String cleaned = text;
        if (settings.credential() instanceof GraphConnectionSettings.ClientSecret secret) {
            cleaned = cleaned.replace(secret.value(), "***");
        } else if (settings.credential() instanceof GraphConnectionSettings.ClientCertificate certificate
                && certificate.password().filter(p -> !p.isEmpty()).isPresent()) {
            cleaned = cleaned.replace(certificate.password().get(), "***");
        }
        return cleaned;
    }
}

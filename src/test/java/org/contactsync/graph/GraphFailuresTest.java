package org.contactsync.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entra ID's and Graph's failures in the words an administrator acts on. */
class GraphFailuresTest {

    /** What azure-identity throws from the token endpoint, as the SDK wraps it. */
    private static RuntimeException tokenFailure(String aadsts, String text) {
        String message = "AADSTS" + aadsts + ": " + text + " Trace ID: 1 Correlation ID: 2 Timestamp: 2026-01-01";
        return new CompletionException(new ClientAuthenticationException("ClientSecretCredential authentication failed",
                null, new MsalServiceException(message, "invalid_client")));
    }

    private static ODataError graphError(int status, String code) {
        // The status setter is protected: the SDK sets it when it parses a response.
        ODataError error = new ODataError() {
            {
                setResponseStatusCode(status);
            }
        };
        MainError main = new MainError();
        main.setCode(code);
        main.setMessage("Graph says " + code);
        error.setError(main);
        return error;
    }

    @ParameterizedTest
    @CsvSource({
            "90002, WRONG_TENANT",
            "900023, WRONG_TENANT",
            "700016, WRONG_CLIENT_ID",
            "7000215, WRONG_SECRET",
            "7000222, SECRET_EXPIRED",
            "50000, UNEXPECTED"})
    void tokenEndpointCodes(String aadsts, ConnectionCheckOutcome expected) {
        GraphFailures.Failure failure = GraphFailures.classify(tokenFailure(aadsts, "Something."), false);
        assertEquals(expected, failure.outcome());
        assertEquals("AADSTS" + aadsts, failure.code());
        assertTrue(failure.detail().startsWith("AADSTS" + aadsts + ": Something."), failure.detail());
    }

    @ParameterizedTest
    @CsvSource({
            "403, ErrorAccessDenied, false, PERMISSION_MISSING",
            "401, InvalidAuthenticationToken, false, PERMISSION_MISSING",
            "403, ErrorAccessDenied, true, ACCESS_DENIED",
            "404, ErrorInvalidUser, true, MAILBOX_NOT_FOUND",
            "404, MailboxNotEnabledForRESTAPI, true, MAILBOX_NOT_FOUND",
            "404, ErrorItemNotFound, true, UNEXPECTED",
            "429, ApplicationThrottled, true, THROTTLED",
            "500, ErrorInternalServerError, true, UNEXPECTED"})
    void graphAnswers(int status, String code, boolean mailboxCall, ConnectionCheckOutcome expected) {
        GraphFailures.Failure failure = GraphFailures.classify(new RuntimeException(graphError(status, code)), mailboxCall);
        assertEquals(expected, failure.outcome());
        assertEquals(status, failure.status());
        assertEquals("HTTP " + status + " " + code + ": Graph says " + code, failure.detail());
    }

    @Test
    void networkFailuresAreUnreachable() {
        for (Exception network : new Exception[]{new UnknownHostException("graph.contoso.invalid"),
                new ConnectException("Connection refused"), new SocketTimeoutException("timeout"),
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed")}) {
            GraphFailures.Failure failure = GraphFailures.classify(new RuntimeException(new java.io.UncheckedIOException(
                    new java.io.IOException(network))), false);
            assertEquals(ConnectionCheckOutcome.UNREACHABLE, failure.outcome(), network.toString());
            assertTrue(failure.detail().contains(network.getMessage()), failure.detail());
        }
    }

    @Test
    void theSecretNeverAppearsInADetailNorInTheSettingsText() {
        GraphConnectionSettings settings = GraphConnectionSettings.withSecret("t", "c", "s3cr3t-Value",
                GraphConnectionSettings.GLOBAL_AUTHORITY_HOST, GraphConnectionSettings.GLOBAL_GRAPH_ENDPOINT);
        assertEquals("client_secret=*** was refused",
                GraphFailures.withoutSecrets("client_secret=s3cr3t-Value was refused", settings));
        assertFalse(settings.toString().contains("s3cr3t"), settings.toString());
        var certificate = new GraphConnectionSettings.ClientCertificate(GraphConnectionSettings.CertificateFormat.PFX,
                new byte[]{1, 2, 3}, java.util.Optional.of("pfx-password"));
        assertFalse(settings.withCredential(certificate).toString().contains("pfx-password"));
    }

    @Test
    void settingsRefuseWhatTheSdkCannotUse() {
        for (String[] wrong : new String[][]{
                {"http://login.example", "https://graph.example/v1.0"},
                {"https://login.example", "https://graph.example/beta"},
                {"https://login.example", "https://graph.example/sandbox"}}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () ->
                    GraphConnectionSettings.withSecret("t", "c", "s", wrong[0], wrong[1]));
        }
        GraphConnectionSettings sandbox = GraphConnectionSettings.withSecret("t", "c", "s",
                "https://localhost:8681/", "https://localhost:8681/sandbox/graph/v1.0/");
        assertEquals("https://localhost:8681", sandbox.authorityHost());
        assertEquals("https://localhost:8681/sandbox/graph/v1.0", sandbox.graphEndpoint());
        assertEquals("localhost", sandbox.graphHost());
        assertFalse(sandbox.isMicrosoftAuthority(), "instance discovery is switched off for it");
    }
}

package org.contactsync.exchange;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.contactsync.exchange.ConnectionInput.CredentialKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Where the connection's secret may go: https anywhere; plain http only to this machine with the sandbox on. */
class ConnectionEndpointsTest {

    private static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";

    @ParameterizedTest
    @ValueSource(strings = {"https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0",
            "HTTPS://login.microsoftonline.us", "https://localhost:8181"})
    void httpsIsAlwaysAllowed(String address) {
        assertTrue(ConnectionEndpoints.mayCarrySecrets(address, false));
        assertTrue(ConnectionEndpoints.mayCarrySecrets(address, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/sandbox/graph/v1.0", "http://127.0.0.1:8080", "http://[::1]:8080",
            "http://LOCALHOST"})
    void plainHttpToALoopbackAddressOnlyWithTheSandboxOn(String address) {
        assertTrue(ConnectionEndpoints.mayCarrySecrets(address, true));
        assertFalse(ConnectionEndpoints.mayCarrySecrets(address, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "http://graph.microsoft.com/v1.0", "http://localhost.evil.example",
            "http://127.0.0.1.evil.example", "http://10.0.0.1", "ftp://localhost", "https://", "not a url"})
    void plainHttpElsewhereIsNever(String address) {
        assertFalse(ConnectionEndpoints.mayCarrySecrets(address, true));
        assertFalse(ConnectionEndpoints.mayCarrySecrets(address, false));
    }

    @Test
    void theSameApplicationIsTheSameTenantClientIdAuthorityAndEndpoint() {
        var stored = new GraphConnection(Instant.EPOCH, "admin");
        stored.setApplication("contoso.onmicrosoft.com", CLIENT_ID, "https://login.microsoftonline.com",
                "https://graph.microsoft.com/v1.0");

        assertTrue(ConnectionEndpoints.sameApplication(stored, input("Contoso.onmicrosoft.com", CLIENT_ID.toUpperCase(),
                "https://login.microsoftonline.com/", "https://graph.microsoft.com/v1.0")));
        assertFalse(ConnectionEndpoints.sameApplication(stored, input("fabrikam.onmicrosoft.com", CLIENT_ID,
                "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0")));
        assertFalse(ConnectionEndpoints.sameApplication(stored, input("contoso.onmicrosoft.com",
                "1f6d8a1e-3b5c-4d0a-9f2e-7c4b1a2d3e5f", "https://login.microsoftonline.com",
                "https://graph.microsoft.com/v1.0")));
        assertFalse(ConnectionEndpoints.sameApplication(stored, input("contoso.onmicrosoft.com", CLIENT_ID,
                "https://login.evil.example", "https://graph.microsoft.com/v1.0")));
        assertFalse(ConnectionEndpoints.sameApplication(stored, input("contoso.onmicrosoft.com", CLIENT_ID,
                "https://login.microsoftonline.com", "https://graph.evil.example/v1.0")));
    }

    private static ConnectionInput input(String tenant, String clientId, String authority, String endpoint) {
        return new ConnectionInput(tenant, clientId, CredentialKind.CLIENT_SECRET, Optional.empty(), Optional.empty(),
                Optional.empty(), authority, endpoint);
    }
}

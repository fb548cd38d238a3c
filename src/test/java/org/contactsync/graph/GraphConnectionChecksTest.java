package org.contactsync.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.contactsync.sandbox.SandboxApp;
import org.contactsync.sandbox.SandboxSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Test connection's verdicts that depend on where the app is allowed in: Exchange RBAC for Applications (a token
 * without roles that opens chosen mailboxes) against the sandbox over HTTP, and the national clouds' token scopes,
 * authorities and contact delta.
 */
class GraphConnectionChecksTest {

    private static final String SCOPED_APP = "5c0pe000-0000-4000-8000-000000000001";
    private static final String ALICE = "alice@contoso.example";
    private final SandboxOverHttp server;

    GraphConnectionChecksTest() throws Exception {
        SandboxSettings demo = SandboxSettings.demo();
        List<SandboxApp> apps = new ArrayList<>(demo.apps());
        apps.add(SandboxApp.parse(SCOPED_APP + ":" + SandboxSettings.DEMO_SECRET + "::" + ALICE));
        server = new SandboxOverHttp(new SandboxSettings(demo.tenant(), apps, demo.mailboxes(), demo.tokenLifetime(),
                demo.limits(), demo.faults(), demo.adminKey()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ConnectionCheckResult test(String clientId, Optional<String> mailboxToTry) {
        return new GraphConnectionChecks(server.clientsOf(clientId, SandboxSettings.DEMO_SECRET))
                .testConnection(server.settings(), mailboxToTry);
    }

    @Test
    void anAppScopedToMailboxesByRbacForApplicationsIsACorrectSetUpWhenTheTestersMailboxOpens() {
        ConnectionCheckResult scoped = test(SCOPED_APP, Optional.of(ALICE));

        assertEquals(ConnectionCheckOutcome.MAILBOX_SCOPED, scoped.outcome(), scoped.technicalDetail());
        assertTrue(scoped.ok(), "a working connection");
        assertTrue(scoped.technicalDetail().contains(ALICE), scoped.technicalDetail());
    }

    @Test
    void withoutTheRoleAndWithoutAnOpeningMailboxThePermissionIsMissing() {
        ConnectionCheckResult outsideTheScope = test(SCOPED_APP, Optional.of("bob@contoso.example"));
        assertEquals(ConnectionCheckOutcome.PERMISSION_MISSING, outsideTheScope.outcome());
        assertTrue(outsideTheScope.technicalDetail().contains("ErrorAccessDenied"), outsideTheScope.technicalDetail());
        assertFalse(outsideTheScope.ok());

        assertEquals(ConnectionCheckOutcome.PERMISSION_MISSING, test(SCOPED_APP, Optional.empty()).outcome(),
                "no mailbox to try: the token alone cannot tell");
        assertEquals(ConnectionCheckOutcome.PERMISSION_MISSING,
                test(SandboxSettings.DEMO_UNPRIVILEGED_CLIENT_ID, Optional.of(ALICE)).outcome(),
                "an app with no contacts access at all");
        assertEquals(ConnectionCheckOutcome.PERMISSION_MISSING,
                test(SandboxSettings.DEMO_READER_CLIENT_ID, Optional.of(ALICE)).outcome(),
                "Contacts.Read opens the mailbox but cannot write: its missing ReadWrite is no scoping");
        assertEquals(ConnectionCheckOutcome.OK, test(SandboxSettings.DEMO_CLIENT_ID, Optional.of(ALICE)).outcome());
    }

    private static GraphConnectionSettings at(String authorityHost, String graphEndpoint) {
        return GraphConnectionSettings.withSecret("tenant", "client", "secret", authorityHost, graphEndpoint);
    }

    @Test
    void theTokenScopeFollowsTheGraphEndpointsNationalCloud() {
        String global = GraphConnectionSettings.GLOBAL_AUTHORITY_HOST;
        assertEquals("https://graph.microsoft.com/.default", at(global, "https://graph.microsoft.com/v1.0").graphScope());
        assertEquals("https://graph.microsoft.us/.default", at(global, "https://graph.microsoft.us/v1.0").graphScope());
        assertEquals("https://dod-graph.microsoft.us/.default",
                at(global, "https://DOD-Graph.microsoft.us/v1.0").graphScope());
        assertEquals("https://microsoftgraph.chinacloudapi.cn/.default",
                at(global, "https://microsoftgraph.chinacloudapi.cn/v1.0").graphScope());
        assertEquals("https://graph.microsoft.com/.default",
                at("https://localhost:8181", "https://localhost:8181/sandbox/graph/v1.0").graphScope(),
                "a stand-in for the global service (the sandbox, a gateway) takes its scope");
    }

    @Test
    void theDefaultAuthorityFollowsTheNationalCloudAndAnEnteredOneIsKept() {
        String global = GraphConnectionSettings.GLOBAL_AUTHORITY_HOST;
        assertEquals("https://login.microsoftonline.us",
                at(global, "https://graph.microsoft.us/v1.0").tokenAuthorityHost());
        assertEquals("https://login.microsoftonline.us",
                at(global, "https://dod-graph.microsoft.us/v1.0").tokenAuthorityHost());
        assertEquals("https://login.chinacloudapi.cn",
                at(global, "https://microsoftgraph.chinacloudapi.cn/v1.0").tokenAuthorityHost());
        assertEquals(global, at(global, "https://graph.microsoft.com/v1.0").tokenAuthorityHost());
        assertEquals("https://login.partner.microsoftonline.cn",
                at("https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn/v1.0")
                        .tokenAuthorityHost(), "an authority the administrator entered is not second-guessed");
        assertEquals("https://localhost:8181",
                at("https://localhost:8181", "https://localhost:8181/sandbox/graph/v1.0").tokenAuthorityHost());
    }

    @Test
    void aConnectionToACloudWithoutContactDeltaSaysSoPlainly() {
        ConnectionCheckResult connected = new ConnectionCheckResult(ConnectionCheckOutcome.OK, "Token issued");
        String global = GraphConnectionSettings.GLOBAL_AUTHORITY_HOST;

        ConnectionCheckResult china = GraphConnectionChecks.inItsCloud(
                at(global, "https://microsoftgraph.chinacloudapi.cn/v1.0"), connected);

        assertEquals(ConnectionCheckOutcome.CONTACT_DELTA_NOT_OFFERED, china.outcome());
        assertFalse(china.ok());
        assertTrue(china.technicalDetail().contains("21Vianet"), china.technicalDetail());
        for (String offered : List.of("https://graph.microsoft.com/v1.0", "https://graph.microsoft.us/v1.0",
                "https://dod-graph.microsoft.us/v1.0", "https://localhost:8181/sandbox/graph/v1.0")) {
            assertEquals(connected, GraphConnectionChecks.inItsCloud(at(global, offered), connected), offered);
        }
    }
}

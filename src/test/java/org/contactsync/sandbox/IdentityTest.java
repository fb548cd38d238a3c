package org.contactsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Entra ID's client-credentials flow and Graph's bearer check, as the sandbox answers them. */
class IdentityTest {

    private final MutableClock clock = new MutableClock();
    private final Sandbox sandbox = new Sandbox(SandboxSettings.demo(), clock);

    private IdentityResponse token(String tenant, String clientId, String secret, String scope) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "scope", scope));
        form.put("client_secret", secret);
        return sandbox.requestToken(tenant, form);
    }

    @Test
    void aRightSecretGetsABearerTokenWithEntrasFields() {
        IdentityResponse answer = token("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET,
                "https://graph.microsoft.com/.default");
        assertEquals(200, answer.status());
        assertEquals("Bearer", answer.body().getString("token_type"));
        assertEquals(3599, answer.body().getInt("expires_in"));
        assertEquals(3, answer.body().getString("access_token").split("\\.").length, "a JWT like Entra's");
    }

    @Test
    void msalsScopesTheDefaultScopePlusOpenIdConnectAreAccepted() {
        assertEquals(200, token("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET,
                "https://graph.microsoft.com/.default openid profile offline_access").status());
    }

    @Test
    void aWrongSecretGetsInvalidClientWithAadsts7000215() {
        IdentityResponse answer = token("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, "guess",
                "https://graph.microsoft.com/.default");
        assertEquals(401, answer.status());
        assertEquals("invalid_client", answer.body().getString("error"));
        assertTrue(answer.body().getString("error_description").startsWith("AADSTS7000215: Invalid client secret"));
        assertEquals(7000215, answer.body().getJsonArray("error_codes").getInt(0));
        assertTrue(answer.body().containsKey("trace_id") && answer.body().containsKey("correlation_id"));
    }

    @Test
    void anUnknownAppTenantOrScopeGetsEntrasErrors() {
        IdentityResponse unknownApp = token("contoso-sandbox", "00000000-0000-0000-0000-000000000001",
                SandboxSettings.DEMO_SECRET, "https://graph.microsoft.com/.default");
        assertEquals(400, unknownApp.status());
        assertEquals("unauthorized_client", unknownApp.body().getString("error"));
        assertTrue(unknownApp.body().getString("error_description").startsWith("AADSTS700016:"));

        IdentityResponse unknownTenant = token("fabrikam", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET,
                "https://graph.microsoft.com/.default");
        assertEquals(400, unknownTenant.status());
        assertTrue(unknownTenant.body().getString("error_description").startsWith("AADSTS90002:"));

        IdentityResponse delegatedScope = token("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID,
                SandboxSettings.DEMO_SECRET, "https://graph.microsoft.com/Contacts.ReadWrite");
        assertEquals("invalid_scope", delegatedScope.body().getString("error"));

        IdentityResponse noSecret = token("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, "",
                "https://graph.microsoft.com/.default");
        assertEquals(401, noSecret.status());
        assertTrue(noSecret.body().getString("error_description").startsWith("AADSTS7000218:"));
    }

    @Test
    void aScopeForAResourceOtherThanGraphGetsAadsts500011() {
        IdentityResponse evil = token("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET,
                "https://evil/.default");
        assertEquals(400, evil.status());
        assertEquals("invalid_resource", evil.body().getString("error"));
        assertTrue(evil.body().getString("error_description").startsWith("AADSTS500011: The resource principal named "
                + "https://evil was not found in the tenant named contoso-sandbox."), evil.body().toString());
        assertEquals(500011, evil.body().getJsonArray("error_codes").getInt(0));
        assertEquals("https://login.microsoftonline.com/error?code=500011", evil.body().getString("error_uri"));

        assertEquals(200, token("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET,
                "00000003-0000-0000-c000-000000000000/.default").status(), "Graph by its app id");
        assertEquals(200, token("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET,
                "HTTPS://GRAPH.MICROSOFT.COM/.default").status());
    }

    @Test
    void theTenantIdWorksAsWellAsItsName() {
        String tenantId = java.util.UUID.nameUUIDFromBytes("contoso-sandbox".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
        assertEquals(200, token(tenantId, SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET,
                "https://graph.microsoft.com/.default").status());
    }

    @Test
    void graphRefusesMissingForgedAndExpiredTokensWith401() {
        String path = "/users/alice@contoso.example/contactFolders";
        GraphResponse missing = sandbox.handle(new GraphRequest("GET", path, Map.of(), Map.of(), Optional.empty(),
                SandboxCaller.ROOT));
        assertEquals(401, missing.status());
        assertEquals("InvalidAuthenticationToken", SandboxCaller.errorCode(missing));
        assertTrue(missing.headers().containsKey("WWW-Authenticate"));

        String token = token("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET,
                "https://graph.microsoft.com/.default").body().getString("access_token");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        assertEquals(401, call(path, forged).status());
        assertEquals(200, call(path, token).status());

        clock.advance(Duration.ofSeconds(3600));
        GraphResponse expired = call(path, token);
        assertEquals(401, expired.status());
        assertEquals("Lifetime validation failed, the token is expired.",
                SandboxCaller.body(expired).getJsonObject("error").getString("message"));
    }

    @Test
    void expiringIssuedTokensOnPurposeMakesThemFail() {
        String token = token("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET,
                "https://graph.microsoft.com/.default").body().getString("access_token");
        sandbox.expireAccessTokens();
        assertEquals(401, call("/users/alice@contoso.example/contactFolders", token).status());
    }

    @Test
    void anAppWithoutTheContactsPermissionGets403AndAReaderCannotWrite() {
        SandboxCaller unprivileged = new SandboxCaller(sandbox, SandboxSettings.DEMO_UNPRIVILEGED_CLIENT_ID);
        GraphResponse denied = unprivileged.get("/users/alice@contoso.example/contactFolders");
        assertEquals(403, denied.status());
        assertEquals("ErrorAccessDenied", SandboxCaller.errorCode(denied));

        SandboxCaller reader = new SandboxCaller(sandbox, SandboxSettings.DEMO_READER_CLIENT_ID);
        assertEquals(200, reader.get("/users/alice@contoso.example/contactFolders").status());
        assertEquals(403, reader.post("/users/alice@contoso.example/contactFolders", "{\"displayName\":\"CRM\"}").status());
    }

    private GraphResponse call(String path, String token) {
        return sandbox.handle(new GraphRequest("GET", path, Map.of(), Map.of("authorization", "Bearer " + token),
                Optional.empty(), SandboxCaller.ROOT));
    }


    @Test
    void anAppScopedByRbacForApplicationsOpensItsMailboxesOnlyAndOthersAnswerAccessDenied() {
        SandboxSettings demo = SandboxSettings.demo();
        java.util.List<SandboxApp> apps = new java.util.ArrayList<>(demo.apps());
        apps.add(SandboxApp.parse("5c0pe000-0000-4000-8000-000000000001:" + SandboxSettings.DEMO_SECRET
                + "::Alice@Contoso.example"));
        Sandbox scoped = new Sandbox(new SandboxSettings(demo.tenant(), apps, demo.mailboxes(), demo.tokenLifetime(),
                demo.limits(), demo.faults(), demo.adminKey()), clock);
        IdentityResponse token = scoped.requestToken("contoso-sandbox", Map.of("grant_type", "client_credentials",
                "client_id", "5c0pe000-0000-4000-8000-000000000001", "client_secret", SandboxSettings.DEMO_SECRET,
                "scope", "https://graph.microsoft.com/.default"));
        assertEquals(200, token.status(), token.body().toString());
        assertEquals(0, claims(token).getJsonArray("roles").size(), "RBAC for Applications puts no role in the token");
        SandboxCaller graph = new SandboxCaller(scoped, "5c0pe000-0000-4000-8000-000000000001");

        assertEquals(200, graph.get("/users/alice@contoso.example/contactFolders").status());
        assertEquals(201, graph.post("/users/alice@contoso.example/contactFolders", "{\"displayName\":\"CRM\"}").status());
        GraphResponse bob = graph.get("/users/bob@contoso.example/contactFolders");
        assertEquals(403, bob.status());
        assertEquals("ErrorAccessDenied", SandboxCaller.errorCode(bob));
        assertEquals(403, graph.post("/users/bob@contoso.example/contactFolders", "{\"displayName\":\"CRM\"}").status());
        assertEquals(404, graph.get("/users/mallory@contoso.example/contactFolders").status(),
                "a user that does not exist is still not found");
    }

    @Test
    void anAppEntryMayNameTheMailboxesItsRbacAssignmentCovers() {
        SandboxApp both = SandboxApp.parse("id:secret:Contacts.Read:alice@contoso.example bob@contoso.example");
        assertEquals(java.util.Set.of("Contacts.Read"), both.roles());
        assertEquals(java.util.Set.of("alice@contoso.example", "bob@contoso.example"), both.scopedMailboxes());
        assertEquals(java.util.Set.of(), SandboxApp.parse("id:secret:Contacts.ReadWrite").scopedMailboxes());
    }

    private static jakarta.json.JsonObject claims(IdentityResponse token) {
        String payload = token.body().getString("access_token").split("\\.")[1];
        return jakarta.json.Json.createReader(new java.io.StringReader(new String(
                java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8))).readObject();
    }
}

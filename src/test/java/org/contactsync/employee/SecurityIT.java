package org.contactsync.employee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.contactsync.testsupport.ClassModelMarkers;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.FacesSession;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in, roles and API authentication on the real WAR with demo data, seen from outside as a browser and an API
 * client would: no redirects followed automatically, so every 302 is asserted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    private static final String WRONG = "The user name or password is incorrect.";
    private static final String LOCKED = "Too many failed sign-in attempts.";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void theLoginPageIsPublicAndProtectedPagesRedirectToIt() throws Exception {
        var session = new FacesSession(base);

        var login = session.get("login.xhtml");
        assertEquals(200, login.statusCode());
        for (var id : new String[] {"id=\"username\"", "id=\"password\"", "id=\"signIn\"", "id=\"messages\""}) {
            assertTrue(login.body().contains(id), "the login page has " + id);
        }
        assertFalse(login.body().contains("id=\"nav\""), "no navigation before sign-in");

        var home = session.get("index.xhtml");
        assertEquals(302, home.statusCode());
        assertTrue(location(home).endsWith("/login.xhtml"), location(home));
    }

    @Test
    void aliceSignsInAndReturnsToThePageSheAskedFor() throws Exception {
        var session = new FacesSession(base);
        assertEquals(302, session.get("users/card.xhtml").statusCode());

        var signIn = session.signIn("alice", "alice-demo-2026");

        assertEquals(302, signIn.statusCode());
        assertTrue(location(signIn).endsWith("/users/card.xhtml"), location(signIn));
        var card = session.get("users/card.xhtml");
        assertEquals(200, card.statusCode());
        assertTrue(card.body().contains("alice@contoso.example"), "her own card");
        assertTrue(card.body().contains("Alice Andersson"));
    }

    @Test
    void aBrowsersBackgroundRequestDoesNotBecomeThePageToReturnTo() throws Exception {
        var session = new FacesSession(base);
        assertEquals(302, session.get("users/card.xhtml").statusCode());

        var favicon = session.get("favicon.ico");
        assertEquals(401, favicon.statusCode(), "not sent to the login page");

        var signIn = session.signIn("alice", "alice-demo-2026");
        assertTrue(location(signIn).endsWith("/users/card.xhtml"), location(signIn));
    }

    @Test
    void signingInWithoutAPageToReturnToGoesHome() throws Exception {
        var session = new FacesSession(base);
        var signIn = session.signIn("ALICE", "alice-demo-2026");

        assertEquals(302, signIn.statusCode(), "user names are case-insensitive");
        assertTrue(location(signIn).endsWith("/index.xhtml"), location(signIn));
        assertEquals(200, session.get("index.xhtml").statusCode());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameNeutralMessage() throws Exception {
        var wrongPassword = new FacesSession(base).signIn("alice", "not-her-password");
        var unknownUser = new FacesSession(base).signIn("nobody-" + System.nanoTime(), "alice-demo-2026");

        for (var response : java.util.List.of(wrongPassword, unknownUser)) {
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains(WRONG), "neutral message shown");
            assertFalse(response.body().contains("alice-demo-2026"), "the password is never shown back");
        }
        assertEquals(messages(wrongPassword.body()), messages(unknownUser.body()));
    }

    @Test
    void repeatedFailuresLockAUserNameEvenWithTheRightPassword() throws Exception {
        // A user of its own: the lock lasts 15 minutes, and other tests share this server.
        var user = FacesSession.newEmployee(FacesSession.signedIn(base, "admin", "admin-demo-2026"), "locked-");
        var session = new FacesSession(base);
        for (int i = 1; i <= 4; i++) {
            assertTrue(session.signIn(user.userName(), "wrong-" + i).body().contains(WRONG));
        }
        assertTrue(session.signIn(user.userName(), "wrong-5").body().contains(LOCKED), "the fifth failure locks");

        var rightPassword = new FacesSession(base).signIn(user.userName(), user.password());

        assertEquals(200, rightPassword.statusCode(), "not signed in");
        assertTrue(rightPassword.body().contains(LOCKED));
    }

    @Test
    void unknownUserNamesAreLockedTheSameWay() throws Exception {
        var name = "ghost-" + System.nanoTime();
        var session = new FacesSession(base);
        for (int i = 1; i <= 4; i++) {
            assertTrue(session.signIn(name, "guess-" + i).body().contains(WRONG));
        }
        assertTrue(session.signIn(name, "guess-5").body().contains(LOCKED));
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessionsButNotTheOneThatChangedIt() throws Exception {
        var other = FacesSession.signedIn(base, "alice", "alice-demo-2026");
        var changing = FacesSession.signedIn(base, "alice", "alice-demo-2026");
        assertEquals(200, other.get("index.xhtml").statusCode());

        changePassword(changing, "alice-demo-2026", "a walk in the Tyresta forest");
        try {
            var ended = other.get("index.xhtml");
            assertEquals(302, ended.statusCode(), "the other session is signed out");
            assertTrue(location(ended).endsWith("/login.xhtml"), location(ended));
            assertEquals(302, other.get("users/card.xhtml").statusCode(), "and stays signed out");
            assertEquals(200, changing.get("index.xhtml").statusCode(), "the changing session goes on");
            assertEquals(200, new FacesSession(base).signIn("alice", "alice-demo-2026").statusCode(),
                    "the old password no longer signs in");
        } finally {
            changePassword(changing, "a walk in the Tyresta forest", "alice-demo-2026");
        }
        assertEquals(200, changing.get("index.xhtml").statusCode());
    }

    private static void changePassword(FacesSession session, String current, String newPassword) throws Exception {
        var path = "users/change-password.xhtml";
        var page = session.get(path).body();
        var answer = session.ajax(path, page, "passwordForm", "passwordForm:save", java.util.Map.of(
                "passwordForm:currentPassword", current, "passwordForm:newPassword", newPassword,
                "passwordForm:confirmPassword", newPassword));
        assertTrue(answer.contains("<redirect"), "changed, back home: " + answer);
    }

    @Test
    void anEmployeeCannotOpenTheUsersListNorAnotherUsersCard() throws Exception {
        var alice = new FacesSession(base);
        alice.signIn("alice", "alice-demo-2026");

        assertEquals(403, alice.get("admin/users.xhtml").statusCode());

        var bobsCard = alice.get("users/card.xhtml?userName=bob");
        assertEquals(403, bobsCard.statusCode());
        assertTrue(bobsCard.body().contains("You can open only your own user card."));
        assertFalse(bobsCard.body().contains("bob@contoso.example"), "nothing of bob is shown");
        assertFalse(bobsCard.body().contains("Bob Berg"));
    }

    @Test
    void anAdminSeesTheUsersListAndAnyCard() throws Exception {
        var admin = new FacesSession(base);
        admin.signIn("admin", "admin-demo-2026");

        var users = admin.get("admin/users.xhtml");
        assertEquals(200, users.statusCode());
        for (var email : new String[] {"admin@contoso.example", "alice@contoso.example", "bob@contoso.example"}) {
            assertTrue(users.body().contains(email), email);
        }
        var bobsCard = admin.get("users/card.xhtml?userName=bob");
        assertEquals(200, bobsCard.statusCode());
        assertTrue(bobsCard.body().contains("Bob Berg"));
    }

    @Test
    void theApiTakesTheWebServiceAccessKey() throws Exception {
        var me = api("alice", "alice-ws-key-demo-000000000000000");

        assertEquals(200, me.statusCode());
        assertTrue(me.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(me.body().contains("\"userName\":\"alice\""), me.body());
        assertTrue(me.body().contains("\"authenticationEmail\":\"alice@contoso.example\""), me.body());
        assertTrue(me.body().contains("\"roles\":[\"employee\"]"), me.body());
        assertTrue(me.headers().allValues("Set-Cookie").isEmpty(), "API calls are stateless");
    }

    @Test
    void theApiRefusesPasswordsWrongKeysAndMissingCredentialsWith401() throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var noCredentials = client.send(HttpRequest.newBuilder(url("api/v1/me"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        for (var response : java.util.List.of(api("alice", "alice-demo-2026"), api("alice", "wrong-key"),
                api("nobody", "alice-ws-key-demo-000000000000000"), noCredentials)) {
            assertEquals(401, response.statusCode());
            assertEquals("Basic realm=\"Contact Sync\", charset=\"UTF-8\"",
                    response.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow()
                    .startsWith("application/problem+json"));
            assertTrue(response.body().contains("\"status\":401"), response.body());
        }
    }

    @Test
    void theSandboxIsNotSentToTheLoginPage() throws Exception {
        // A real sandbox path without a token: Graph's own 401 must answer, not the application's sign-in.
        var response = new FacesSession(base).get("sandbox/graph/v1.0/users/alice@contoso.example/contactFolders");

        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"code\":\"InvalidAuthenticationToken\""), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                response.headers().map().toString());
    }

    // Cross-site requests (issue 14, finding 5) -------------------------------------------------------------------

    @Test
    void aBrowserIsNeverChallengedForBasicCredentials() throws Exception {
        var asBrowser = send(HttpRequest.newBuilder(url("api/v1/me"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        var fromAPage = send(HttpRequest.newBuilder(url("api/v1/me"))
                .header("Accept", "application/json").header("Origin", "http://evil.example"));

        for (var response : List.of(asBrowser, fromAPage)) {
            assertEquals(401, response.statusCode());
            assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty(),
                    "no challenge, so no browser remembers credentials for the API");
            assertProblem(response);
        }
    }

    @Test
    void aFormPostFromAnotherSiteCannotActWithAnAdminsCredentials() throws Exception {
        var before = admin("GET", "api/v1/job-queue-entries/1", "").body();
        var readyBefore = before.contains("\"status\":\"READY\"");
        var action = readyBefore ? "set-on-hold" : "set-ready";

        var crossSite = send(adminRequest("api/v1/job-queue-entries/1/" + action)
                .header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
        var formWithoutOrigin = send(adminRequest("api/v1/job-queue-entries/1/" + action)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(403, crossSite.statusCode(), crossSite.body());
        assertProblem(crossSite);
        assertEquals(415, formWithoutOrigin.statusCode(), formWithoutOrigin.body());
        assertProblem(formWithoutOrigin);
        var after = admin("GET", "api/v1/job-queue-entries/1", "").body();
        assertEquals(readyBefore, after.contains("\"status\":\"READY\""), "the entry's status did not change");
        assertEquals(200, send(adminRequest("api/v1/job-queue-entries/1/set-on-hold")
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode(), "an API client without Origin may");
    }

    // Security headers (finding 4) -----------------------------------------------------------------------------------

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        var anonymous = new FacesSession(base);
        var alice = FacesSession.signedIn(base, "alice", "alice-demo-2026");
        var kinds = new LinkedHashMap<String, HttpResponse<String>>();
        kinds.put("public page", anonymous.get("login.xhtml"));
        kinds.put("signed-in page", alice.get("index.xhtml"));
        kinds.put("API answer", api("alice", "alice-ws-key-demo-000000000000000"));
        kinds.put("API error", send(aliceRequest("api/v1/no-such-route")));
        kinds.put("API refusal", send(HttpRequest.newBuilder(url("api/v1/me"))));
        kinds.put("error page", alice.get("no-such-page.xhtml"));
        kinds.put("redirect", anonymous.get("contacts/list.xhtml"));
        kinds.put("static resource", anonymous.get("jakarta.faces.resource/css/app.css.xhtml"));

        for (var kind : kinds.entrySet()) {
            var headers = kind.getValue().headers();
            var name = kind.getKey() + " (" + kind.getValue().statusCode() + ")";
            assertTrue(headers.allValues("Content-Security-Policy").stream()
                    .anyMatch(p -> p.contains("frame-ancestors 'none'") && p.contains("object-src 'none'")), name);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), name);
            assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""), name);
            assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(""), name);
            assertTrue(headers.firstValue("Permissions-Policy").orElse("").contains("camera=()"), name);
            assertTrue(headers.firstValue("Strict-Transport-Security").isEmpty(), name + ": not over plain HTTP");
            assertEquals(!kind.getKey().equals("static resource"),
                    headers.allValues("Cache-Control").contains("no-store"), name + ": no-store");
        }
        assertEquals(200, kinds.get("static resource").statusCode());
        assertEquals(302, kinds.get("redirect").statusCode());
        assertEquals(404, kinds.get("error page").statusCode());
    }

    @Test
    void pagesOnlyRunScriptsCarryingTheirNonce() throws Exception {
        var page = new FacesSession(base).get("login.xhtml");

        var pagePolicy = page.headers().allValues("Content-Security-Policy").stream()
                .filter(p -> p.contains("'nonce-")).findFirst().orElseThrow(() -> new AssertionError(
                        "PrimeFaces' nonce policy: " + page.headers().allValues("Content-Security-Policy")));
        var nonce = pagePolicy.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertFalse(pagePolicy.contains("unsafe-inline"), pagePolicy);
        var scripts = java.util.regex.Pattern.compile("<script[^>]*>").matcher(page.body()).results()
                .map(java.util.regex.MatchResult::group).toList();
        assertFalse(scripts.isEmpty());
        for (var script : scripts) {
            assertTrue(script.contains("nonce=\"" + nonce + "\""), script);
        }
        assertFalse(java.util.regex.Pattern.compile("<[^>]+ on(click|change|load|submit)=").matcher(page.body())
                .find(), "no inline event handlers");
    }

    @Test
    void overHttpsTheBrowserIsToldToStayOnHttps() throws Exception {
        var https = URI.create("https://localhost:" + System.getProperty("it.sslport.h2") + "/login.xhtml");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(https).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("max-age=31536000", response.headers().firstValue("Strict-Transport-Security").orElse(""));
    }

    @Test
    void theSessionAndLanguageCookiesStayOnThisSite() throws Exception {
        var page = new FacesSession(base).get("login.xhtml");
        var session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertTrue(session.contains("HttpOnly") && sameSiteLax(session), session);

        var alice = FacesSession.signedIn(base, "alice", "alice-demo-2026");
        var home = alice.get("index.xhtml").body();
        var changed = alice.ajaxResponse("index.xhtml", home, "shellForm", "shellForm:language",
                Map.of("shellForm:language", "sv", "jakarta.faces.behavior.event", "change",
                        "jakarta.faces.partial.event", "change"));
        assertEquals(200, changed.statusCode(), changed.body());
        var language = changed.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("contactsync-language=")).findFirst().orElseThrow(() ->
                        new AssertionError(changed.headers().allValues("Set-Cookie").toString()));
        assertTrue(language.contains("HttpOnly") && sameSiteLax(language), language);
    }

    /** Payara writes the session cookie's attribute in lower case ("SameSite=lax"); browsers read either. */
    private static boolean sameSiteLax(String setCookie) {
        return setCookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax");
    }

    @Test
    void theSignInRedirectNeverNamesTheHostTheClientClaimed() throws Exception {
        var answer = rawGet("/contacts/list.xhtml", "evil.example");

        assertTrue(answer.startsWith("HTTP/1.1 302"), answer);
        assertFalse(answer.toLowerCase(java.util.Locale.ROOT).contains("evil.example"), answer);
        assertTrue(answer.contains("\nLocation: /login.xhtml\r\n"), answer);
    }

    // JSF postbacks (finding 6) --------------------------------------------------------------------------------------

    @Test
    void aHeaderPostbackWithoutTheLanguageStillSignsOut() throws Exception {
        var alice = FacesSession.signedIn(base, "alice", "alice-demo-2026");
        var home = alice.get("index.xhtml").body();

        var signOut = alice.ajaxResponse("index.xhtml", home, "shellForm", "shellForm:signOut", Map.of());

        assertEquals(200, signOut.statusCode(), signOut.body());
        assertTrue(signOut.body().contains("<redirect url=\"/login.xhtml"), signOut.body());
        assertEquals(302, alice.get("index.xhtml").statusCode(), "signed out");
    }

    @Test
    void aForeignViewStateGetsTheExpiredPageWithA400() throws Exception {
        var session = new FacesSession(base);
        var page = session.get("login.xhtml").body();
        var withForeignState = page.replaceAll("(name=\"jakarta.faces.ViewState\"[^>]*value=\")[^\"]+",
                "$1-4711:-815");

        var response = session.submit("login.xhtml", withForeignState, Map.of("loginForm", "loginForm",
                "username", "alice", "password", "alice-demo-2026", "signIn", ""));
        var withoutNonce = session.submit("login.xhtml", page.replaceAll(" nonce=\"[^\"]+\"", ""),
                Map.of("loginForm", "loginForm", "username", "alice", "password", "x", "signIn", ""));

        for (var answer : List.of(response, withoutNonce)) {
            assertEquals(400, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("Your page has expired"), answer.body());
        }
    }

    @Test
    void theClassModelMarkersAreNotServedEvenToAnAdmin() throws Exception {
        var markers = ClassModelMarkers.pathsInTheWar();
        assertTrue(markers.stream().anyMatch(marker -> marker.endsWith("/class-model-marker")), markers.toString());
        var anonymous = new FacesSession(base);
        var admin = FacesSession.signedIn(base, "admin", "admin-demo-2026");

        for (var marker : markers) {
            assertEquals(Access.SIGN_IN, accessOf(afterDirectoryRedirect(anonymous, marker)), marker);
            var answer = afterDirectoryRedirect(admin, marker);
            assertEquals(404, answer.statusCode(), marker + " is not content");
            assertFalse(answer.body().contains(marker), "the answer does not name " + marker);
        }
    }

    /**
     * The answer for a path, after the container's redirect of a directory's path to the same path with a slash (it
     * answers so for every directory of the WAR, before sign-in and filters).
     */
    private static HttpResponse<String> afterDirectoryRedirect(FacesSession session, String path) throws Exception {
        var answer = session.get(path);
        if (answer.statusCode() != 301) {
            return answer;
        }
        assertTrue(location(answer).endsWith("/" + path + "/"), location(answer));
        return session.get(path + "/");
    }

    // Authorization matrix -------------------------------------------------------------------------------------------

    /** What a caller gets from a route or page. */
    enum Access {
        /** Past sign-in and authorization: any answer but 401, 403 or the login page (404 for a made-up id too). */
        ALLOWED,
        /** Not signed in: the API answers 401, a page redirects to the login page. */
        SIGN_IN,
        /** Signed in without the right: 403. */
        DENIED,
        /** Someone else's: 404, as if it did not exist. */
        HIDDEN,
        /** The Microsoft 365 sandbox: its own admin key or bearer token is needed, the application's sign-in is not
         * enough (401 or 403). */
        SANDBOX_ONLY
    }

    private static final Access A = Access.ALLOWED;
    private static final Access S = Access.SIGN_IN;
    private static final Access D = Access.DENIED;
    private static final Access H = Access.HIDDEN;
    private static final Access X = Access.SANDBOX_ONLY;

    /**
     * Who may use each route of the API (as {@code /openapi} lists them) and each page (the {@code .xhtml} files
     * under {@code webapp/}), as anonymous, alice (an employee) on her own things, bob (another employee) on alice's
     * things, and admin. A route or page missing here fails {@link #everyRouteAndPageHasItsRuleAndKeepsIt}.
     */
    private static final Map<String, List<Access>> RULES = rules(
            // route or page                                          anonymous  employee  other  admin
            "GET /api/v1/me",                                               S, A, A, A,
            "GET /api/v1/contacts",                                         S, A, A, A,
            "POST /api/v1/contacts",                                        S, A, A, A,
            "GET /api/v1/contacts/{no}",                                    S, A, A, A,
            "PATCH /api/v1/contacts/{no}",                                  S, A, A, A,
            "DELETE /api/v1/contacts/{no}",                                 S, A, A, A,
            "POST /api/v1/sync-runs",                                       S, A, D, A,
            "GET /api/v1/sync-runs/{id}",                                   S, A, H, A,
            "GET /api/v1/sync-runs/{id}/log",                               S, A, H, A,
            "GET /api/v1/users",                                            S, D, D, A,
            "POST /api/v1/users",                                           S, D, D, A,
            "GET /api/v1/users/{userName}",                                 S, D, D, A,
            "PATCH /api/v1/users/{userName}",                               S, D, D, A,
            "DELETE /api/v1/users/{userName}",                              S, D, D, A,
            "POST /api/v1/users/{userName}/access-key",                     S, D, D, A,
            // as the Exchange Sync and Contact Sync Setup pages: bob is refused alice's (ExchangeSyncService)
            "GET /api/v1/contact-sync-setups/{userName}",                   S, A, D, A,
            "PATCH /api/v1/contact-sync-setups/{userName}",                 S, A, D, A,
            "POST /api/v1/contact-sync-setups/{userName}/validate-mailbox", S, A, D, A,
            "GET /api/v1/job-queue-entries",                                S, D, D, A,
            "POST /api/v1/job-queue-entries",                               S, D, D, A,
            "GET /api/v1/job-queue-entries/{id}",                           S, D, D, A,
            "PUT /api/v1/job-queue-entries/{id}",                           S, D, D, A,
            "DELETE /api/v1/job-queue-entries/{id}",                        S, D, D, A,
            "GET /api/v1/job-queue-entries/{id}/log-entries",               S, D, D, A,
            "POST /api/v1/job-queue-entries/{id}/run-once",                 S, D, D, A,
            "POST /api/v1/job-queue-entries/{id}/set-on-hold",              S, D, D, A,
            "POST /api/v1/job-queue-entries/{id}/set-ready",                S, D, D, A,
            "GET /metrics",                                                 S, D, D, A,
            "GET /sandbox/admin/faults",                                    X, X, X, X,
            "PUT /sandbox/admin/faults",                                    X, X, X, X,
            "GET /sandbox/admin/limits",                                    X, X, X, X,
            "PUT /sandbox/admin/limits",                                    X, X, X, X,
            "GET /sandbox/admin/batch",                                     X, X, X, X,
            "PUT /sandbox/admin/batch",                                     X, X, X, X,
            "GET /sandbox/admin/mailbox-rules",                             X, X, X, X,
            "PUT /sandbox/admin/mailbox-rules",                             X, X, X, X,
            "GET /sandbox/admin/mailboxes/{user}/counters",                 X, X, X, X,
            "POST /sandbox/admin/mailboxes/{user}/delta-tokens/expire",     X, X, X, X,
            "POST /sandbox/admin/mailboxes/{user}/reset",                   X, X, X, X,
            "POST /sandbox/admin/reset",                                    X, X, X, X,
            "GET /sandbox/admin/throttling",                                X, X, X, X,
            "PUT /sandbox/admin/throttling",                                X, X, X, X,
            "GET /sandbox/admin/tokens",                                    X, X, X, X,
            "POST /sandbox/admin/tokens/expire",                            X, X, X, X,
            "GET /sandbox/graph/v1.0/{path: .*}",                           X, X, X, X,
            "POST /sandbox/graph/v1.0/{path: .*}",                          X, X, X, X,
            "PUT /sandbox/graph/v1.0/{path: .*}",                           X, X, X, X,
            "PATCH /sandbox/graph/v1.0/{path: .*}",                         X, X, X, X,
            "DELETE /sandbox/graph/v1.0/{path: .*}",                        X, X, X, X,
            "POST /sandbox/login/{tenant}/oauth2/v2.0/token",               A, A, A, A,
            "GET /login.xhtml",                                             A, A, A, A,
            "GET /error/403.xhtml",                                         A, A, A, A,
            "GET /error/404.xhtml",                                         A, A, A, A,
            "GET /error/500.xhtml",                                         A, A, A, A,
            "GET /error/expired.xhtml",                                     A, A, A, A,
            "GET /error/error-layout.xhtml",                                A, A, A, A,
            "GET /index.xhtml",                                             S, A, A, A,
            "GET /contacts/list.xhtml",                                     S, A, A, A,
            "GET /contacts/card.xhtml?no=CT000010",                         S, A, A, A,
            "GET /contacts/delete-dialog.xhtml",                            S, A, A, A,
            "GET /users/card.xhtml?userName=alice",                         S, A, D, A,
            "GET /users/change-password.xhtml",                            S, A, A, A,
            "GET /exchange/setup.xhtml?userName=alice",                     S, A, D, A,
            "GET /exchange/contact-sync-setup.xhtml?userName=alice",        S, A, D, A,
            // bob gets his own runs and "not found" for alice's (SyncRunService.run), with 200
            "GET /sync/log.xhtml?run={aliceRun}",                           S, A, A, A,
            "GET /outlook/index.xhtml",                                     S, A, A, A,
            "GET /admin/users.xhtml",                                       S, D, D, A,
            "GET /admin/import-employees.xhtml",                            S, D, D, A,
            "GET /admin/microsoft-365-connection.xhtml",                    S, D, D, A,
            "GET /admin/job-queue-entries.xhtml",                           S, D, D, A,
            "GET /admin/job-queue-entry.xhtml?id=1",                        S, D, D, A,
            "GET /admin/job-queue-log.xhtml?entry=1",                       S, D, D, A,
            "GET /admin/mailbox-alerts.xhtml",                              S, D, D, A);

    private static Map<String, List<Access>> rules(Object... table) {
        var rules = new LinkedHashMap<String, List<Access>>();
        for (int i = 0; i < table.length; i += 5) {
            rules.put((String) table[i], List.of((Access) table[i + 1], (Access) table[i + 2],
                    (Access) table[i + 3], (Access) table[i + 4]));
        }
        return rules;
    }

    @Test
    void everyRouteAndPageHasItsRuleAndKeepsIt() throws Exception {
        var deployed = new java.util.TreeSet<String>();
        deployed.addAll(apiRoutes());
        deployed.addAll(pages());
        var ruled = new java.util.TreeSet<String>();
        RULES.keySet().forEach(rule -> ruled.add(rule.replaceAll("\\?.*", "")));
        ruled.add("GET /metrics");
        deployed.add("GET /metrics");
        assertEquals(ruled, deployed, "every route and page has exactly one rule in RULES");

        var aliceRun = json(send(aliceRequest("api/v1/sync-runs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"preview\":true}")))).getJsonNumber("id").toString();
        var sessions = List.of(new FacesSession(base), FacesSession.signedIn(base, "alice", "alice-demo-2026"),
                FacesSession.signedIn(base, "bob", "bob-demo-2026"),
                FacesSession.signedIn(base, "admin", "admin-demo-2026"));
        var keys = java.util.Arrays.asList(null, "alice:alice-ws-key-demo-000000000000000",
                "bob:bob-ws-key-demo-00000000000000000", "admin:admin-ws-key-demo-0000000000000000");
        var failures = new ArrayList<String>();
        for (var rule : RULES.entrySet()) {
            var method = rule.getKey().substring(0, rule.getKey().indexOf(' '));
            var target = concrete(method, rule.getKey().substring(method.length() + 1)).replace("{aliceRun}", aliceRun);
            for (int caller = 0; caller < 4; caller++) {
                var expected = rule.getValue().get(caller);
                var response = target.endsWith(".xhtml") || target.contains(".xhtml?")
                        ? sessions.get(caller).get(target.substring(1))
                        : send(routeRequest(method, target, keys.get(caller), caller));
                var got = accessOf(response);
                if (got != expected) {
                    failures.add(rule.getKey() + " as " + List.of("anonymous", "alice", "bob", "admin").get(caller)
                            + ": expected " + expected + ", got " + response.statusCode() + " "
                            + response.headers().firstValue("Location").orElse(""));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The routes /openapi describes, as "METHOD /path". */
    private List<String> apiRoutes() throws IOException, InterruptedException {
        var openApi = json(send(HttpRequest.newBuilder(url("openapi")).header("Accept", "application/json")));
        var routes = new ArrayList<String>();
        openApi.getJsonObject("paths").forEach((path, operations) -> operations.asJsonObject().keySet()
                .forEach(method -> routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        return routes;
    }

    /** The pages: every .xhtml file under webapp/ outside WEB-INF, as "GET /path". */
    private static List<String> pages() throws IOException {
        var webapp = java.nio.file.Path.of("webapp");
        try (var files = java.nio.file.Files.walk(webapp)) {
            return files.filter(f -> f.toString().endsWith(".xhtml") && !f.startsWith(webapp.resolve("WEB-INF")))
                    .map(f -> "GET /" + webapp.relativize(f).toString().replace('\\', '/'))
                    .toList();
        }
    }

    /**
     * A route's path with values for its parameters. Reads name real things (alice's); changes name things that do
     * not exist, so that an allowed caller gets a 404 or 400 and the matrix changes nothing. Alice's Contact Sync
     * Setup is the exception, as its rule is about her own: the matrix's empty change is refused (400) and
     * validating her mailbox only reads it.
     */
    private static String concrete(String method, String path) {
        boolean read = method.equals("GET");
        return path.replace("/contact-sync-setups/{userName}", "/contact-sync-setups/alice")
                .replace("{userName}", read ? "alice" : "nobody-of-the-matrix")
                .replace("{no}", read ? "CT000010" : "CT999999")
                .replace("/sync-runs/{id}", "/sync-runs/{aliceRun}")
                .replace("{id}", read ? "1" : "999999")
                .replace("{user}", "alice@contoso.example")
                .replace("{tenant}", "contoso-sandbox")
                .replace("{path: .*}", "users/alice@contoso.example/contacts");
    }

    private HttpRequest.Builder routeRequest(String method, String path, String key, int caller) {
        var request = HttpRequest.newBuilder(url(path.substring(1))).header("Accept", "application/json");
        if (key != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(key.getBytes(StandardCharsets.UTF_8)));
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        // A sync for alice (bob may not start one), as a preview; any other body is refused as invalid.
        var body = path.equals("/api/v1/sync-runs") ? "{\"userName\":\"alice\",\"preview\":true}" : "{}";
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private static Access accessOf(HttpResponse<String> response) {
        int status = response.statusCode();
        var location = response.headers().firstValue("Location").orElse("");
        if (status == 302 && location.endsWith("/login.xhtml")) {
            return Access.SIGN_IN;
        }
        // API reads name real things, so a 404 there hides them; API changes name made-up ones (see concrete), where
        // a 404 means "allowed, not found". Pages are checked by status and redirect only.
        boolean hides = response.request().method().equals("GET") && response.uri().getPath().startsWith("/api/");
        boolean sandbox = response.uri().getPath().startsWith("/sandbox/");
        if (sandbox && (status == 401 || status == 403)) {
            return Access.SANDBOX_ONLY;
        }
        return switch (status) {
            case 401 -> Access.SIGN_IN;
            case 403 -> Access.DENIED;
            case 404 -> hides ? Access.HIDDEN : Access.ALLOWED;
            default -> Access.ALLOWED;
        };
    }

    // Helpers --------------------------------------------------------------------------------------------------------

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder aliceRequest(String path) {
        return withKey(path, "alice:alice-ws-key-demo-000000000000000");
    }

    private HttpRequest.Builder adminRequest(String path) {
        return withKey(path, "admin:admin-ws-key-demo-0000000000000000");
    }

    private HttpRequest.Builder withKey(String path, String key) {
        return HttpRequest.newBuilder(url(path)).header("Accept", "application/json").header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> admin(String method, String path, String body)
            throws IOException, InterruptedException {
        return send(adminRequest(path).method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static jakarta.json.JsonObject json(HttpResponse<String> response) {
        return jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject();
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map().toString());
        assertTrue(response.body().contains("\"status\":" + response.statusCode()), response.body());
    }

    /** A GET written on a socket, so that the Host header is the one given (HttpClient will not send another). */
    private String rawGet(String path, String host) throws IOException {
        try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private HttpResponse<String> api(String user, String secret) throws IOException, InterruptedException {
        var basic = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(url("api/v1/me")).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json").build();
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create(base.toString() + path);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("(no Location header)");
    }

    /** The text of the messages area, which must not tell a wrong password from an unknown user. */
    private static String messages(String html) {
        var start = html.indexOf("id=\"messages\"");
        return html.substring(start, html.indexOf("</div>", start));
    }
}

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
import java.util.Base64;
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
        var session = new FacesSession(base);
        for (int i = 1; i <= 4; i++) {
            assertTrue(session.signIn("bob", "wrong-" + i).body().contains(WRONG));
        }
        assertTrue(session.signIn("bob", "wrong-5").body().contains(LOCKED), "the fifth failure locks");

        var rightPassword = new FacesSession(base).signIn("bob", "bob-demo-2026");

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
        var noCredentials = client.send(HttpRequest.newBuilder(url("api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString());

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

    private HttpResponse<String> api(String user, String secret) throws IOException, InterruptedException {
        var basic = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(url("api/v1/me")).header("Authorization", "Basic " + basic).build();
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

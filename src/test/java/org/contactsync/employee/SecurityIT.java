package org.contactsync.employee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.contactsync.testsupport.Deployments;
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
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void theLoginPageIsPublicAndProtectedPagesRedirectToIt() throws Exception {
        var browser = new Browser();

        var login = browser.get("login.xhtml");
        assertEquals(200, login.statusCode());
        for (var id : new String[] {"id=\"username\"", "id=\"password\"", "id=\"signIn\"", "id=\"messages\""}) {
            assertTrue(login.body().contains(id), "the login page has " + id);
        }
        assertFalse(login.body().contains("id=\"nav\""), "no navigation before sign-in");

        var home = browser.get("index.xhtml");
        assertEquals(302, home.statusCode());
        assertTrue(location(home).endsWith("/login.xhtml"), location(home));
    }

    @Test
    void aliceSignsInAndReturnsToThePageSheAskedFor() throws Exception {
        var browser = new Browser();
        assertEquals(302, browser.get("users/card.xhtml").statusCode());

        var signIn = browser.signIn("alice", "alice-demo-2026");

        assertEquals(302, signIn.statusCode());
        assertTrue(location(signIn).endsWith("/users/card.xhtml"), location(signIn));
        var card = browser.get("users/card.xhtml");
        assertEquals(200, card.statusCode());
        assertTrue(card.body().contains("alice@contoso.example"), "her own card");
        assertTrue(card.body().contains("Alice Andersson"));
    }

    @Test
    void aBrowsersBackgroundRequestDoesNotBecomeThePageToReturnTo() throws Exception {
        var browser = new Browser();
        assertEquals(302, browser.get("users/card.xhtml").statusCode());

        var favicon = browser.get("favicon.ico");
        assertEquals(401, favicon.statusCode(), "not sent to the login page");

        var signIn = browser.signIn("alice", "alice-demo-2026");
        assertTrue(location(signIn).endsWith("/users/card.xhtml"), location(signIn));
    }

    @Test
    void signingInWithoutAPageToReturnToGoesHome() throws Exception {
        var browser = new Browser();
        var signIn = browser.signIn("ALICE", "alice-demo-2026");

        assertEquals(302, signIn.statusCode(), "user names are case-insensitive");
        assertTrue(location(signIn).endsWith("/index.xhtml"), location(signIn));
        assertEquals(200, browser.get("index.xhtml").statusCode());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameNeutralMessage() throws Exception {
        var wrongPassword = new Browser().signIn("alice", "not-her-password");
        var unknownUser = new Browser().signIn("nobody-" + System.nanoTime(), "alice-demo-2026");

        for (var response : java.util.List.of(wrongPassword, unknownUser)) {
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains(WRONG), "neutral message shown");
            assertFalse(response.body().contains("alice-demo-2026"), "the password is never shown back");
        }
        assertEquals(messages(wrongPassword.body()), messages(unknownUser.body()));
    }

    @Test
    void repeatedFailuresLockAUserNameEvenWithTheRightPassword() throws Exception {
        var browser = new Browser();
        for (int i = 1; i <= 4; i++) {
            assertTrue(browser.signIn("bob", "wrong-" + i).body().contains(WRONG));
        }
        assertTrue(browser.signIn("bob", "wrong-5").body().contains(LOCKED), "the fifth failure locks");

        var rightPassword = new Browser().signIn("bob", "bob-demo-2026");

        assertEquals(200, rightPassword.statusCode(), "not signed in");
        assertTrue(rightPassword.body().contains(LOCKED));
    }

    @Test
    void unknownUserNamesAreLockedTheSameWay() throws Exception {
        var name = "ghost-" + System.nanoTime();
        var browser = new Browser();
        for (int i = 1; i <= 4; i++) {
            assertTrue(browser.signIn(name, "guess-" + i).body().contains(WRONG));
        }
        assertTrue(browser.signIn(name, "guess-5").body().contains(LOCKED));
    }

    @Test
    void anEmployeeCannotOpenTheUsersListNorAnotherUsersCard() throws Exception {
        var alice = new Browser();
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
        var admin = new Browser();
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
        var response = new Browser().get("sandbox/v1.0/me/contactFolders");

        assertNotEquals(302, response.statusCode());
        assertNotEquals(401, response.statusCode());
        assertNotEquals(403, response.statusCode());
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

    /** A browser session: keeps cookies, never follows redirects by itself. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(url(path)).header("Accept-Language", "en").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Fills in and submits the login form as the page renders it. */
        HttpResponse<String> signIn(String userName, String password) throws IOException, InterruptedException {
            var page = get("login.xhtml");
            var viewState = VIEW_STATE.matcher(page.body());
            assertTrue(viewState.find(), "the login form carries a view state");
            var form = new LinkedHashMap<String, String>();
            form.put("loginForm", "loginForm");
            form.put("username", userName);
            form.put("password", password);
            form.put("signIn", "");
            form.put("jakarta.faces.ViewState", viewState.group(1));
            return client.send(HttpRequest.newBuilder(url("login.xhtml"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept-Language", "en")
                            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String encode(Map<String, String> form) {
            return form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }
}

package org.contactsync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.contactsync.testsupport.FacesSession;
import org.contactsync.testsupport.OwnServers;
import org.contactsync.testsupport.PayaraMicroProcess;
import org.contactsync.testsupport.PayaraMicroProcess.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's production start, on a server configured as production is by default: no demo data, the sandbox
 * off, no initial password, an H2 file database kept between its two starts. The first start prints a generated
 * one-time password once; signing in with it leads to the password change, through the pages, before anything
 * else; a second start prints nothing. Every sandbox URL answers 404 and no token endpoint is mapped. And a
 * malformed {@code contactsync.secret-key} stops start-up (a server of its own, which fails fast).
 *
 * <p>One class for every check that needs a server configured otherwise than the other container tests, because
 * each costs a Payara start: the production server (in a process of its own, {@link PayaraMicroProcess}) and, at the
 * same time, the malformed key's. Each method stands on its own; the first start and the restart after it are one
 * method, because the second start's checks are about what the first one left.
 */
@OwnServers
class ProductionStartIT {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile(
            "created the user 'admin' with the one-time password (\\S+) \\.");
    private static final String NEW_PASSWORD = "production-admin-2026";

    private static PayaraMicroProcess server;
    private static String firstStartLog;
    private static PayaraMicroProcess malformed;
    private static long malformedLogStart;
    /** How the start with a malformed key ended: the exception {@link PayaraMicroProcess#start()} threw, if any. */
    private static Optional<RuntimeException> malformedStart;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Both starts at once (the malformed one fails fast); the production server's data is kept between starts. */
    @BeforeAll
    static void startInProductionAndOnceWithAMalformedKey() throws IOException {
        malformed = PayaraMicroProcess.named("malformed-secret-key").demoData(false)
                .database(Database.h2Memory("malformed-secret-key"))
                .property("contactsync.secret-key", "this-is-not-base64!").build();
        malformedLogStart = Files.exists(malformed.log()) ? Files.size(malformed.log()) : 0;
        CompletableFuture<Optional<RuntimeException>> failing = CompletableFuture.supplyAsync(() -> {
            try {
                malformed.start();
                return Optional.empty();
            } catch (RuntimeException refused) {
                return Optional.of(refused);
            }
        });
        server = PayaraMicroProcess.named("production-start").demoData(false).sandbox(false)
                .database(Database.h2File("production-start")).build();
        firstStartLog = logOfStart(server);
        malformedStart = failing.join();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (malformed != null) {
            malformed.close();
        }
    }

    @Test
    void everySandboxUrlAnswers404AndNoTokenEndpointIsMapped() {
        String mailbox = "/sandbox/graph/v1.0/users/admin@contoso.example";
        for (String path : List.of(mailbox + "/contactFolders", mailbox + "/contacts", "/sandbox/graph/v1.0/$batch",
                "/sandbox/admin/mailboxes/admin@contoso.example/counters", "/sandbox/admin/limits")) {
            assertEquals(404, send("GET", path, Map.of("X-Sandbox-Admin-Key", "sandbox-admin-demo-key"), "")
                    .statusCode(), "GET " + path);
        }
        assertEquals(404, send("POST", "/sandbox/admin/reset", Map.of("X-Sandbox-Admin-Key",
                "sandbox-admin-demo-key"), "").statusCode(), "POST /sandbox/admin/reset");
        String tokenRequest = "grant_type=client_credentials&client_id=6731de76-14a6-49ae-97bc-6eba6914391e"
                + "&client_secret=sandbox-demo-secret&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default";
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        HttpResponse<String> underSandbox = send("POST", "/sandbox/login/contoso-sandbox/oauth2/v2.0/token", form,
                tokenRequest);
        assertEquals(404, underSandbox.statusCode(), underSandbox.body());
        // At the root the token endpoint is a servlet mapped only with the sandbox on: off, its URL is answered as
        // any URL the application does not have (the sign-in stands in front of those).
        HttpResponse<String> atTheRoot = send("POST", "/contoso-sandbox/oauth2/v2.0/token", form, tokenRequest);
        HttpResponse<String> unmapped = send("POST", "/no-such-tenant/oauth2/v2.0/token", form, tokenRequest);
        assertEquals(unmapped.statusCode(), atTheRoot.statusCode(), atTheRoot.body());
        assertEquals(unmapped.headers().firstValue("Location").map(l -> l.replaceAll(";jsessionid=.*", "")),
                atTheRoot.headers().firstValue("Location").map(l -> l.replaceAll(";jsessionid=.*", "")));
        assertFalse(atTheRoot.body().contains("access_token"), atTheRoot.body());
    }

    @Test
    void theFirstStartPrintsAOneTimePasswordOnceWhichMustBeChangedAtTheFirstSignInAndASecondStartPrintsNone()
            throws Exception {
        List<String> printed = oneTimePasswords(firstStartLog);
        assertEquals(1, printed.size(), "printed once: " + printed);
        String oneTimePassword = printed.get(0);

        FacesSession admin = FacesSession.signedIn(server.baseUrl(), "admin", oneTimePassword);
        for (String page : List.of("index.xhtml", "contacts/list.xhtml", "admin/users.xhtml")) {
            HttpResponse<String> held = admin.get(page);
            assertEquals(302, held.statusCode(), page);
            assertTrue(held.headers().firstValue("Location").orElse("").endsWith("/users/change-password.xhtml"),
                    page + " → " + held.headers().firstValue("Location"));
        }
        String changePage = admin.get("users/change-password.xhtml").body();
        assertTrue(changePage.contains("You signed in with a one-time password."), changePage);

        String saved = admin.ajax("users/change-password.xhtml", changePage, "passwordForm", "passwordForm:save",
                Map.of("passwordForm:currentPassword", oneTimePassword, "passwordForm:newPassword", NEW_PASSWORD,
                        "passwordForm:confirmPassword", NEW_PASSWORD));
        assertTrue(saved.contains("<redirect"), saved);
        assertEquals(200, admin.get("admin/users.xhtml").statusCode(), "free to go once the password is changed");

        assertTrue(new FacesSession(server.baseUrl()).signIn("admin", oneTimePassword).statusCode() != 302,
                "the one-time password no longer signs in");
        FacesSession again = FacesSession.signedIn(server.baseUrl(), "admin", NEW_PASSWORD);
        assertEquals(200, again.get("index.xhtml").statusCode());

        // A second start prints no password and keeps the changed one.
        server.stop();
        String secondStartLog = logOfStart(server);

        assertEquals(List.of(), oneTimePasswords(secondStartLog));
        assertFalse(secondStartLog.contains("one-time password"), "nothing about a password on the second start");
        assertEquals(200, FacesSession.signedIn(server.baseUrl(), "admin", NEW_PASSWORD).get("index.xhtml")
                .statusCode());
    }

    @Test
    void aMalformedSecretKeyStopsStartUpWithItsMessage() throws IOException {
        RuntimeException refused = malformedStart.orElseThrow(() -> new AssertionError(
                "the server started with a malformed contactsync.secret-key"));
        assertTrue(refused.getMessage().contains("could not deploy the application"), refused.getMessage());
        String log = Files.readString(malformed.log()).substring((int) malformedLogStart);
        assertTrue(log.contains("contactsync.secret-key is not valid Base64"), refused.getMessage());
        assertFalse(malformed.isAlive(), "the server does not stay up without the application");
    }

    /** Starts the server and returns what it logged during this start. */
    private static String logOfStart(PayaraMicroProcess process) {
        try {
            long before = Files.exists(process.log()) ? Files.size(process.log()) : 0;
            process.start();
            byte[] all = Files.readAllBytes(process.log());
            return new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> oneTimePasswords(String log) {
        List<String> passwords = new ArrayList<>();
        var matcher = ONE_TIME_PASSWORD.matcher(log);
        while (matcher.find()) {
            passwords.add(matcher.group(1));
        }
        return passwords;
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        var request = HttpRequest.newBuilder(URI.create(server.uri(path).toString()))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.contactsync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.Http;
import org.contactsync.testsupport.SandboxAdmin;
import org.contactsync.testsupport.Poll;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real WAR on Payara Micro against PostgreSQL (the production database): it migrates, reports ready, describes
 * its API and never shows a stack trace; its Microsoft 365 sandbox starts with its documented defaults and serves
 * the token endpoint under {@code /sandbox/login} as well.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApplicationIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    @TargetsContainer("postgresql")
    static WebArchive application() {
        return Deployments.realWar();
    }

    /** The schema this build's PostgreSQL deployment migrated (see pom.xml); nothing of it should outlive the build. */
    @AfterAll
    static void dropTheTestSchema() throws SQLException {
        var schema = System.getProperty("it.postgres.schema");
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void reportsReadyWithTheDatabaseUp() throws Exception {
        // Payara registers the application's checks a moment after the deployment answers.
        var response = Poll.until("/health/ready to answer 200", Duration.ofSeconds(30),
                () -> Http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/health/ready")).GET()),
                ready -> ready.statusCode() == 200);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"name\":\"database\"") && response.body().contains("\"UP\""),
                response.body());
    }

    @Test
    void publishesTheOpenApiDescriptionOfTheRestApi() throws Exception {
        var response = get("/openapi", "en");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("title: Contact Sync API"), response.body());
    }

    @Test
    void brokenLinkGetsTheFriendlyNotFoundPageInTheCallersLanguage() throws Exception {
        var english = get("/resources/no-such-file.css", "en");
        var swedish = get("/resources/no-such-file.css", "sv-SE,sv;q=0.9");

        assertPageHasNoStackTrace(english);
        assertTrue(english.body().contains("Page not found"), english.body());
        assertTrue(swedish.body().contains("Sidan hittades inte"), swedish.body());
    }

    @Test
    void aFormPostedAfterItsViewExpiredGetsTheExpiredPage() throws Exception {
        var form = "loginForm=loginForm&username=alice&password=x&signIn=&jakarta.faces.ViewState=-1%3A-1";
        var request = HttpRequest.newBuilder(URI.create(base.toString()).resolve("/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();

        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertPageHasNoStackTrace(response);
        assertTrue(response.body().contains("Your page has expired"), response.body());
    }

    @Test
    void theSandboxStartsWithExchangeOnlinesLimitsAndNoFaults() {
        // arquillian.xml sets no contactsync.sandbox.limits.* nor .faults.*: these are the defaults.
        JsonObject limits = sandboxAdmin("/limits");
        assertEquals(Json.createObjectBuilder().add("concurrentRequests", 4).add("requestsPerWindow", 10_000)
                .add("windowSeconds", 600).add("latencyMillis", 0).add("retryAfterSeconds", 1).build(), limits);
        // No fault unless asked for (the kinds only matter once a probability is set).
        JsonObject faults = sandboxAdmin("/faults");
        assertEquals(0, faults.getJsonArray("script").size(), faults.toString());
        assertEquals(0, faults.getJsonNumber("probability").doubleValue(), faults.toString());
    }

    @Test
    void theTokenEndpointUnderSandboxLoginIssuesATokenThatGraphAccepts() {
        var token = Http.send(tokenRequest("client_secret=sandbox-demo-secret"));

        assertEquals(200, token.statusCode(), token.body());
        JsonObject issued = Json.createReader(new StringReader(token.body())).readObject();
        assertEquals("Bearer", issued.getString("token_type"));
        var folders = Http.send(HttpRequest.newBuilder(URI.create(base.toString())
                        .resolve("/sandbox/graph/v1.0/users/alice@contoso.example/contactFolders"))
                .header("Authorization", "Bearer " + issued.getString("access_token")).GET());
        assertEquals(200, folders.statusCode(), folders.body());
    }

    @Test
    void theSandboxRefusesAClientAssertionWithEntrasInvalidClient() {
        var refused = Http.send(tokenRequest("client_assertion_type="
                + "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=eyJhbGciOi.e30.sig"));

        assertEquals(401, refused.statusCode(), refused.body());
        JsonObject error = Json.createReader(new StringReader(refused.body())).readObject();
        assertEquals("invalid_client", error.getString("error"));
        assertTrue(error.getString("error_description").startsWith("AADSTS7000218:"), refused.body());
        assertTrue(error.getString("error_description").contains("does not accept certificate credentials"),
                refused.body());
    }

    /** A client-credentials request for the demo app to the sandbox's token endpoint under /sandbox/login. */
    private HttpRequest.Builder tokenRequest(String credential) {
        return HttpRequest.newBuilder(URI.create(base.toString())
                        .resolve("/sandbox/login/contoso-sandbox/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + "6731de76-14a6-49ae-97bc-6eba6914391e&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&"
                        + credential));
    }

    private JsonObject sandboxAdmin(String path) {
        return SandboxAdmin.of(base).call("GET", path, "");
    }

    private static final Pattern STACK_FRAME = Pattern.compile("at [\\w.$]+\\([\\w]+\\.java:\\d+\\)");

    private static void assertPageHasNoStackTrace(HttpResponse<String> response) {
        var body = response.body();
        assertFalse(STACK_FRAME.matcher(body).find() || body.contains("Caused by:"), body);
        assertFalse(body.contains("Payara Micro - Error report"), "the server's own error page: " + body);
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Accept-Language", language).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

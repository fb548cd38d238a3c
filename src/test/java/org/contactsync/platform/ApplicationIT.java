package org.contactsync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.contactsync.testsupport.Deployments;
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
 * its API and never shows a stack trace.
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
        var response = get("/health/ready", "en");
        // Payara registers the application's checks a moment after the deployment answers.
        for (int attempt = 0; attempt < 30 && response.statusCode() != 200; attempt++) {
            Thread.sleep(1000);
            response = get("/health/ready", "en");
        }

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

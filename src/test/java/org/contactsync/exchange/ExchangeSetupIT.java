package org.contactsync.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The setup pages in the real WAR with demo data and the sandbox, over HTTP as a browser's PrimeFaces requests
 * reach them: the connection tested against the sandbox, a wrong secret in plain words and never echoed, an
 * employee's mailbox validated, the filter's live count, and another employee's setup refused by URL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExchangeSetupIT {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final String CONNECTION = "admin/microsoft-365-connection.xhtml";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void theAdminTestsTheDemoConnectionAndAWrongSecretIsExplainedButNeverShown() throws Exception {
        var admin = new Session("admin", "admin-demo-2026");
        var page = admin.get(CONNECTION);
        assertEquals(200, page.statusCode());
        for (var id : new String[] {"id=\"connection\"", "connection:tenantId", "connection:clientId",
            "connection:clientSecret", "connection:save", "connection:testConnection", "connection:messages"}) {
            assertTrue(page.body().contains(id), id);
        }
        assertTrue(page.body().contains("•••• (stored)"), "the demo connection's secret is stored");
        assertFalse(page.body().contains("sandbox-demo-secret"), "and never rendered");

        var form = admin.formOf(page.body(), "connection");
        var ok = admin.ajax(CONNECTION, page.body(), "connection", "connection:testConnection", form);
        assertTrue(ok.contains("Connected successfully to Microsoft 365."), ok);

        var wrongSecret = "wrong-secret-" + System.nanoTime();
        form.put("connection:clientSecret", wrongSecret);
        var wrong = admin.ajax(CONNECTION, page.body(), "connection", "connection:testConnection", form);
        assertTrue(wrong.contains("The client secret or certificate is not the app&#39;s.")
                || wrong.contains("The client secret or certificate is not the app's."), wrong);
        assertFalse(wrong.contains(wrongSecret), "the answer does not echo the secret");
        var reopened = admin.get(CONNECTION).body();
        assertFalse(reopened.contains(wrongSecret), "the page source does not contain the saved secret");
        assertTrue(reopened.contains("•••• (stored)"));

        form.put("connection:clientSecret", "sandbox-demo-secret");
        var restored = admin.ajax(CONNECTION, reopened, "connection", "connection:testConnection", form);
        assertTrue(restored.contains("Connected successfully to Microsoft 365."), restored);
    }

    @Test
    void anEmployeeOnlyReachesTheConnectionPageAsForbidden() throws Exception {
        var alice = new Session("alice", "alice-demo-2026");
        var page = alice.get(CONNECTION);
        assertEquals(403, page.statusCode());
        assertFalse(page.body().contains("connection:tenantId"));
    }

    @Test
    void anEmployeeValidatesTheirMailboxAndCannotOpenAnotherEmployeesSetup() throws Exception {
        var alice = new Session("alice", "alice-demo-2026");
        var setup = alice.get("exchange/setup.xhtml");
        assertEquals(200, setup.statusCode());
        assertTrue(setup.body().contains("alice@contoso.example"));
        var validated = alice.ajax("exchange/setup.xhtml", setup.body(), "setup", "setup:validate", Map.of());
        assertTrue(validated.contains("Connected successfully to Microsoft 365."), validated);

        for (var path : new String[] {"exchange/setup.xhtml?userName=bob",
            "exchange/contact-sync-setup.xhtml?userName=bob"}) {
            var other = alice.get(path);
            assertEquals(403, other.statusCode(), path);
            assertTrue(other.body().contains("You can only open your own Exchange Sync Setup."), path);
            assertFalse(other.body().contains("bob@contoso.example"), path);
            assertFalse(other.body().contains("contactSyncSetup:folderName"), path);
        }
        assertEquals(200, new Session("admin", "admin-demo-2026").get("exchange/setup.xhtml?userName=bob")
                .statusCode(), "an admin opens anyone's");
    }

    @Test
    void theFilterCountsMatchingContactsAsTheEmployeeTypes() throws Exception {
        var alice = new Session("alice", "alice-demo-2026");
        var path = "exchange/contact-sync-setup.xhtml";
        var page = alice.get(path);
        assertTrue(page.body().contains("contactSyncSetup:matchCount"));
        assertTrue(page.body().contains("id=\"contactSyncSetup:preview\""));
        var typed = Map.of("contactSyncSetup:filterNo", "CT00001*|CT00002*",
                "jakarta.faces.behavior.event", "keyup", "jakarta.faces.partial.event", "keyup");
        var counted = alice.ajax(path, page.body(), "contactSyncSetup", "contactSyncSetup:filterNo", typed);
        assertTrue(counted.contains("id=\"contactSyncSetup:matchCount\" style=\"font-weight: 600\">2<"), counted);
        assertTrue(counted.contains(">CT000010<") && counted.contains(">CT000020<"), counted);

        var invalid = Map.of("contactSyncSetup:filterNo", "(CT1",
                "jakarta.faces.behavior.event", "keyup", "jakarta.faces.partial.event", "keyup");
        var refused = alice.ajax(path, page.body(), "contactSyncSetup", "contactSyncSetup:filterNo", invalid);
        assertTrue(refused.contains("No.: the filter"), refused);
        assertTrue(refused.contains("is not closed"), refused);
    }

    /** A signed-in browser session: keeps cookies, posts forms as the pages render them. */
    private final class Session {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Session(String user, String password) throws IOException, InterruptedException {
            var login = get("login.xhtml").body();
            var form = new LinkedHashMap<String, String>();
            form.put("loginForm", "loginForm");
            form.put("username", user);
            form.put("password", password);
            form.put("signIn", "");
            form.put("jakarta.faces.ViewState", viewState(login));
            assertEquals(302, post("login.xhtml", form, Map.of()).statusCode(), "signed in");
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en")
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A PrimeFaces AJAX request from {@code source}, processing and rendering the whole form. */
        String ajax(String path, String page, String form, String source, Map<String, String> fields)
                throws IOException, InterruptedException {
            var data = new LinkedHashMap<String, String>(fields);
            data.put("jakarta.faces.partial.ajax", "true");
            data.put("jakarta.faces.source", source);
            data.put("jakarta.faces.partial.execute", fields.containsKey(source) ? source : form);
            data.put("jakarta.faces.partial.render", form);
            data.putIfAbsent(source, source);  // a button names itself; an input sends its value
            data.put(form, form);
            data.put("jakarta.faces.ViewState", viewState(page));
            var response = post(path, data, Map.of("Faces-Request", "partial/ajax"));
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        }

        /** The text inputs of a form with the values the page shows. */
        Map<String, String> formOf(String page, String form) {
            var fields = new LinkedHashMap<String, String>();
            var input = Pattern.compile("<input id=\"(" + form + ":[A-Za-z]+)\" name=\"\\1\" type=\"text\" value=\"([^\"]*)\"")
                    .matcher(page);
            while (input.find()) {
                fields.put(input.group(1), input.group(2));
            }
            fields.put(form + ":credential", "CLIENT_SECRET");
            fields.put(form + ":clientSecret", "");
            return fields;
        }

        private HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers)
                throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept-Language", "en");
            headers.forEach(request::header);
            var body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private String viewState(String page) {
            var matcher = VIEW_STATE.matcher(page);
            assertTrue(matcher.find(), "the page carries a view state");
            return matcher.group(1);
        }
    }
}

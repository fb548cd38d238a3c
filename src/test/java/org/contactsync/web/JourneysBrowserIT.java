package org.contactsync.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.contactsync.testsupport.Browser;
import org.contactsync.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in a real browser: sign in, keep contacts, and meet the limits of their role. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JourneysBrowserIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.realWar();
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        try (var browser = new Browser(base, "en")) {
            browser.signIn("alice", "not-her-password");

            browser.waitForText("messages", "incorrect");
            assertTrue(browser.driver().getCurrentUrl().contains("login"), browser.driver().getCurrentUrl());
        }
    }

    @Test
    void createdContactIsFoundInTheListBySearch() {
        var surname = "Journey" + UUID.randomUUID().toString().substring(0, 8);
        try (var browser = new Browser(base, "en")) {
            browser.signIn("alice", "alice-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");

            browser.open("/contacts/card.xhtml");
            browser.driver().findElement(By.xpath(
                    "//label[normalize-space()='Person' and starts-with(@for, 'contactCard:type')]")).click();
            browser.type("firstName", "Greta");
            browser.type("surname", surname);
            browser.type("email", surname.toLowerCase() + "@example.com");
            browser.click("save");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(
                    ExpectedConditions.textMatches(Browser.idSelector("no"), java.util.regex.Pattern.compile("CT\\d+")));
            var no = browser.byId("no").getText();

            browser.open("/contacts/list.xhtml");
            browser.type("search", surname);
            browser.waitForText("contacts", no);
            var table = browser.byId("contacts").getText();
            assertTrue(table.contains("Greta " + surname), table);
        }
    }

    @Test
    void employeeCannotOpenTheUsersPage() {
        try (var browser = new Browser(base, "en")) {
            browser.signIn("alice", "alice-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");

            browser.open("/admin/users.xhtml");

            browser.waitForText("errorTitle", "Access denied");
            assertFalse(browser.pageText().contains("bob@contoso.example"), browser.pageText());
            assertTrue(browser.driver().findElements(Browser.idSelector("navUsers")).isEmpty(),
                    "no Users entry in an employee's menu");
        }
    }

    @Test
    void adminSeesUsersAndTheFrameSpeaksSwedish() {
        try (var browser = new Browser(base, "sv-SE")) {
            browser.signIn("admin", "admin-demo-2026");
            browser.waitForText(By.tagName("body"), "Välkommen");

            browser.open("/admin/users.xhtml");

            browser.waitForText(By.tagName("body"), "bob@contoso.example");
            assertEquals("Kontakter", browser.driver().findElement(By.cssSelector("[id$='navContacts'] .ui-menuitem-text")).getText());
        }
    }

    @Test
    void adminTestsTheMicrosoft365ConnectionAgainstTheSandbox() {
        try (var browser = new Browser(base, "en")) {
            browser.signIn("admin", "admin-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");
            browser.open("/admin/microsoft-365-connection.xhtml");

            browser.type("clientSecret", "not-the-sandbox-secret");
            browser.click("testConnection");
            browser.waitForText("messages", "is not the app's");

            browser.type("clientSecret", "sandbox-demo-secret");
            browser.click("testConnection");
            browser.waitForText("messages", "Connected successfully to Microsoft 365");
            assertFalse(browser.driver().getPageSource().contains("sandbox-demo-secret"),
                    "the secret is never shown back");
        }
    }

    @Test
    void employeeValidatesTheirMailboxAndSeesHowManyContactsTheirFilterMatches() throws Exception {
        long expected = contactNumbersOfAlice().stream()
                .filter(no -> no.startsWith("CT00001") || no.startsWith("CT00002"))
                .count();
        try (var browser = new Browser(base, "en")) {
            browser.signIn("alice", "alice-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");
            browser.open("/exchange/setup.xhtml");
            browser.click("validate");
            browser.waitForText("messages", "Connected successfully to Microsoft 365");

            browser.open("/exchange/contact-sync-setup.xhtml");
            browser.type("filterNo", "CT00001*|CT00002*");

            browser.waitForText("matchCount", String.valueOf(expected));
            assertTrue(expected > 0, "demo data has contacts CT00001x and CT00002x");
            var preview = browser.byId("preview").getText();
            assertTrue(preview.contains("CT000010") && preview.contains("CT000020"), preview);
            var source = browser.driver().getPageSource();
            assertTrue(source.contains("businessAddress.postalCode") && source.contains("Post Code"),
                    "the page shows the field mapping");
        }
    }

    @Test
    void employeeCannotOpenAnotherEmployeesSetupByUrl() {
        try (var browser = new Browser(base, "en")) {
            browser.signIn("alice", "alice-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");

            browser.open("/exchange/contact-sync-setup.xhtml?userName=bob");
            browser.waitForText(By.tagName("body"), "You can only open your own");
            browser.open("/exchange/setup.xhtml?userName=bob");
            browser.waitForText(By.tagName("body"), "You can only open your own");

            assertFalse(browser.pageText().contains("bob@contoso.example"), browser.pageText());
        }
    }

    /** Every contact No., read through the REST API: the oracle for the filter's count. */
    private java.util.List<String> contactNumbersOfAlice() throws Exception {
        var auth = java.util.Base64.getEncoder().encodeToString(
                "alice:alice-ws-key-demo-000000000000000".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base.toString()).resolve("/api/v1/contacts?limit=500"))
                .header("Authorization", "Basic " + auth).header("Accept", "application/json").GET().build();
        var body = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            return reader.readObject().getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class).stream()
                    .map(item -> item.getString("no"))
                    .toList();
        }
    }
}

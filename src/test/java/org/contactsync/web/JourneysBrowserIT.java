package org.contactsync.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.contactsync.testsupport.Browser;
import org.contactsync.testsupport.DemoAccess;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.Http;
import org.contactsync.testsupport.SandboxAdmin;
import org.contactsync.testsupport.Poll;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
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
        // CT000010 to CT000029 only: other test classes on this server add contacts CT000100 and on.
        java.util.function.Predicate<String> inFilter = no -> no.length() == 8
                && (no.startsWith("CT00001") || no.startsWith("CT00002"));
        long expected = contactNumbersOfAlice().stream().filter(inFilter).count();
        try (var browser = new Browser(base, "en")) {
            browser.signIn("alice", "alice-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");
            browser.open("/exchange/setup.xhtml");
            browser.click("validate");
            browser.waitForText("messages", "Connected successfully to Microsoft 365");

            browser.open("/exchange/contact-sync-setup.xhtml");
            // The preview checks below tell a filtered preview from the unfiltered one only if this one differs.
            var unfiltered = CONTACT_NO.matcher(browser.byId("preview").getText()).results().map(MatchResult::group)
                    .toList();
            assertTrue(unfiltered.stream().anyMatch(inFilter.negate()), "before filtering: " + unfiltered);
            browser.type("filterNo", "CT00001?|CT00002?");

            assertTrue(expected > 0, "demo data has contacts CT00001x and CT00002x");
            waitForExactText(browser, "matchCount", String.valueOf(expected));
            var preview = browser.byId("preview").getText();
            var previewed = CONTACT_NO.matcher(preview).results().map(MatchResult::group).toList();
            assertTrue(previewed.contains("CT000010") && previewed.contains("CT000020"), preview);
            assertTrue(previewed.stream().allMatch(inFilter),
                    "the preview shows only contacts the filter matches: " + preview);
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

    @Test
    void theEnSvSwitchOverridesTheBrowsersLanguageForTheSession() {
        try (var browser = new Browser(base, "sv-SE")) {
            browser.signIn("alice", "alice-demo-2026");
            browser.waitForText(By.tagName("body"), "Välkommen");

            chooseLanguage(browser, "EN");
            browser.waitForText(By.tagName("body"), "Welcome");
            browser.open("/contacts/list.xhtml");
            waitForExactText(browser, By.cssSelector("[id$='navContacts'] .ui-menuitem-text"), "Contacts");
            assertEquals("en", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));

            chooseLanguage(browser, "SV");
            waitForExactText(browser, By.cssSelector("[id$='navContacts'] .ui-menuitem-text"), "Kontakter");
        }
    }

    @Test
    void theOutlookSandboxPageAddsEditsAndDeletesContactsAndAnAdminResetsTheMailboxAndSetsFaults() {
        var email = "outlook-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (var browser = new Browser(base, "en")) {
            browser.signIn("admin", "admin-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");
            browser.open("/outlook/index.xhtml");
            browser.waitForText(By.tagName("body"), "Outlook (sandbox)");

            browser.click("newContact");
            browser.type("givenName", "Olle");
            browser.type("surname", "Outlook");
            browser.type("email", email);
            browser.click("save");
            browser.waitForText("messages", "The contact was created.");
            browser.open("/outlook/index.xhtml");
            browser.waitForText("contacts", email);

            clickInRow(browser, email, "edit");
            browser.type("jobTitle", "Harbour Master");
            browser.click("save");
            browser.waitForText("messages", "The contact was saved.");
            browser.open("/outlook/index.xhtml");
            browser.waitForText("contacts", email);
            assertTrue(rowOf(browser, email).getText().contains("Harbour Master"), rowOf(browser, email).getText());

            clickInRow(browser, email, "delete");
            confirm(browser);
            browser.waitForText("messages", "was deleted");
            browser.open("/outlook/index.xhtml");
            browser.waitForText(By.tagName("body"), "Outlook (sandbox)");
            assertFalse(browser.byId("contacts").getText().contains(email), browser.byId("contacts").getText());

            openAdministration(browser);
            browser.type("faultScript", "THROTTLED, UNAVAILABLE");
            browser.click("applyKnobs");
            browser.waitForText("messages", "The sandbox settings were saved.");
            assertEquals(List.of("THROTTLED", "UNAVAILABLE"), sandboxAdmin("/faults").getJsonArray("script")
                    .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
            openAdministration(browser);
            browser.type("faultScript", "");
            browser.click("applyKnobs");
            // The first save's message may still be on the page: wait for the setting itself.
            assertEquals(List.of(), Poll.until("the script cleared again", Duration.ofSeconds(20),
                    () -> sandboxAdmin("/faults").getJsonArray("script"), List::isEmpty));

            browser.click("newContact");
            browser.type("givenName", "Reset");
            browser.type("email", "reset-" + email);
            browser.click("save");
            browser.waitForText("contacts", "reset-" + email);
            openAdministration(browser);
            browser.click("resetMailbox");
            confirm(browser);
            browser.waitForText("messages", "The mailbox admin@contoso.example was reset: it is empty again.");
            browser.open("/outlook/index.xhtml");
            browser.waitForText("contacts", "No contacts in this folder.");
        }
    }

    @Test
    void anEmployeeSeesTheirOwnSandboxMailboxWithoutTheAdministration() {
        try (var browser = new Browser(base, "en")) {
            browser.signIn("bob", "bob-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");
            browser.open("/outlook/index.xhtml");

            browser.waitForText("mailboxNameText", "bob@contoso.example");
            assertTrue(browser.driver().findElements(Browser.idSelector("administration")).isEmpty(),
                    "no sandbox administration for an employee");
            assertTrue(browser.driver().findElements(Browser.idSelector("mailboxName")).isEmpty(),
                    "an employee cannot open another mailbox");
        }
    }

    @Test
    void anAdminTestsTheConnectionWithACertificateWhichTheSandboxRefuses() throws Exception {
        Path pfx = certificateWithKey();
        try (var browser = new Browser(base, "en")) {
            browser.signIn("admin", "admin-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");
            browser.open("/admin/microsoft-365-connection.xhtml");

            chooseRadio(browser, "Certificate");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions
                    .presenceOfElementLocated(By.cssSelector("input[type='file'][id$='certificate_input']")))
                    .sendKeys(pfx.toString());
            browser.waitForText("certificateState", "Uploaded app.pfx");
            browser.type("certificatePassword", CERTIFICATE_PASSWORD);
            browser.click("testConnection");
            // The sandbox answers a client assertion with invalid_client (AADSTS7000218): the page says it plainly.
            browser.waitForText("messages", "The client secret or certificate is not the app's.");
            assertFalse(browser.driver().getPageSource().contains(CERTIFICATE_PASSWORD),
                    "the certificate's password is never shown back");

            chooseRadio(browser, "Client secret");
            browser.type("clientSecret", "sandbox-demo-secret");
            browser.click("testConnection");
            browser.waitForText("messages", "Connected successfully to Microsoft 365");
        }
    }

    private static final Pattern CONTACT_NO = Pattern.compile("CT\\d{6}");
    private static final String CERTIFICATE_PASSWORD = "pfx-password-2026";

    /** Waits until the element's whole text is {@code text}, not merely contains it ("12" holds "2"). */
    private static void waitForExactText(Browser browser, By where, String text) {
        String[] seen = {"(nothing)"};
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .withMessage(() -> where + " shows \"" + seen[0] + "\", not \"" + text + "\"")
                .until(driver -> (seen[0] = driver.findElement(where).getText().strip()).equals(text));
    }

    private static void waitForExactText(Browser browser, String id, String text) {
        waitForExactText(browser, Browser.idSelector(id), text);
    }

    /** Clicks EN or SV in the header's language switch, which reloads the page. */
    private static void chooseLanguage(Browser browser, String label) {
        browser.driver().findElement(By.xpath("//*[contains(@id, 'language')]//*[normalize-space(text())='"
                + label + "']")).click();
    }

    /** Expands the (collapsible) Sandbox administration fieldset unless it is open. */
    private static void openAdministration(Browser browser) {
        if (!browser.driver().findElement(Browser.idSelector("faultScript")).isDisplayed()) {
            browser.driver().findElement(By.cssSelector("[id$='administration'] legend")).click();
        }
    }

    /** Answers Yes in the page's confirmation dialog. */
    private static void confirm(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
    }

    private static void chooseRadio(Browser browser, String label) {
        browser.driver().findElement(By.xpath("//label[normalize-space()='" + label + "']")).click();
    }

    private static WebElement rowOf(Browser browser, String text) {
        return browser.driver().findElement(By.xpath("//*[contains(@id, 'contacts')]//tr[contains(., '" + text
                + "')]"));
    }

    private static void clickInRow(Browser browser, String text, String button) {
        rowOf(browser, text).findElement(By.cssSelector("[id$=':" + button + "']")).click();
    }

    /** A sandbox admin endpoint's answer, read over HTTP: the oracle for the page's knobs. */
    private JsonObject sandboxAdmin(String path) {
        return SandboxAdmin.of(base).call("GET", path, "");
    }

    /** A PKCS#12 file with a new RSA key and its self-signed certificate, made by the JDK's keytool. */
    private static Path certificateWithKey() throws Exception {
        Path directory = Files.createTempDirectory("journeys-certificate");
        Path pfx = directory.resolve("app.pfx");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=Contact Sync test app", "-storetype", "PKCS12", "-keystore", pfx.toString(),
                "-storepass", CERTIFICATE_PASSWORD, "-keypass", CERTIFICATE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        return pfx;
    }

    /** Every contact No., read through the REST API: the oracle for the filter's count. */
    /** Every contact's No., all pages of the REST API as alice (other test classes add contacts on this server). */
    private java.util.List<String> contactNumbersOfAlice() {
        var numbers = new java.util.ArrayList<String>();
        for (int offset = 0; ; offset += 500) {
            var response = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base.toString())
                    .resolve("/api/v1/contacts?limit=500&offset=" + offset))
                    .header("Authorization", DemoAccess.ALICE).header("Accept", "application/json").GET());
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(response.body()))) {
                var page = reader.readObject().getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class);
                page.forEach(item -> numbers.add(item.getString("no")));
                if (page.size() < 500) {
                    return numbers;
                }
            }
        }
    }
}

package org.contactsync.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.contactsync.testsupport.DemoAccess;
import org.contactsync.testsupport.Http;
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
import org.contactsync.testsupport.TestEmployee;
import org.contactsync.testsupport.FacesSession;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

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

            var no = newPersonGreta(browser, surname);

            browser.open("/contacts/list.xhtml");
            browser.type("search", surname);
            browser.waitForText("contacts", no);
            var table = browser.byId("contacts").getText();
            assertTrue(table.contains("Greta " + surname), table);
        }
    }

    @Test
    void aColumnFilterTakesBusinessCentralsFilterSyntaxAndNamesASyntaxError() throws Exception {
        var token = "Q" + UUID.randomUUID().toString().substring(0, 8);
        for (var surname : List.of("Lind" + token + "berg", "Sand" + token + "berg", "Pers" + token + "son")) {
            Http.send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/contacts"))
                    .header("Authorization", DemoAccess.ALICE).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"firstName\":\"Greta\",\"surname\":\"" + surname + "\"}")));
        }
        try (var browser = new Browser(base, "en")) {
            browser.signIn("alice", "alice-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");
            browser.open("/contacts/list.xhtml");
            assertTrue(browser.byId("filterHelp").getText().contains("anywhere in the column"));

            browser.type("colName:filter", token.toLowerCase());
            browser.waitForText("contacts", "Greta Pers" + token + "son");
            var plain = browser.byId("contacts").getText();
            assertTrue(plain.contains("Greta Lind" + token + "berg") && plain.contains("Greta Sand" + token + "berg"),
                    "a plain value is found anywhere in the Name, in any case: " + plain);

            browser.type("colName:filter", "*" + token + "berg");
            browser.await().ignoring(WebDriverException.class).until(
                    driver -> !browser.byId("contacts").getText().contains("Pers" + token + "son"));
            var bergs = browser.byId("contacts").getText();
            assertTrue(bergs.contains("Greta Lind" + token + "berg") && bergs.contains("Greta Sand" + token + "berg"),
                    "*" + token + "berg ends with berg: " + bergs);

            browser.type("colName:filter", "*" + token + "berg|");
            browser.waitForText(By.tagName("body"), "Name: the filter \"*" + token + "berg|\" is not valid: a condition is "
                    + "missing before or after | or & (at character " + (token.length() + 7) + ").");
            browser.waitForText("contacts", "No contacts match.");
        }
    }

    @Test
    void aContactsLastModifiedTimeIsShownInTheBrowsersZoneAndLanguage() throws Exception {
        var surname = "Zone" + UUID.randomUUID().toString().substring(0, 8);
        var created = Json.createReader(new StringReader(Http.send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/contacts"))
                .header("Authorization", DemoAccess.ALICE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Zoe\",\"surname\":\"" + surname + "\"}")))
                .body())).readObject();
        var modifiedInTokyo = Instant.parse(created.getString("lastModifiedAt")).atZone(ZoneId.of("Asia/Tokyo"));

        try (var browser = new Browser(base, "sv", "Asia/Tokyo")) {
            browser.signIn("alice", "alice-demo-2026");
            browser.open("/contacts/card.xhtml?no=" + created.getString("no"));

            var shown = browser.byId("lastDateTimeModified").getText();
            assertTrue(shown.contains(DateTimeFormatter.ofPattern("HH:mm:ss").format(modifiedInTokyo))
                    && shown.contains(String.valueOf(modifiedInTokyo.getYear())) && !shown.contains("UTC"), shown);
        }
    }

    @Test
    void atBusinessCentralsUsualWidthTheFrameAndCardsKeepTheirLayoutInBothLanguages() {
        for (var language : List.of("en", "sv")) {
            try (var browser = new Browser(base, language)) {
                browser.signIn("admin", "admin-demo-2026");
                browser.open("/users/card.xhtml?userName=alice");
                var items = browser.driver().findElements(By.cssSelector(".app-nav > ul > li:not(.ui-menubar-options)"));
                assertTrue(items.size() >= 6, "menu items: " + items.size());
                assertEquals(1, items.stream().map(item -> item.getLocation().getY()).distinct().count(),
                        language + ": the top-level menu fits one row at 1,400 px");
                var breadcrumb = browser.driver().findElement(By.cssSelector(".app-breadcrumb")).getText();
                assertFalse(breadcrumb.contains("/"), language + " breadcrumb: " + breadcrumb);

                browser.open("/exchange/contact-sync-setup.xhtml");
                int captionsEnd = browser.byId("folderName").getLocation().getX();
                assertTrue(captionsEnd < 500, language + ": values sit beside their captions, at x " + captionsEnd);

                browser.open("/contacts/list.xhtml");
                var email = browser.driver().findElement(By.cssSelector("td.app-ellipsis"));
                assertEquals("ellipsis", email.getCssValue("text-overflow"), "a cut e-mail ends in an ellipsis");
            }
        }
    }

    /** The words the walk looks for, in the language it is taken in. */
    private record WalkWords(String welcome, String authentication, String connected, String saved,
                             String succeeded, String outlookSaved, String syncMode, String fullSyncMode,
                             String neverSynced, String inYourOutlook, String factBoxLastEntry) {
        static WalkWords of(String language) {
            return language.equals("sv")
                    ? new WalkWords("Välkommen", "Microsoft 365-autentisering", "Anslutningen till Microsoft 365 lyckades",
                            "Inställningarna för kontaktsynkning har sparats.", "Lyckades", "Kontakten sparades.",
                            "Synka med Microsoft 365", "Full synkronisering med Microsoft 365", "Aldrig synkroniserad.",
                            "I din Outlook-mapp.", "Synkroniseringslogg: Ändrad i Business Central")
                    : new WalkWords("Welcome", "Microsoft 365 Authentication", "Connected successfully to Microsoft 365",
                            "The Contact Sync Setup was saved.", "Succeeded", "The contact was saved.",
                            "Sync with Microsoft 365", "Full Sync with Microsoft 365", "Never synchronized.",
                            "In your Outlook folder.", "Sync Log: Updated in Business Central");
        }
    }

    /**
     * The README's first-run walk, as a new employee takes it in a real browser, clicking the real buttons: the one-time
     * password changed, the Microsoft 365 e-mail on My User Card, a contact made on the Contact Card, Validate on
     * Exchange Sync Setup, a filter on Contact Sync Setup, Sync with Microsoft 365, an edit in Outlook (sandbox),
     * Full Sync with Microsoft 365, the edit back on the Contact Card, and both runs in the Sync Log (issue 13).
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "sv"})
    void theReadmesFirstRunWalkInABrowser(String language) throws Exception {
        var words = WalkWords.of(language);
        var mailbox = TestEmployee.unusedMailbox(base);
        var oneTime = FacesSession.newEmployee(FacesSession.signedIn(base, "admin", "admin-demo-2026"), "walk", mailbox);
        var surname = "Walk" + UUID.randomUUID().toString().substring(0, 8);
        var password = "a-walk-through-" + UUID.randomUUID();
        try (var browser = new Browser(base, language)) {
            browser.signIn(oneTime.userName(), oneTime.password());
            browser.type("currentPassword", oneTime.password());
            browser.type("newPassword", password);
            browser.type("confirmPassword", password);
            browser.click("save");
            browser.waitForText(By.tagName("body"), words.welcome());

            browser.click("navMyUser");
            browser.waitForText(By.tagName("body"), words.authentication());
            assertTrue(browser.driver().getPageSource().contains(mailbox), "My User Card shows the Microsoft 365 e-mail");

            var no = newPersonGreta(browser, surname);

            browser.click("navExchangeSetup");
            browser.click("validate");
            browser.waitForText("messages", words.connected());
            browser.click("contactSyncSetup");
            browser.type("filterName", "*" + surname);
            waitForExactText(browser, "willSyncCount", "1");
            browser.click("save");
            browser.waitForText("messages", words.saved());

            assertEquals(words.neverSynced(), browser.byId("lastSyncDateTime").getText());
            browser.click("syncNow");
            browser.waitForText("syncStatus", words.succeeded());
            browser.await().until(ExpectedConditions.not(
                    ExpectedConditions.textToBePresentInElementLocated(Browser.idSelector("lastSyncDateTime"),
                            words.neverSynced())));
            assertTrue(browser.byId("lastSyncResult").getText().startsWith(language.equals("sv")
                    ? "Till Outlook: 1 skapade" : "To Outlook: 1 created"),
                    "Last Sync Result in the page's language, without a reload: "
                            + browser.byId("lastSyncResult").getText());
            assertTrue(browser.byId("syncCounts").getText().startsWith(language.equals("sv")
                    ? "Till Outlook: 1 skapade" : "To Outlook: 1 created"), browser.byId("syncCounts").getText());

            browser.click("navOutlook");
            browser.waitForText("contacts", surname);
            assertEquals("Business Central", browser.byId("folder_label").getText(), "it opens on the sync folder");
            clickInRow(browser, surname, "edit");
            // The dialog is filled by the edit's answer: type only once it shows this contact.
            browser.await().ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.attributeToBe(Browser.idSelector("surname"), "value", surname));
            browser.type("jobTitle", "Harbour Master");
            browser.click("save");
            browser.waitForText("messages", words.outlookSaved());
            browser.waitForText("contacts", "Harbour Master");

            browser.click("navExchangeSetup");
            browser.click("contactSyncSetup");
            browser.click("fullSync");
            browser.waitForText("syncStatus", words.succeeded());
            var fullSync = browser.byId("syncStatus").getText() + ", " + browser.byId("syncCounts").getText();

            browser.open("/contacts/card.xhtml?no=" + no);
            assertEquals("Harbour Master", browser.byId("jobTitle").getAttribute("value"),
                    "the Outlook edit came back with Full Sync (" + fullSync + ")");
            assertEquals(words.inYourOutlook(), browser.byId("factBoxState").getText(), "the Contact Sync FactBox");
            assertTrue(browser.byId("factBoxLastEntry").getText().startsWith(words.factBoxLastEntry()),
                    "its newest Sync Log entry: " + browser.byId("factBoxLastEntry").getText());
            browser.open("/contacts/list.xhtml");
            browser.type("search", surname);
            // The search re-renders the table as it is typed, once per pause in the typing: a click while a partial
            // search's rows are replaced lands on whatever row is under the pointer. Click once the table shows
            // only the one contact the whole surname finds.
            browser.await().ignoring(StaleElementReferenceException.class)
                    .until(driver -> {
                        var rows = driver.findElements(By.cssSelector("[id$='contacts_data'] > tr"));
                        return rows.size() == 1 && rows.get(0).getText().contains(surname);
                    });
            browser.await().ignoring(StaleElementReferenceException.class)
                    .until(driver -> {
                        driver.findElement(By.xpath("//tr[contains(., '" + surname + "')]/td[contains(@class, "
                                + "'app-ellipsis')]")).click();
                        return true;
                    });
            browser.waitForText("factBoxState", words.inYourOutlook());

            browser.click("navSyncLog");
            browser.waitForText("runs", words.fullSyncMode());
            var runs = browser.driver().findElements(By.cssSelector("[id$='runs_data'] > tr"));
            assertEquals(2, runs.size(), "both runs in the Sync Log");
            assertTrue(runs.get(1).getText().contains(words.syncMode()), runs.get(1).getText());
            runs.get(1).click();
            browser.waitForText("entries", no);
            var named = browser.driver().findElement(By.cssSelector("[id$='entries_data'] a.app-log-contact"));
            assertEquals(no + " Greta " + surname, named.getText(), "the entry names its contact");
            assertTrue(named.getAttribute("href").contains("card.xhtml?no=" + no), "and links to its card");
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
            var savedAsOpened = browser.byId("modified").getText();

            browser.type("clientSecret", "not-the-sandbox-secret");
            browser.click("testConnection");
            browser.waitForText("messages", "is not the app's");
            browser.waitForText("messages", "with the secret or certificate typed on the page. Nothing was saved");
            browser.open("/admin/microsoft-365-connection.xhtml");
            assertEquals(savedAsOpened, browser.byId("modified").getText(), "a try-out saves nothing");

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
        var matching = contactsOfAlice().stream().filter(contact -> inFilter.test(contact.getString("no"))).toList();
        long expected = matching.size();
        var willSync = matching.stream().filter(JourneysBrowserIT::goesToOutlook).map(c -> c.getString("no")).toList();
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
            waitForExactText(browser, "willSyncCount", String.valueOf(willSync.size()));
            assertTrue(willSync.size() < expected, "the article's example matches companies, which do not sync");
            var preview = browser.byId("preview").getText();
            var previewed = CONTACT_NO.matcher(preview).results().map(MatchResult::group).toList();
            assertEquals(willSync.stream().sorted().toList(), previewed.stream().sorted().toList(),
                    "the preview lists the contacts that will sync: " + preview);
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
    void messagesMadeBeforeThePageRendersSpeakTheChosenLanguage() {
        try (var browser = new Browser(base, "en")) {
            browser.signIn("admin", "admin-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");
            chooseLanguage(browser, "SV");
            browser.waitForText(By.tagName("body"), "Välkommen");

            browser.open("/admin/job-queue-entry.xhtml?id=999");
            browser.waitForText("messages", "Det finns ingen jobbkötransaktion 999.");

            browser.open("/sync/log.xhtml?run=abc");
            browser.waitForText(By.tagName("body"), "Körning: ange ett heltal.");
            assertFalse(browser.pageText().contains("j_idt"), browser.pageText());
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
            browser.type("givenName", "Abandoned");
            browser.click("cancel");
            browser.await().until(ExpectedConditions.invisibilityOfElementLocated(Browser.idSelector("contactDialog")));
            assertFalse(browser.byId("contacts").getText().contains("Abandoned"), "Cancel creates nothing");

            browser.click("newContact");
            browser.type("givenName", "Olle");
            browser.type("middleName", "Mellan");
            browser.type("surname", "Outlook");
            browser.type("email", email);
            browser.click("save");
            browser.waitForText("messages", "The contact was created.");
            browser.open("/outlook/index.xhtml");
            browser.waitForText("contacts", email);
            assertTrue(rowOf(browser, email).getText().contains("Olle Mellan Outlook"), rowOf(browser, email).getText());

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
            browser.upload("certificate", pfx, "certificateState", "Uploaded app.pfx");
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
        browser.await().ignoring(WebDriverException.class)
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
        browser.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
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
    /** Alice's view of the contacts, all pages of the REST API (other test classes add contacts on this server). */
    private java.util.List<JsonObject> contactsOfAlice() throws Exception {
        var contacts = new java.util.ArrayList<JsonObject>();
        for (int offset = 0; ; offset += 500) {
            var request = HttpRequest.newBuilder(base.toURI().resolve("/api/v1/contacts?limit=500&offset=" + offset))
                    .header("Authorization", DemoAccess.ALICE).header("Accept", "application/json").GET();
            try (var reader = Json.createReader(new StringReader(Http.send(request).body()))) {
                var page = reader.readObject().getJsonArray("items").getValuesAs(JsonObject.class);
                contacts.addAll(page);
                if (page.size() < 500) {
                    return contacts;
                }
            }
        }
    }

    /** The article's rule: only Person contacts with a Name and an E-mail go to Outlook (none privacy blocked). */
    private static boolean goesToOutlook(JsonObject contact) {
        return contact.getString("type").equals("Person") && !contact.getString("name").isBlank()
                && !contact.getString("email").isBlank() && !contact.getBoolean("privacyBlocked");
    }

    /** A new person Greta SURNAME with an e-mail, made on the Contact Card and saved: its No. */
    private static String newPersonGreta(Browser browser, String surname) {
        browser.open("/contacts/card.xhtml");
        browser.driver().findElement(By.xpath(
                "//label[normalize-space()='Person' and starts-with(@for, 'contactCard:type')]")).click();
        browser.type("firstName", "Greta");
        browser.type("surname", surname);
        browser.type("email", surname.toLowerCase() + "@example.com");
        browser.click("save");
        browser.await().until(
                ExpectedConditions.textMatches(Browser.idSelector("no"), Pattern.compile("CT\\d+")));
        return browser.byId("no").getText();
    }

}

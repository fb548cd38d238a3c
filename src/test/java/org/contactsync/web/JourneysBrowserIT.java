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
}

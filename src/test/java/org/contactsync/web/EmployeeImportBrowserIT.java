package org.contactsync.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.contactsync.testsupport.ApiCaller;
import org.contactsync.testsupport.Browser;
import org.contactsync.testsupport.DemoAccess;
import org.contactsync.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An admin sets up employees from a CSV file on the Users page (issue 16): a preview names every row's problems and
 * nothing is imported while one has any, also when a row went bad after the preview; a clean file imports every
 * employee with their Contact Sync Setup.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmployeeImportBrowserIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void aFileWithABadRowImportsNothingAndOnceFixedImportsEveryEmployeeWithTheirFilter() throws IOException {
        var prefix = "imp" + UUID.randomUUID().toString().substring(0, 6);
        var admin = ApiCaller.as(base, DemoAccess.ADMIN);
        try (var browser = new Browser(base, "en")) {
            browser.signIn("admin", "admin-demo-2026");
            browser.waitForText(By.tagName("body"), "Welcome");
            browser.open("/admin/users.xhtml");
            browser.click("import");
            browser.waitForText(By.tagName("body"), "Import Employees");

            upload(browser, csv(prefix, "bob@contoso.example"), "3 rows, 1 with problems");
            assertTrue(browser.byId("rows").getText().contains("Another user already has this authentication e-mail."),
                    browser.byId("rows").getText());
            assertFalse(browser.byId("import").isEnabled(), "no import while a row has a problem");
            assertEquals(404, admin.get("/users/" + prefix + "-a").statusCode(), "nothing imported");

            upload(browser, csv(prefix, prefix + "-c@contoso.example"), "3 rows, 0 with problems");
            // Between the preview and Import someone creates the third user: the import checks again.
            assertEquals(201, admin.send("POST", "/users", "{'userName':'" + prefix + "-c','fullName':'Cecilia',"
                    + "'authenticationEmail':'" + prefix + "-c@contoso.example','oneTimePassword':false}").statusCode());
            browser.click("import");
            browser.waitForText("messages", "Nothing was imported");
            assertEquals(404, admin.get("/users/" + prefix + "-a").statusCode(), "nothing half-imported");

            upload(browser, csv(prefix, prefix + "-c@contoso.example").replaceAll("(?m)^" + prefix + "-c;.*\\n", ""),
                    "2 rows, 0 with problems");
            browser.click("import");
            browser.waitForText("messages", "2 employees imported");
        }
        for (var suffix : new String[] {"-a", "-b"}) {
            assertEquals(200, admin.get("/users/" + prefix + suffix).statusCode(), prefix + suffix);
        }
        var setup = ApiCaller.json(admin.get("/contact-sync-setups/" + prefix + "-a"));
        assertEquals("NORTH", setup.getJsonObject("filter").getString("territoryCode"));
        assertFalse(setup.getBoolean("backgroundSync"), "the file said no: " + setup);
    }

    /**
     * Three employees, as Excel in Swedish settings saves them; the third with {@code thirdEmail}, which another user
     * may have. Background sync off: the job queue of the server the test classes share must not sync them (their
     * mailboxes are not in the sandbox).
     */
    private static String csv(String prefix, String thirdEmail) {
        return "userName;fullName;email;territoryCode;backgroundSync\n"
                + prefix + "-a;Anna Import;" + prefix + "-a@contoso.example;NORTH;nej\n"
                + prefix + "-b;Bo Import;" + prefix + "-b@contoso.example;;no\n"
                + prefix + "-c;Cecilia Import;" + thirdEmail + ";SOUTH;0\n";
    }

    private static void upload(Browser browser, String content, String previewTitle) throws IOException {
        Path file = Files.createTempFile("employees", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        browser.upload("file", file, "previewTitle", previewTitle);
    }
}

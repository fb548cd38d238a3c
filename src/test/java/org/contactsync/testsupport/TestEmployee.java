package org.contactsync.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An employee of one test's own, so that tests syncing on the server the container test classes share never meet:
 * a new user with a Microsoft 365 mailbox of its own in the sandbox, the web service access key of its REST calls,
 * and a Contact Sync Setup whose filter takes only the contacts whose Name starts with its user name (create them
 * with a {@link #contactFirstName()}), so that what it syncs is what its test made.
 *
 * <p>The sandbox's mailboxes are configured, not made on demand: src/test/it-server.options lists
 * {@code employee-001@contoso.example} and on; each employee takes the next one this test run has not used.
 *
 * @param userName      the user's name, also the start of its contacts' names
 * @param mailbox       its Microsoft 365 e-mail, a sandbox mailbox no other employee has
 * @param authorization the {@code Authorization} header of its REST calls (HTTP Basic with its access key)
 */
public record TestEmployee(String userName, String mailbox, String authorization) {

    private static final AtomicInteger MAILBOXES_TAKEN = new AtomicInteger();

    /** A new employee named {@code prefix} plus a unique suffix, created by the demo admin on the user pages. */
    public static TestEmployee create(URL base, String prefix) {
        try {
            FacesSession admin = FacesSession.signedIn(base, "admin", "admin-demo-2026");
            String mailbox = unusedMailbox(base);
            String userName = FacesSession.newEmployee(admin, prefix, mailbox).userName();
            TestEmployee employee = new TestEmployee(userName, mailbox,
                    DemoAccess.basic(userName, newWebServiceKey(admin, userName)));
            ContactSyncSetupPage.save(admin, userName, Map.of("filterName", employee.contactFirstName() + "*"),
                    ContactSyncSetupPage.Switches.NONE);
            return employee;
        } catch (IOException e) {
            throw new AssertionError("The user pages did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next sandbox mailbox of src/test/it-server.options that no employee of this test run has. */
    public static String unusedMailbox(URL base) {
        String mailbox = String.format("employee-%03d@contoso.example", MAILBOXES_TAKEN.incrementAndGet());
        var counters = SandboxAdmin.of(base).send("GET", "/mailboxes/" + mailbox + "/counters", "", SandboxAdmin.KEY);
        assertEquals(200, counters.statusCode(), "The sandbox has no mailbox " + mailbox
                + ": src/test/it-server.options lists the tests' mailboxes");
        return mailbox;
    }

    /** The first name of this employee's contacts: its filter takes the contacts whose Name starts with it. */
    public String contactFirstName() {
        return userName;
    }

    /** Change Web Service Key on the user's card, as an admin does: the new key, which the page shows once. */
    private static String newWebServiceKey(FacesSession admin, String userName)
            throws IOException, InterruptedException {
        String path = "users/card.xhtml?userName=" + userName;
        String changed = admin.ajax(path, admin.get(path).body(), "cardForm", "cardForm:changeWebServiceKey", Map.of());
        var key = Pattern.compile("<code id=\"secretValue\">([^<]+)</code>").matcher(changed);
        assertTrue(key.find(), changed);
        return key.group(1);
    }
}

package org.contactsync.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.FacesSession;
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

    private static final String CONNECTION = "admin/microsoft-365-connection.xhtml";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void theAdminTestsTheDemoConnectionAndAWrongSecretIsExplainedButNeverShown() throws Exception {
        var admin = FacesSession.signedIn(base, "admin", "admin-demo-2026");
        var page = admin.get(CONNECTION);
        assertEquals(200, page.statusCode());
        for (var id : new String[] {"id=\"connection\"", "connection:tenantId", "connection:clientId",
            "connection:clientSecret", "connection:save", "connection:testConnection", "connection:messages"}) {
            assertTrue(page.body().contains(id), id);
        }
        assertTrue(page.body().contains("•••• (stored)"), "the demo connection's secret is stored");
        assertFalse(page.body().contains("sandbox-demo-secret"), "and never rendered");

        var form = connectionFormOf(page.body());
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
        var alice = FacesSession.signedIn(base, "alice", "alice-demo-2026");
        var page = alice.get(CONNECTION);
        assertEquals(403, page.statusCode());
        assertFalse(page.body().contains("connection:tenantId"));
    }

    @Test
    void anEmployeeValidatesTheirMailboxAndCannotOpenAnotherEmployeesSetup() throws Exception {
        var alice = FacesSession.signedIn(base, "alice", "alice-demo-2026");
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
        var admin = FacesSession.signedIn(base, "admin", "admin-demo-2026");
        assertEquals(200, admin.get("exchange/setup.xhtml?userName=bob").statusCode(), "an admin opens anyone's");
    }

    @Test
    void theFilterCountsMatchingContactsAsTheEmployeeTypes() throws Exception {
        var alice = FacesSession.signedIn(base, "alice", "alice-demo-2026");
        var path = "exchange/contact-sync-setup.xhtml";
        var page = alice.get(path);
        assertTrue(page.body().contains("contactSyncSetup:matchCount"));
        assertTrue(page.body().contains("id=\"contactSyncSetup:preview\""));
        var typed = Map.of("contactSyncSetup:filterNo", "CT00001*|CT00002*",
                "jakarta.faces.behavior.event", "keyup", "jakarta.faces.partial.event", "keyup");
        var counted = alice.ajax(path, page.body(), "contactSyncSetup", "contactSyncSetup:filterNo", typed);
        assertTrue(counted.contains("id=\"contactSyncSetup:matchCount\" style=\"font-weight: 600\">2<"), counted);
        // The article's example: two contacts match, both companies, so none will sync and the preview lists none.
        assertTrue(counted.contains("id=\"contactSyncSetup:willSyncCount\" style=\"font-weight: 600\">0<"), counted);
        assertTrue(counted.contains("No contact the filter lets through will sync."), counted);

        var invalid = Map.of("contactSyncSetup:filterNo", "(CT1",
                "jakarta.faces.behavior.event", "keyup", "jakarta.faces.partial.event", "keyup");
        var refused = alice.ajax(path, page.body(), "contactSyncSetup", "contactSyncSetup:filterNo", invalid);
        assertTrue(refused.contains("No.: the filter"), refused);
        assertTrue(refused.contains("is not closed"), refused);
    }

    /** The connection form as the page shows it, with a client secret as the credential, left empty. */
    private static Map<String, String> connectionFormOf(String page) {
        var fields = FacesSession.textInputsOf(page, "connection");
        fields.put("connection:credential", "CLIENT_SECRET");
        fields.put("connection:clientSecret", "");
        return fields;
    }
}

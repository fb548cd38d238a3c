package org.contactsync.exchange.api;

import static org.contactsync.testsupport.ApiCaller.isProblem;
import static org.contactsync.testsupport.ApiCaller.json;
import static org.contactsync.testsupport.ApiCaller.problemFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Set;
import java.util.TreeSet;
import org.contactsync.testsupport.ApiCaller;
import org.contactsync.testsupport.DemoAccess;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.TestEmployee;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each employee's Exchange Sync / Contact Sync Setup over {@code /api/v1/contact-sync-setups} on the real WAR: the
 * employee their own, an admin anyone's, another employee refused; validated and counted as on the page. Each test
 * provisions an employee of its own through the Users API, with a sandbox mailbox no other test uses.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContactSyncSetupApiIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    private ApiCaller admin() {
        return ApiCaller.as(base, DemoAccess.ADMIN);
    }

    /** A new employee with a mailbox of its own, and its own API key: the employee's caller. */
    private ApiCaller newEmployee(String name, String mailbox) {
        var created = admin().send("POST", "/users", "{'userName': '" + name + "', 'authenticationEmail': '"
                + mailbox + "', 'oneTimePassword': false}");
        assertEquals(201, created.statusCode(), created.body());
        var key = json(admin().send("POST", "/users/" + name + "/access-key", "")).getString("accessKey");
        return ApiCaller.as(base, DemoAccess.basic(name, key));
    }

    private void person(ApiCaller caller, String firstName, String surname, String city, String email) {
        var created = caller.send("POST", "/contacts", "{'firstName': '" + firstName + "', 'surname': '" + surname
                + "', 'city': '" + city + "'" + (email.isEmpty() ? "" : ", 'email': '" + email + "'") + "}");
        assertEquals(201, created.statusCode(), created.body());
    }

    @Test
    void anEmployeeReadsAndChangesTheirOwnSetupWithTheFiltersCounts() {
        var name = "setup-api-" + System.nanoTime();
        var employee = newEmployee(name, TestEmployee.unusedMailbox(base));
        person(employee, name, "Lund", "Lund", name + ".lund@example.com");
        person(employee, name, "Malmo", "Malmö", name + ".malmo@example.com");
        person(employee, name, "Nomail", "Lund", "");
        var path = "/contact-sync-setups/" + name;

        var opened = json(employee.get(path));
        assertEquals("Business Central", opened.getString("folderName"), "Business Central's default");
        assertFalse(opened.getBoolean("backgroundSync"));

        var changed = employee.send("PATCH", path, "{'folderName': 'CRM', 'filter': {'name': '" + name + "*'}, "
                + "'keepInOutlook': true}");
        assertEquals(200, changed.statusCode(), changed.body());
        var saved = json(changed);
        assertEquals("CRM", saved.getString("folderName"));
        assertEquals(name + "*", saved.getJsonObject("filter").getString("name"));
        assertEquals("", saved.getJsonObject("filter").getString("city"));
        assertEquals(3, saved.getJsonNumber("matchingContacts").longValue());
        assertEquals(2, saved.getJsonNumber("willSync").longValue(), "not the person without an e-mail");
        assertTrue(saved.getBoolean("keepInOutlook"));
        assertEquals(name, saved.getString("modifiedBy"));

        var narrowed = json(employee.send("PATCH", path, "{'filter': {'city': 'Lund'}}"));
        assertEquals(name + "*", narrowed.getJsonObject("filter").getString("name"), "kept");
        assertEquals(2, narrowed.getJsonNumber("matchingContacts").longValue());
        assertEquals(1, narrowed.getJsonNumber("willSync").longValue());
        assertEquals("CRM", narrowed.getString("folderName"), "kept");

        var byAdmin = admin().send("PATCH", path, "{'backgroundSync': true}");
        assertEquals(200, byAdmin.statusCode(), byAdmin.body());
        assertTrue(json(byAdmin).getBoolean("backgroundSync"));
        assertEquals("admin", json(byAdmin).getString("modifiedBy"));
        var stale = employee.send("PATCH", path, "{'folderName': 'Late', 'version': "
                + narrowed.getInt("version") + "}");
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals(204, admin().send("DELETE", "/users/" + name, "").statusCode(), "no background sync left");
    }

    @Test
    void anotherEmployeeIsRefusedAndAnonymousMustSignIn() {
        var bob = ApiCaller.as(base, DemoAccess.BOB);
        var before = json(admin().get("/contact-sync-setups/alice"));

        for (var refused : java.util.List.of(bob.get("/contact-sync-setups/alice"),
                bob.send("PATCH", "/contact-sync-setups/alice", "{'folderName': 'Bobs'}"),
                bob.send("POST", "/contact-sync-setups/alice/validate-mailbox", ""))) {
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(isProblem(refused));
            assertTrue(refused.body().contains("You can only open your own Exchange Sync Setup."), refused.body());
        }
        assertEquals(401, ApiCaller.anonymous(base).get("/contact-sync-setups/alice").statusCode());
        assertEquals(404, admin().get("/contact-sync-setups/nobody-" + System.nanoTime()).statusCode());
        assertEquals(before.getString("folderName"),
                json(admin().get("/contact-sync-setups/alice")).getString("folderName"), "not bob's folder name");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsSaved() {
        var name = "setup-bad-" + System.nanoTime();
        var employee = newEmployee(name, name + "@contoso.example");
        var path = "/contact-sync-setups/" + name;
        var before = json(employee.get(path));

        var bad = employee.send("PATCH", path, "{'folderName': '', 'filter': {'postCode': '1..2..3', "
                + "'type': 'Vendor', 'city': '@stock*'}}");
        var unknownFilterField = employee.send("PATCH", path, "{'filter': {'territory': 'NORTH'}}");
        var wrongType = employee.send("PATCH", path, "{'backgroundSync': 'yes'}");
        var nothing = employee.send("PATCH", path, "{}");

        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(isProblem(bad));
        assertEquals(Set.of("folderName", "filter.postCode", "filter.type"), new TreeSet<>(problemFields(bad)));
        assertTrue(bad.body().contains("Post Code: the filter"), "the page's message: " + bad.body());
        assertEquals(java.util.List.of("filter.territory"), problemFields(unknownFilterField));
        assertTrue(unknownFilterField.body().contains("territoryCode"), "says which fields there are");
        assertEquals(java.util.List.of("backgroundSync"), problemFields(wrongType));
        assertEquals(400, nothing.statusCode());
        assertEquals(before.getInt("version"), json(employee.get(path)).getInt("version"), "nothing saved");
        admin().send("DELETE", "/users/" + name, "");
    }

    @Test
    void validatingTheMailboxSaysWhatThePageSays() {
        var name = "setup-check-" + System.nanoTime();
        var mailbox = TestEmployee.unusedMailbox(base);
        var employee = newEmployee(name, mailbox);
        var path = "/contact-sync-setups/" + name + "/validate-mailbox";

        var own = employee.send("POST", path, "");
        var inSwedish = employee.inLanguage("sv").send("POST", path, "");

        assertEquals(200, own.statusCode(), own.body());
        assertTrue(json(own).getBoolean("ok"), own.body());
        assertEquals("OK", json(own).getString("outcome"));
        assertEquals(mailbox, json(own).getString("mailbox"));
        assertEquals("Connected successfully to Microsoft 365.", json(own).getString("message"));
        assertFalse(json(inSwedish).getString("message").equals(json(own).getString("message")),
                "in the caller's language: " + inSwedish.body());

        admin().send("PATCH", "/users/" + name, "{'authenticationEmail': '" + name + "@contoso.example'}");
        var unknownMailbox = admin().send("POST", path, "");
        assertEquals(200, unknownMailbox.statusCode(), "a finding, not an error: " + unknownMailbox.body());
        assertFalse(json(unknownMailbox).getBoolean("ok"), unknownMailbox.body());
        assertFalse(json(unknownMailbox).getString("message").isBlank());

        admin().send("PATCH", "/users/" + name, "{'authenticationEmail': ''}");
        var noEmail = admin().send("POST", path, "");
        assertEquals(400, noEmail.statusCode(), noEmail.body());
        assertTrue(noEmail.body().contains("authentication email"), noEmail.body());
        admin().send("DELETE", "/users/" + name, "");
    }
}

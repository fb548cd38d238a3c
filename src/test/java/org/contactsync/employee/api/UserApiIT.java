package org.contactsync.employee.api;

import static org.contactsync.testsupport.ApiCaller.isProblem;
import static org.contactsync.testsupport.ApiCaller.json;
import static org.contactsync.testsupport.ApiCaller.problemFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.contactsync.testsupport.ApiCaller;
import org.contactsync.testsupport.DemoAccess;
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
 * Provisioning users over {@code /api/v1/users} on the real WAR, as an admin's script would: the User Card's rules
 * and messages, 409 for a repeated create, every bad field named, secrets answered once. Each test makes users of
 * its own (unique names) on the shared server and deletes them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserApiIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    private ApiCaller admin() {
        return ApiCaller.as(base, DemoAccess.ADMIN);
    }

    private static String unique(String prefix) {
        return prefix + System.nanoTime();
    }

    private JsonObject create(String json) {
        var created = admin().send("POST", "/users", json);
        assertEquals(201, created.statusCode(), created.body());
        return json(created);
    }

    @Test
    void anAdminCreatesReadsChangesAndDeletesAUser() throws Exception {
        var name = unique("prov-");
        var created = admin().send("POST", "/users", "{'userName': '" + name.toUpperCase() + "', 'fullName': "
                + "'Petra Provisioned', 'authenticationEmail': '" + name + "@contoso.example'}");

        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/users/" + name));
        var user = json(created).getJsonObject("user");
        assertEquals(name, user.getString("userName"), "kept in lower case");
        assertEquals(List.of("employee"), user.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList(), "a new User Card's role");
        assertTrue(user.getBoolean("enabled"));
        assertTrue(user.getBoolean("mustChangePassword"));
        var oneTimePassword = json(created).getString("oneTimePassword");
        assertEquals(302, new FacesSession(base).signIn(name, oneTimePassword).statusCode(),
                "the one-time password signs in, as the card's does");

        assertEquals(200, admin().get("/users/" + name).statusCode());
        assertFalse(admin().get("/users/" + name).body().contains(oneTimePassword), "shown once only");
        assertTrue(admin().get("/users").body().contains("\"userName\":\"" + name + "\""));

        var changed = admin().send("PATCH", "/users/" + name, "{'fullName': 'Petra P. Provisioned', "
                + "'authenticationEmail': '', 'roles': ['admin', 'employee'], 'enabled': false}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("Petra P. Provisioned", json(changed).getString("fullName"));
        assertEquals("", json(changed).getString("authenticationEmail"));
        assertEquals(2, json(changed).getJsonArray("roles").size());
        assertFalse(json(changed).getBoolean("enabled"));
        assertEquals("admin", json(changed).getString("modifiedBy"));

        var stale = admin().send("PATCH", "/users/" + name, "{'fullName': 'Late', 'version': "
                + json(created).getJsonObject("user").getInt("version") + "}");
        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(isProblem(stale));

        assertEquals(204, admin().send("DELETE", "/users/" + name, "").statusCode());
        var gone = admin().get("/users/" + name);
        assertEquals(404, gone.statusCode());
        assertTrue(isProblem(gone));
    }

    @Test
    void aRepeatedCreateIsAConflictAndNeverASecondUser() {
        var name = unique("again-");
        var body = "{'userName': '" + name + "', 'authenticationEmail': '" + name + "@contoso.example', "
                + "'oneTimePassword': false}";
        create(body);

        var again = admin().send("POST", "/users", body);
        var sameEmail = admin().send("POST", "/users", "{'userName': '" + name + "-2', 'authenticationEmail': '"
                + name.toUpperCase() + "@contoso.example', 'oneTimePassword': false}");

        assertEquals(409, again.statusCode(), again.body());
        assertTrue(isProblem(again));
        assertEquals(List.of("userName"), problemFields(again));
        assertTrue(again.body().contains("There is already a user with this user name."), again.body());
        assertEquals(409, sameEmail.statusCode(), sameEmail.body());
        assertEquals(List.of("authenticationEmail"), problemFields(sameEmail));
        var users = admin().get("/users").body();
        assertEquals(1, users.split("\"userName\":\"" + name + "\"", -1).length - 1, "one user, not two");
        assertFalse(users.contains("\"userName\":\"" + name + "-2\""));
        admin().send("DELETE", "/users/" + name, "");
    }

    @Test
    void everyBadFieldIsNamedInTheCallersLanguage() {
        var bad = admin().send("POST", "/users", "{'userName': 'two words', 'fullName': '" + "x".repeat(81)
                + "', 'authenticationEmail': 'not-an-address', 'roles': ['manager']}");
        var swedish = admin().inLanguage("sv").send("POST", "/users", "{'userName': ''}");
        var wrongType = admin().send("POST", "/users", "{'userName': 'x', 'enabled': 'yes'}");
        var unknown = admin().send("POST", "/users", "{'userName': 'x', 'password': 'secret'}");
        var nothing = admin().send("PATCH", "/users/alice", "{}");

        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(isProblem(bad));
        assertEquals(Set.of("userName", "fullName", "authenticationEmail", "roles"),
                new TreeSet<>(problemFields(bad)));
        assertTrue(bad.body().contains("There is no role manager"), bad.body());
        assertEquals(400, swedish.statusCode());
        assertTrue(swedish.body().contains("Ange ett användarnamn."), swedish.body());
        assertEquals(List.of("enabled"), problemFields(wrongType));
        assertEquals(List.of("password"), problemFields(unknown), "no password can be set through the API");
        assertEquals(400, nothing.statusCode(), nothing.body());
        assertTrue(nothing.body().contains("The request changes nothing"), nothing.body());
        assertFalse(admin().get("/users").body().contains("\"userName\":\"x\""), "nothing was created");
    }

    @Test
    void aNewAccessKeyIsShownOnceAndWorksRightAway() throws Exception {
        var name = unique("key-");
        var created = create("{'userName': '" + name + "', 'oneTimePassword': false}");
        assertFalse(created.containsKey("oneTimePassword"), "none issued");
        assertFalse(created.getJsonObject("user").getBoolean("hasPassword"));

        var issued = admin().send("POST", "/users/" + name + "/access-key", "");
        assertEquals(200, issued.statusCode(), issued.body());
        var key = json(issued).getString("accessKey");
        var me = ApiCaller.as(base, DemoAccess.basic(name, key)).get("/me");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(name, json(me).getString("userName"));
        var card = admin().get("/users/" + name).body();
        assertFalse(card.contains(key), "never shown again");
        assertTrue(json(admin().get("/users/" + name)).containsKey("webServiceKeyChangedAt"));

        var next = json(admin().send("POST", "/users/" + name + "/access-key", "")).getString("accessKey");
        assertEquals(401, ApiCaller.as(base, DemoAccess.basic(name, key)).get("/me").statusCode(), "replaced");
        assertEquals(200, ApiCaller.as(base, DemoAccess.basic(name, next)).get("/me").statusCode());
        assertEquals(200, new FacesSession(base).signIn(name, "none").statusCode(),
                "a user without a password cannot sign in on the pages, whatever is typed");
        admin().send("DELETE", "/users/" + name, "");
    }

    @Test
    void anAdminCannotRemoveThemselvesSoAnEnabledAdminAlwaysRemains() {
        var name = unique("boss-");
        create("{'userName': '" + name + "', 'roles': ['admin', 'employee'], 'oneTimePassword': false}");
        var key = json(admin().send("POST", "/users/" + name + "/access-key", "")).getString("accessKey");
        var self = ApiCaller.as(base, DemoAccess.basic(name, key));

        List<HttpResponse<String>> attempts = List.of(self.send("DELETE", "/users/" + name, ""),
                self.send("PATCH", "/users/" + name, "{'roles': ['employee']}"),
                self.send("PATCH", "/users/" + name, "{'enabled': false}"));

        for (var attempt : attempts) {
            assertEquals(403, attempt.statusCode(), attempt.body());
            assertTrue(isProblem(attempt));
        }
        assertTrue(attempts.get(1).body().contains("so that an administrator always remains"));
        var still = json(self.get("/users/" + name));
        assertTrue(still.getBoolean("enabled"));
        assertTrue(still.getJsonArray("roles").toString().contains("admin"));
        assertEquals(204, admin().send("DELETE", "/users/" + name, "").statusCode(), "another admin may");
    }

    @Test
    void onlyAdminsProvisionUsers() {
        var name = unique("not-");
        var alice = ApiCaller.as(base, DemoAccess.ALICE);
        var byAlice = alice.send("POST", "/users", "{'userName': '" + name + "'}");
        var ownKey = alice.send("POST", "/users/alice/access-key", "");
        var anonymous = ApiCaller.anonymous(base).get("/users");

        assertEquals(403, byAlice.statusCode());
        assertTrue(isProblem(byAlice));
        assertEquals(403, ownKey.statusCode(), "an employee's key comes from their card, not this API");
        assertEquals(403, ApiCaller.as(base, DemoAccess.BOB).get("/users/alice").statusCode());
        assertEquals(401, anonymous.statusCode());
        assertEquals(404, admin().get("/users/" + name).statusCode(), "nothing was created");
        assertEquals(200, alice.get("/me").statusCode(), "alice's key was not replaced");
    }
}

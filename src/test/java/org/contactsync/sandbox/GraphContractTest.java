package org.contactsync.sandbox;

import static org.contactsync.sandbox.SandboxCaller.ok;
import static org.contactsync.sandbox.SandboxCaller.parse;
import static org.contactsync.sandbox.SandboxCaller.q;
import static org.contactsync.sandbox.SandboxCaller.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Contract: the JSON the sandbox emits for contacts, contact folders, delta pages and batch responses, held against
 * Graph v1.0's own CSDL. A property name or JSON type that differs from Graph's fails here.
 */
class GraphContractTest {

    private static final String ALICE = "/users/alice@contoso.example";
    private static final String CRM_KEY = "String {66f5a359-4659-4830-9070-00047ec6ac6e} Name CrmContactNo";

    /** A contact with every writable property set, so that every property Graph declares is emitted. */
    private static final String FULL_CONTACT = """
            {"@odata.type":"#microsoft.graph.contact","categories":["CRM"],"birthday":"1980-05-01T12:00:00Z",
             "fileAs":"Lovelace, Ada","displayName":"Ada Lovelace","givenName":"Ada","initials":"A.L.",
             "middleName":"Augusta","nickName":"Ada","surname":"Lovelace","title":"Countess","yomiGivenName":"",
             "yomiSurname":"","yomiCompanyName":"","generation":"","imAddresses":["ada@im.example"],
             "jobTitle":"Analyst","companyName":"Analytical Engines Ltd","department":"R&D","officeLocation":"London",
             "profession":"Mathematician","businessHomePage":"https://example.com","assistantName":"Charles",
             "manager":"Babbage","homePhones":["+44 20 1"],"mobilePhone":"+44 7 1","businessPhones":["+44 20 2"],
             "spouseName":"William","personalNotes":"Notes","children":["Byron"],
             "emailAddresses":[{"name":"Ada","address":"ada@example.com"}],
             "homeAddress":{"street":"St James's Square 12","city":"London","state":"","countryOrRegion":"GB","postalCode":"SW1"},
             "businessAddress":{"city":"London"},"otherAddress":{},
             "primaryEmailAddress":{"name":"Ada","address":"ada@example.com"},
             "secondaryEmailAddress":{"address":"ada2@example.com"},"tertiaryEmailAddress":{"address":"ada3@example.com"},
             "singleValueExtendedProperties":[{"id":"%s","value":"CT000042"}]}""".formatted(CRM_KEY);

    private final GraphSchema schema = new GraphSchema();
    private final Sandbox sandbox = new Sandbox(SandboxSettings.demo(), new MutableClock());
    private final SandboxCaller graph = new SandboxCaller(sandbox, SandboxSettings.DEMO_CLIENT_ID);
    private final JsonObject folder = ok(graph.post(ALICE + "/contactFolders", "{\"displayName\":\"CRM\"}"), 201);
    private final String contacts = ALICE + "/contactFolders/" + folder.getString("id") + "/contacts";

    @Test
    void aContactHasGraphsPropertiesWithGraphsTypesAndAllOfThem() {
        JsonObject created = ok(graph.post(contacts, FULL_CONTACT), 201);
        schema.check("contact", created);
        JsonObject read = ok(graph.get(contacts + "/" + created.getString("id") + "?$expand="
                + q("singleValueExtendedProperties($filter=id eq '" + CRM_KEY + "')")), 200);
        schema.check("contact", read);

        Set<String> structural = new HashSet<>(schema.properties("contact").keySet());
        structural.removeAll(Set.of("extensions", "multiValueExtendedProperties", "photo", "singleValueExtendedProperties"));
        assertTrue(read.keySet().containsAll(structural), "missing: " + difference(structural, read.keySet()));
    }

    @Test
    void aContactWithNothingSetStillMatchesTheSchema() {
        schema.check("contact", ok(graph.post(contacts, "{}"), 201));
    }

    @Test
    void aContactFolderAndFolderListsMatchTheSchema() {
        schema.check("contactFolder", folder);
        values(ok(graph.get(ALICE + "/contactFolders"), 200)).forEach(f -> schema.check("contactFolder", f));
    }

    @Test
    void contactPagesAndDeltaPagesMatchTheSchemaAndODataEnvelope() {
        for (int i = 0; i < 3; i++) {
            ok(graph.post(contacts, FULL_CONTACT), 201);
        }
        JsonObject page = ok(graph.get(contacts + "?$top=2"), 200);
        assertEquals(Set.of("@odata.context", "value", "@odata.nextLink"), page.keySet());
        values(page).forEach(c -> schema.check("contact", c));

        JsonObject delta = ok(graph.send("GET", contacts + "/delta()", java.util.Optional.empty(),
                Map.of("Prefer", "odata.maxpagesize=2")), 200);
        assertEquals(Set.of("@odata.context", "value", "@odata.nextLink"), delta.keySet());
        values(delta).forEach(c -> schema.check("contact", c));
        JsonObject last = ok(graph.follow(delta.getString("@odata.nextLink"), Map.of()), 200);
        assertEquals(Set.of("@odata.context", "value", "@odata.deltaLink"), last.keySet());

        String removedId = values(last).get(0).getString("id");
        assertEquals(204, graph.delete(contacts + "/" + removedId, Map.of()).status());
        JsonObject changes = ok(graph.follow(last.getString("@odata.deltaLink"), Map.of()), 200);
        JsonObject removed = values(changes).get(0);
        assertEquals("deleted", removed.getJsonObject("@removed").getString("reason"));
        JsonObject withoutRemoved = jakarta.json.Json.createObjectBuilder(removed).remove("@removed").build();
        schema.check("contact", withoutRemoved);
    }

    @Test
    void batchResponsesFollowTheJsonBatchFormatAndCarryGraphEntities() {
        JsonObject batch = ok(graph.post("/$batch", """
                {"requests":[{"id":"1","method":"POST","url":"%s","headers":{"Content-Type":"application/json"},
                              "body":%s},
                             {"id":"2","method":"GET","url":"/users/alice@contoso.example/contactFolders"}]}"""
                .formatted(contacts, FULL_CONTACT)), 200);
        assertEquals(Set.of("responses"), batch.keySet());
        for (JsonObject response : batch.getJsonArray("responses").getValuesAs(JsonObject.class)) {
            assertTrue(response.get("id") instanceof JsonString);
            assertTrue(response.get("status") instanceof JsonNumber n && n.isIntegral());
            response.getJsonObject("headers").values().forEach(h -> assertTrue(h instanceof JsonString));
            assertTrue(Set.of("id", "status", "headers", "body").containsAll(response.keySet()), response.keySet().toString());
        }
        JsonObject created = batch.getJsonArray("responses").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("id").equals("1")).findFirst().orElseThrow().getJsonObject("body");
        schema.check("contact", created);
    }

    @Test
    void aMixedBatchIsRefusedWithGraphsErrorBody() {
        GraphResponse refused = graph.post("/$batch", """
                {"requests":[{"id":"1","method":"GET","url":"/users/alice@contoso.example/contactFolders"},
                             {"id":"2","method":"GET","url":"/users/alice@contoso.example/contactFolders"},
                             {"id":"3","method":"GET","url":"/users/alice@contoso.example/contactFolders",
                              "dependsOn":["1"]}]}""");

        assertEquals(400, refused.status());
        JsonObject body = SandboxCaller.body(refused);
        assertEquals(Set.of("error"), body.keySet());
        JsonObject error = body.getJsonObject("error");
        assertEquals(Set.of("code", "message", "innerError"), error.keySet());
        assertEquals("BadRequest", error.getString("code"));
        assertEquals("Batch should be either fully sequential or fully parallel", error.getString("message"));
        assertEquals(Set.of("date", "request-id", "client-request-id"), error.getJsonObject("innerError").keySet());
        error.getJsonObject("innerError").values().forEach(v -> assertTrue(v instanceof JsonString));
    }

    @Test
    void theCheckFailsOnAWrongNameOrAWrongType() {
        assertThrows(AssertionError.class, () -> schema.check("contact", parse("{\"givenname\":\"Ada\"}").asJsonObject()));
        assertThrows(AssertionError.class, () -> schema.check("contact", parse("{\"businessPhones\":\"+46 8 1\"}").asJsonObject()));
        assertThrows(AssertionError.class, () -> schema.check("contact", parse("{\"birthday\":\"yesterday\"}").asJsonObject()));
        assertThrows(AssertionError.class, () -> schema.check("contact",
                parse("{\"homeAddress\":{\"country\":\"SE\"}}").asJsonObject()));
        assertThrows(AssertionError.class, () -> schema.check("contactFolder", parse("{\"name\":\"CRM\"}").asJsonObject()));
    }

    private static Set<String> difference(Set<String> expected, Set<String> actual) {
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        return missing;
    }
}

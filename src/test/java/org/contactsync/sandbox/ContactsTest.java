package org.contactsync.sandbox;

import static org.contactsync.sandbox.SandboxCaller.errorCode;
import static org.contactsync.sandbox.SandboxCaller.ok;
import static org.contactsync.sandbox.SandboxCaller.q;
import static org.contactsync.sandbox.SandboxCaller.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contact folders and contacts in a folder, as Graph v1.0 serves them. */
class ContactsTest {

    private static final String ALICE = "/users/alice@contoso.example";
    private static final String CRM_KEY = "String {66f5a359-4659-4830-9070-00047ec6ac6e} Name CrmContactNo";

    private final MutableClock clock = new MutableClock();
    private final Sandbox sandbox = new Sandbox(SandboxSettings.demo(), clock);
    private final SandboxCaller graph = new SandboxCaller(sandbox, SandboxSettings.DEMO_CLIENT_ID);

    private String folder(String name) {
        return ok(graph.post(ALICE + "/contactFolders", "{\"displayName\":\"" + name + "\"}"), 201).getString("id");
    }

    private JsonObject createContact(String folderId, String json) {
        return ok(graph.post(ALICE + "/contactFolders/" + folderId + "/contacts", json), 201);
    }

    @Test
    void foldersAreListedFoundByNameAndRenamed() {
        String crm = folder("CRM");
        folder("Private");
        assertEquals(2, values(ok(graph.get(ALICE + "/contactFolders"), 200)).size());

        List<JsonObject> found = values(ok(graph.get(ALICE + "/contactFolders?$filter=" + q("displayName eq 'CRM'")), 200));
        assertEquals(List.of(crm), found.stream().map(f -> f.getString("id")).toList());

        JsonObject renamed = ok(graph.patch(ALICE + "/contactFolders/" + crm, "{\"displayName\":\"CRM contacts\"}",
                Map.of()), 200);
        assertEquals("CRM contacts", renamed.getString("displayName"));
        assertEquals(crm, renamed.getString("id"), "ids are immutable");

    }

    @Test
    void aDeletedFolderMovesToDeletedItemsWithItsContactsAndLeavesTheFolderList() {
        String crm = folder("CRM");
        String contact = createContact(crm, "{\"givenName\":\"Ada\"}").getString("id");
        String contactsRoot = ok(graph.get(ALICE + "/contactFolders/" + crm), 200).getString("parentFolderId");

        assertEquals(204, graph.delete(ALICE + "/contactFolders/" + crm, Map.of()).status());

        assertTrue(values(ok(graph.get(ALICE + "/contactFolders"), 200)).isEmpty(), "no longer in the folder list");
        assertTrue(values(ok(graph.get(ALICE + "/contactFolders?$filter=" + q("displayName eq 'CRM'")), 200)).isEmpty());
        JsonObject inTrash = ok(graph.get(ALICE + "/contactFolders/" + crm), 200);
        assertNotEquals(contactsRoot, inTrash.getString("parentFolderId"), "its parent is Deleted Items now");
        assertEquals(List.of(contact), values(ok(graph.get(ALICE + "/contactFolders/" + crm + "/contacts"), 200))
                .stream().map(c -> c.getString("id")).toList(), "its contacts went with it");
        assertEquals(201, graph.post(ALICE + "/contactFolders/" + crm + "/contacts", "{\"givenName\":\"Grace\"}")
                .status(), "a client that does not look still writes into the trash");
        assertEquals(201, graph.post(ALICE + "/contactFolders", "{\"displayName\":\"CRM\"}").status(),
                "the name is free again among the Contacts folder's folders");
    }

    @Test
    void underTheNotFoundSettingAFolderInDeletedItemsAnswers404ByItsId() {
        sandbox.setMailboxRules(new MailboxRules(MailboxRules.DeletedFolders.NOT_FOUND, 3));
        String crm = folder("CRM");
        assertEquals(204, graph.delete(ALICE + "/contactFolders/" + crm, Map.of()).status());

        GraphResponse gone = graph.get(ALICE + "/contactFolders/" + crm);
        assertEquals(404, gone.status());
        assertEquals("ErrorItemNotFound", errorCode(gone));
        sandbox.reset();
        assertEquals(MailboxRules.exchangeOnline(), sandbox.mailboxRules(), "a reset goes back to the configured rules");
    }

    @Test
    void permanentDeleteRemovesAFolderAndItsContactsFromTheMailbox() {
        String crm = folder("CRM");
        String contact = createContact(crm, "{\"givenName\":\"Ada\"}").getString("id");

        assertEquals(204, graph.send("POST", ALICE + "/contactFolders/" + crm + "/permanentDelete",
                java.util.Optional.empty(), Map.of()).status());

        assertEquals("ErrorItemNotFound", errorCode(graph.get(ALICE + "/contactFolders/" + crm)));
        assertEquals(404, graph.get(ALICE + "/contacts/" + contact).status());
        String trashed = folder("Trashed");
        assertEquals(204, graph.delete(ALICE + "/contactFolders/" + trashed, Map.of()).status());
        assertEquals(204, graph.send("POST", ALICE + "/contactFolders/" + trashed + "/permanentDelete",
                java.util.Optional.empty(), Map.of()).status(), "also from Deleted Items");
        assertEquals(404, graph.get(ALICE + "/contactFolders/" + trashed).status());
        String root = ok(graph.get(ALICE + "/contactFolders/" + folder("Other")), 200).getString("parentFolderId");
        assertEquals(403, graph.send("POST", ALICE + "/contactFolders/" + root + "/permanentDelete",
                java.util.Optional.empty(), Map.of()).status(), "never the default Contacts folder");
    }

    @Test
    void usersContactsByIdReachesAContactInAnyFolderToReadChangeAndDelete() {
        String crm = folder("CRM");
        String id = createContact(crm, "{\"givenName\":\"Ada\"}").getString("id");

        JsonObject read = ok(graph.get(ALICE + "/contacts/" + id), 200);
        assertEquals(crm, read.getString("parentFolderId"));
        JsonObject changed = ok(graph.patch(ALICE + "/contacts/" + id, "{\"jobTitle\":\"Countess\"}", Map.of()), 200);
        assertEquals("Countess", changed.getString("jobTitle"));
        assertEquals("Countess", ok(graph.get(ALICE + "/contactFolders/" + crm + "/contacts/" + id), 200)
                .getString("jobTitle"), "the change is the folder's contact's");
        assertEquals(204, graph.delete(ALICE + "/contacts/" + id, Map.of()).status());
        assertEquals(404, graph.get(ALICE + "/contactFolders/" + crm + "/contacts/" + id).status());
        assertEquals(404, graph.get(ALICE + "/contacts/" + id).status());
        assertTrue(values(ok(graph.get(ALICE + "/contacts"), 200)).isEmpty(), "the list stays the default folder's");
    }

    @Test
    void fileAsIsStoredAsSentAndEmptyNotNullWhenNobodyFiledTheContact() {
        String crm = folder("CRM");
        JsonObject unfiled = createContact(crm, "{\"givenName\":\"Alex\",\"surname\":\"Wilber\"}");
        assertEquals("", unfiled.getString("fileAs"), "Graph does not file a contact itself (contact-get.md example)");
        assertEquals("", unfiled.getString("personalNotes"));

        JsonObject filed = ok(graph.patch(ALICE + "/contacts/" + unfiled.getString("id"),
                "{\"fileAs\":\"Wilber, Alex\"}", Map.of()), 200);
        assertEquals("Wilber, Alex", filed.getString("fileAs"));
        assertEquals("Wilber, Alex", ok(graph.get(ALICE + "/contactFolders/" + crm + "/contacts/"
                + unfiled.getString("id") + "?$select=fileAs"), 200).getString("fileAs"));
    }

    @Test
    void extendedPropertyIdsComeBackInGraphsSpellingWhateverTheClientSent() {
        String crm = folder("CRM");
        String sentStamp = "string {66F5A359-4659-4830-9070-00047EC6AC6E} Name CrmContactNo";
        String id = createContact(crm, "{\"givenName\":\"Ada\",\"singleValueExtendedProperties\":[{\"id\":\""
                + sentStamp + "\",\"value\":\"CT000042\"},{\"id\":\"String 0x3A24\",\"value\":\"+46 8 123\"}]}")
                .getString("id");

        JsonObject expanded = ok(graph.get(ALICE + "/contactFolders/" + crm + "/contacts/" + id + "?$expand=" + q(
                "singleValueExtendedProperties($filter=id eq '" + sentStamp + "' or id eq 'String 0x3A24')")), 200);
        List<String> ids = expanded.getJsonArray("singleValueExtendedProperties").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("id")).toList();
        assertEquals(List.of(CRM_KEY, "String 0x3a24"), ids, "type as Graph names it, GUID and hex in lower case");

        String filterByOtherCase = "singleValueExtendedProperties/any(ep: ep/id eq '" + CRM_KEY
                + "' and ep/value eq 'CT000042')";
        assertEquals(1, values(ok(graph.get(ALICE + "/contactFolders/" + crm + "/contacts?$filter="
                + q(filterByOtherCase)), 200)).size(), "the GUID's case does not matter");
        String otherName = "singleValueExtendedProperties/any(ep: ep/id eq '" + CRM_KEY.replace("CrmContactNo",
                "crmcontactno") + "' and ep/value eq 'CT000042')";
        assertTrue(values(ok(graph.get(ALICE + "/contactFolders/" + crm + "/contacts?$filter=" + q(otherName)), 200))
                .isEmpty(), "the Name part is case-sensitive");
    }

    @Test
    void aDuplicateFolderNameIsRefusedWithErrorFolderExists() {
        folder("CRM");
        GraphResponse duplicate = graph.post(ALICE + "/contactFolders", "{\"displayName\":\"crm\"}");
        assertEquals(409, duplicate.status());
        assertEquals("ErrorFolderExists", errorCode(duplicate));
    }

    @Test
    void anUnknownMailboxGets404ErrorInvalidUser() {
        GraphResponse response = graph.get("/users/mallory@contoso.example/contactFolders");
        assertEquals(404, response.status());
        assertEquals("ErrorInvalidUser", errorCode(response));
    }

    @Test
    void aMailboxIsReachableByItsUserIdToo() {
        String id = Mailbox.idOf("alice@contoso.example");
        assertEquals(200, graph.get("/users/" + id + "/contactFolders").status());
    }

    @Test
    void aCreatedContactHasGraphsShapeAndAGeneratedDisplayName() {
        String crm = folder("CRM");
        JsonObject created = createContact(crm, """
                {"@odata.type":"#microsoft.graph.contact","givenName":"Ada","surname":"Lovelace",
                 "emailAddresses":[{"name":"Ada","address":"ada@example.com"}],
                 "businessAddress":{"city":"London"},"birthday":"1815-12-10T12:00:00+01:00",
                 "singleValueExtendedProperties":[{"id":"%s","value":"CT000042"}]}""".formatted(CRM_KEY));
        assertEquals("Ada Lovelace", created.getString("displayName"));
        assertEquals(crm, created.getString("parentFolderId"));
        assertEquals("W/\"" + created.getString("changeKey") + "\"", created.getString("@odata.etag"));
        assertEquals("1815-12-10T11:00:00Z", created.getString("birthday"));
        assertTrue(created.getJsonArray("businessPhones").isEmpty());
        assertTrue(created.getJsonObject("homeAddress").isEmpty());
        assertTrue(created.isNull("jobTitle"));
        assertFalse(created.containsKey("singleValueExtendedProperties"), "Graph does not return new extended properties");
    }

    @Test
    void getExpandsOnlyTheExtendedPropertyAskedFor() {
        String crm = folder("CRM");
        String id = createContact(crm, "{\"givenName\":\"Ada\",\"singleValueExtendedProperties\":[{\"id\":\""
                + CRM_KEY + "\",\"value\":\"CT000042\"}]}").getString("id");
        JsonObject expanded = ok(graph.get(ALICE + "/contactFolders/" + crm + "/contacts/" + id
                + "?$expand=" + q("singleValueExtendedProperties($filter=id eq '" + CRM_KEY + "')")), 200);
        JsonObject property = expanded.getJsonArray("singleValueExtendedProperties").getJsonObject(0);
        assertEquals(CRM_KEY, property.getString("id"));
        assertEquals("CT000042", property.getString("value"));

        JsonObject plain = ok(graph.get(ALICE + "/contactFolders/" + crm + "/contacts/" + id), 200);
        assertFalse(plain.containsKey("singleValueExtendedProperties"));
    }

    @Test
    void expandNamesSeveralExtendedPropertiesJoinedWithOr() {
        String crm = folder("CRM");
        String fax = "String 0x3A24";
        String id = createContact(crm, "{\"givenName\":\"Ada\",\"singleValueExtendedProperties\":[{\"id\":\""
                + CRM_KEY + "\",\"value\":\"CT000042\"},{\"id\":\"" + fax + "\",\"value\":\"+46 8 123\"}]}")
                .getString("id");
        JsonObject listed = ok(graph.get(ALICE + "/contactFolders/" + crm + "/contacts?$expand="
                + q("singleValueExtendedProperties($filter=id eq '" + CRM_KEY + "' or id eq '" + fax + "')")), 200)
                .getJsonArray("value").getJsonObject(0);
        assertEquals(id, listed.getString("id"));
        var properties = listed.getJsonArray("singleValueExtendedProperties");
        assertEquals(2, properties.size());
        assertEquals("CT000042", properties.getJsonObject(0).getString("value"));
        assertEquals("+46 8 123", properties.getJsonObject(1).getString("value"));
    }

    @Test
    void patchReturnsTheContactWithANewVersionAndRegeneratesDisplayNameUnlessSent() {
        String crm = folder("CRM");
        JsonObject created = createContact(crm, "{\"givenName\":\"Ada\",\"surname\":\"Lovelace\",\"displayName\":\"Countess\"}");
        assertEquals("Countess", created.getString("displayName"));
        clock.advance(Duration.ofMinutes(1));
        String path = ALICE + "/contactFolders/" + crm + "/contacts/" + created.getString("id");

        JsonObject patched = ok(graph.patch(path, "{\"@odata.type\":\"#microsoft.graph.contact\",\"jobTitle\":\"CTO\"}",
                Map.of()), 200);
        assertEquals("CTO", patched.getString("jobTitle"));
        assertEquals("Lovelace", patched.getString("surname"), "properties not sent keep their values");
        assertEquals("Ada Lovelace", patched.getString("displayName"), "regenerated because it was not sent");
        assertNotEquals(created.getString("changeKey"), patched.getString("changeKey"));
        assertNotEquals(created.getString("@odata.etag"), patched.getString("@odata.etag"));
        assertNotEquals(created.getString("lastModifiedDateTime"), patched.getString("lastModifiedDateTime"));
        assertEquals(created.getString("createdDateTime"), patched.getString("createdDateTime"));
        assertEquals(created.getString("id"), patched.getString("id"));

        JsonObject kept = ok(graph.patch(path, "{\"displayName\":\"Countess\",\"surname\":\"King\"}", Map.of()), 200);
        assertEquals("Countess", kept.getString("displayName"));
    }

    @Test
    void patchRefusesUnknownReadOnlyAndMistypedProperties() {
        String crm = folder("CRM");
        String path = ALICE + "/contactFolders/" + crm + "/contacts/" + createContact(crm, "{\"givenName\":\"Ada\"}").getString("id");

        GraphResponse unknown = graph.patch(path, "{\"favouriteColour\":\"green\"}", Map.of());
        assertEquals(400, unknown.status());
        assertEquals("RequestBodyRead", errorCode(unknown));

        GraphResponse readOnly = graph.patch(path, "{\"changeKey\":\"x\"}", Map.of());
        assertEquals(400, readOnly.status());
        assertEquals("ErrorInvalidPropertySet", errorCode(readOnly));

        GraphResponse mistyped = graph.patch(path, "{\"businessPhones\":\"+46 8 123\"}", Map.of());
        assertEquals(400, mistyped.status());
        assertEquals("RequestBodyRead", errorCode(mistyped));
    }

    @Test
    void aStaleIfMatchGets412AndTheCurrentOneWins() {
        String crm = folder("CRM");
        JsonObject created = createContact(crm, "{\"givenName\":\"Ada\"}");
        String path = ALICE + "/contactFolders/" + crm + "/contacts/" + created.getString("id");
        String firstEtag = created.getString("@odata.etag");
        String secondEtag = ok(graph.patch(path, "{\"jobTitle\":\"CTO\"}", Map.of("If-Match", firstEtag)), 200)
                .getString("@odata.etag");

        GraphResponse stale = graph.patch(path, "{\"jobTitle\":\"CEO\"}", Map.of("If-Match", firstEtag));
        assertEquals(412, stale.status());
        assertEquals("ErrorIrresolvableConflict", errorCode(stale));
        assertEquals(412, graph.delete(path, Map.of("If-Match", firstEtag)).status());

        assertEquals(204, graph.delete(path, Map.of("If-Match", secondEtag)).status());
        assertEquals(404, graph.get(path).status());
    }

    @Test
    void listsPageWithAbsoluteNextLinksUntilEveryContactWasSeenOnce() {
        String crm = folder("CRM");
        for (int i = 0; i < 25; i++) {
            createContact(crm, "{\"givenName\":\"Person " + i + "\"}");
        }
        JsonObject page = ok(graph.get(ALICE + "/contactFolders/" + crm + "/contacts?$top=10&$select=givenName"), 200);
        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            values(page).forEach(c -> {
                assertTrue(seen.add(c.getString("id")));
                assertEquals(Set.of("@odata.etag", "id", "givenName"), c.keySet(), "$select keeps id and the etag");
            });
            sizes.add(values(page).size());
            if (!page.containsKey("@odata.nextLink")) {
                break;
            }
            page = ok(graph.follow(page.getString("@odata.nextLink"), Map.of()), 200);
        }
        assertEquals(List.of(10, 10, 5), sizes);
        assertEquals(25, seen.size());
    }

    @Test
    void theDefaultPageHoldsTenContacts() {
        String crm = folder("CRM");
        for (int i = 0; i < 12; i++) {
            createContact(crm, "{\"givenName\":\"Person " + i + "\"}");
        }
        JsonObject page = ok(graph.get(ALICE + "/contactFolders/" + crm + "/contacts"), 200);
        assertEquals(10, values(page).size());
        assertTrue(page.getString("@odata.nextLink").startsWith(SandboxCaller.ROOT + ALICE + "/contactFolders/"));
    }

    @Test
    void contactsAreFoundByEmailAndByExtendedPropertyValue() {
        String crm = folder("CRM");
        String ada = createContact(crm, "{\"givenName\":\"Ada\",\"emailAddresses\":[{\"address\":\"Ada@Example.com\"}],"
                + "\"singleValueExtendedProperties\":[{\"id\":\"" + CRM_KEY + "\",\"value\":\"CT000042\"}]}").getString("id");
        createContact(crm, "{\"givenName\":\"Bob\",\"emailAddresses\":[{\"address\":\"bob@example.com\"}],"
                + "\"singleValueExtendedProperties\":[{\"id\":\"" + CRM_KEY + "\",\"value\":\"CT000043\"}]}");
        String contacts = ALICE + "/contactFolders/" + crm + "/contacts?$filter=";

        List<JsonObject> byEmail = values(ok(graph.get(contacts + q("emailAddresses/any(a:a/address eq 'ada@example.com')")), 200));
        assertEquals(List.of(ada), byEmail.stream().map(c -> c.getString("id")).toList());

        List<JsonObject> byKey = values(ok(graph.get(contacts + q("singleValueExtendedProperties/Any(ep: ep/id eq '"
                + CRM_KEY + "' and ep/value eq 'CT000042')")), 200));
        assertEquals(List.of(ada), byKey.stream().map(c -> c.getString("id")).toList());

        String otherCase = CRM_KEY.replace("CrmContactNo", "crmcontactno");
        assertTrue(values(ok(graph.get(contacts + q("singleValueExtendedProperties/Any(ep: ep/id eq '" + otherCase
                + "' and ep/value eq 'CT000042')")), 200)).isEmpty(), "the Name part of the id is case-sensitive");

        GraphResponse unsupported = graph.get(contacts + q("contains(displayName,'Ada')"));
        assertEquals(400, unsupported.status());
        assertEquals("ErrorInvalidUrlQueryFilter", errorCode(unsupported));
    }

    @Test
    void anUnknownSelectedPropertyIsRefused() {
        String crm = folder("CRM");
        GraphResponse response = graph.get(ALICE + "/contactFolders/" + crm + "/contacts?$select=givenName,shoeSize");
        assertEquals(400, response.status());
        assertEquals("RequestBroker--ParseUri", errorCode(response));
    }

    @Test
    void theDefaultContactsFolderIsReachableAsUsersContacts() {
        JsonObject created = ok(graph.post(ALICE + "/contacts", "{\"givenName\":\"Ada\"}"), 201);
        assertEquals(200, graph.get(ALICE + "/contacts/" + created.getString("id")).status());
        assertEquals(1, values(ok(graph.get(ALICE + "/contacts"), 200)).size());
    }

    @Test
    void unknownSegmentsAndMeAreRefusedLikeGraph() {
        assertEquals("BadRequest", errorCode(graph.get(ALICE + "/calendars")));
        assertEquals(400, graph.get("/me/contacts").status());
    }
}

package org.contactsync.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.kiota.serialization.JsonParseNodeFactory;
import com.microsoft.kiota.serialization.JsonSerializationWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.contactsync.sandbox.GraphRequest;
import org.contactsync.sandbox.GraphResponse;
import org.contactsync.sandbox.Sandbox;
import org.contactsync.sandbox.SandboxSettings;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.junit.jupiter.api.Test;

/** The field mapping as Graph JSON, through the SDK's own Contact model and JSON serialization. */
class ContactMappingTest {

    private static JsonObject json(Contact contact) throws IOException {
        JsonSerializationWriter writer = new JsonSerializationWriter();
        writer.writeObjectValue(null, contact);
        String text = new String(writer.getSerializedContent().readAllBytes(), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static Contact contact(String json) {
        return new JsonParseNodeFactory().getParseNode("application/json",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                .getObjectValue(Contact::createFromDiscriminatorValue);
    }

    private static FieldValues everyField() {
        Map<SyncedField, String> values = new EnumMap<>(SyncedField.class);
        values.put(SyncedField.FIRST_NAME, "Ada");
        values.put(SyncedField.MIDDLE_NAME, "Augusta");
        values.put(SyncedField.SURNAME, "Lovelace");
        values.put(SyncedField.NAME, "Ada Lovelace");
        values.put(SyncedField.COMPANY_NAME, "Analytical Engines Ltd");
        values.put(SyncedField.JOB_TITLE, "Countess");
        values.put(SyncedField.ADDRESS, "12 St James's Square");
        values.put(SyncedField.ADDRESS_2, "Floor 2");
        values.put(SyncedField.CITY, "London");
        values.put(SyncedField.POST_CODE, "SW1Y 4JH");
        values.put(SyncedField.COUNTY, "Greater London");
        values.put(SyncedField.COUNTRY_REGION_CODE, "GB");
        values.put(SyncedField.PHONE_NO, "+44 (0)20 7946 0000");
        values.put(SyncedField.MOBILE_PHONE_NO, "07700 900000");
        values.put(SyncedField.E_MAIL, "ada@example.com");
        values.put(SyncedField.E_MAIL_2, "countess@example.com");
        values.put(SyncedField.HOME_PAGE, "https://ada.example");
        values.put(SyncedField.FAX_NO, "+44 20 7946 0001");
        assertEquals(Set.of(SyncedField.values()), values.keySet(), "every mapped field has a value to assert");
        return FieldValues.of(values);
    }

    @Test
    void aCreateCarriesEveryMappedFieldAsGraphNamesItAndTheStamp() throws IOException {
        JsonObject body = json(ContactMapping.forCreate("CT000042", everyField()));

        assertEquals("Ada", body.getString("givenName"));
        assertEquals("Augusta", body.getString("middleName", null));
        assertEquals("Lovelace", body.getString("surname"));
        assertEquals("Ada Lovelace", body.getString("displayName"));
        assertEquals("Analytical Engines Ltd", body.getString("companyName"));
        assertEquals("Countess", body.getString("jobTitle"));
        JsonObject address = body.getJsonObject("businessAddress");
        assertEquals("12 St James's Square\r\nFloor 2", address.getString("street"));
        assertEquals("London", address.getString("city"));
        assertEquals("SW1Y 4JH", address.getString("postalCode"));
        assertEquals("Greater London", address.getString("state", null));
        assertEquals("GB", address.getString("countryOrRegion"));
        assertEquals(List.of("+44 (0)20 7946 0000"), strings(body, "businessPhones"), "phone numbers as typed");
        assertEquals("07700 900000", body.getString("mobilePhone"));
        assertEquals(List.of("ada@example.com", "countess@example.com"), body.getJsonArray("emailAddresses")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("address")).toList());
        assertEquals("https://ada.example", body.getString("businessHomePage"));
        Map<String, String> extended = new java.util.HashMap<>();
        body.getJsonArray("singleValueExtendedProperties").getValuesAs(JsonObject.class)
                .forEach(p -> extended.put(p.getString("id"), p.getString("value")));
        assertEquals(Map.of(SyncedField.FAX_PROPERTY_ID, "+44 20 7946 0001",
                "String {5d3c9a52-1f0b-4e77-9a6e-0c2f8b7d41a3} Name ContactSyncBcNo", "CT000042"), extended);
    }

    @Test
    void aCreateLeavesEmptyFieldsOut() throws IOException {
        JsonObject body = json(ContactMapping.forCreate("CT000042", everyField().with(SyncedField.MIDDLE_NAME, "")));

        assertFalse(body.containsKey("middleName"), "empty fields are not sent on create");
        assertEquals("Ada", body.getString("givenName"));
    }

    @Test
    void aPatchCarriesOnlyTheGivenFields() throws IOException {
        JsonObject body = json(ContactMapping.forPatch(FieldValues.of(Map.of(SyncedField.JOB_TITLE, "CTO")),
                ContactMapping.Collections.none()));
        assertEquals(Set.of("@odata.type", "jobTitle"), body.keySet());

        JsonObject cleared = json(ContactMapping.forPatch(FieldValues.of(Map.of(SyncedField.HOME_PAGE, "")),
                ContactMapping.Collections.none()));
        assertEquals("", cleared.getString("businessHomePage"), "a cleared field is sent empty");
    }

    @Test
    void aCollectionPatchKeepsOutlooksEntriesBeyondTheMappedOnes() throws IOException {
        EmailAddress work = email("Ada (work)", "ada@old.example");
        EmailAddress second = email("", "ada2@example.com");
        EmailAddress third = email("Ada private", "ada@home.example");
        var current = new ContactMapping.Collections(List.of(work, second, third), List.of("+46 8 1", "+46 8 2"));

        JsonObject removeSecond = json(ContactMapping.forPatch(FieldValues.of(Map.of(
                SyncedField.E_MAIL, "ada@new.example", SyncedField.E_MAIL_2, "", SyncedField.PHONE_NO, "")), current));

        assertEquals(List.of("ada@new.example", "ada@home.example"), removeSecond.getJsonArray("emailAddresses")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("address")).toList());
        assertEquals("Ada (work)", removeSecond.getJsonArray("emailAddresses").getJsonObject(0).getString("name"));
        assertEquals(List.of("+46 8 2"), strings(removeSecond, "businessPhones"));
    }

    @Test
    void aContactReadFromGraphBecomesThePlannersOutlookContact() {
        Contact read = contact("""
                {"id":"AAMk=","changeKey":"EQAAAB","givenName":"Ada","middleName":"Augusta","surname":"Lovelace",
                 "displayName":"Ada Lovelace",
                 "businessAddress":{"street":"12 St James's Square\\nFloor 2\\nEast wing","city":"London",
                                    "postalCode":"SW1Y 4JH","state":"Greater London","countryOrRegion":"GB"},
                 "businessPhones":["+44 20 1","+44 20 2"],
                 "emailAddresses":[{"name":"Ada","address":"ada@example.com"}],
                 "singleValueExtendedProperties":[
                   {"id":"String {5d3c9a52-1f0b-4e77-9a6e-0c2f8b7d41a3} Name ContactSyncBcNo","value":"CT000042"},
                   {"id":"String 0x3a24","value":"+44 20 9"}]}
                """);

        OutlookContact outlook = ContactMapping.fromGraph(read);

        assertEquals("AAMk=", outlook.graphId());
        assertEquals("EQAAAB", outlook.changeKey());
        assertEquals(Optional.of("CT000042"), outlook.stamp());
        FieldValues values = outlook.values();
        assertEquals("Augusta", values.get(SyncedField.MIDDLE_NAME));
        assertEquals("Greater London", values.get(SyncedField.COUNTY));
        assertEquals("12 St James's Square", values.get(SyncedField.ADDRESS));
        assertEquals("Floor 2, East wing", values.get(SyncedField.ADDRESS_2));
        assertEquals("+44 20 1", values.get(SyncedField.PHONE_NO));
        assertEquals("ada@example.com", values.get(SyncedField.E_MAIL));
        assertEquals("", values.get(SyncedField.E_MAIL_2));
        assertEquals("+44 20 9", values.get(SyncedField.FAX_NO), "Graph may spell the proptag in lower case");
    }

    @Test
    void aContactWithoutOurStampHasNone() {
        assertEquals(Optional.empty(), ContactMapping.fromGraph(contact("{\"id\":\"x\",\"changeKey\":\"k\"}")).stamp());
    }

    @Test
    void aCreateFilesTheContactAsOutlookDoesLastCommaFirstElseByCompany() throws IOException {
        assertEquals("Lovelace, Ada", json(ContactMapping.forCreate("CT000042",
                everyField().with(SyncedField.MIDDLE_NAME, ""))).getString("fileAs"));
        assertEquals("Lovelace, Ada King", json(ContactMapping.forCreate("CT000042",
                everyField().with(SyncedField.MIDDLE_NAME, "King"))).getString("fileAs"));
        FieldValues companyOnly = FieldValues.of(Map.of(SyncedField.NAME, "Analytical Engines Ltd",
                SyncedField.COMPANY_NAME, "Analytical Engines Ltd"));
        assertEquals("Analytical Engines Ltd", json(ContactMapping.forCreate("CT000043", companyOnly))
                .getString("fileAs"));
    }

    @Test
    void aNewNameRefilesTheContactUnlessTheEmployeeFiledItOtherwiseInOutlook() throws IOException {
        FieldValues married = FieldValues.of(Map.of(SyncedField.SURNAME, "King"));
        assertTrue(ContactMapping.needsCurrent(married), "a name change reads Outlook's File As first");
        Contact filedByDefault = contact("""
                {"id":"x","givenName":"Ada","surname":"Lovelace","fileAs":"Lovelace, Ada"}""");
        Contact filedByHand = contact("""
                {"id":"x","givenName":"Ada","surname":"Lovelace","fileAs":"Countess of Lovelace"}""");
        Contact neverFiled = contact("""
                {"id":"x","givenName":"Ada","surname":"Lovelace","fileAs":""}""");

        assertEquals("King, Ada", json(ContactMapping.forPatch(married,
                ContactMapping.Collections.of(filedByDefault))).getString("fileAs"));
        assertEquals("King, Ada", json(ContactMapping.forPatch(married,
                ContactMapping.Collections.of(neverFiled))).getString("fileAs"));
        assertFalse(json(ContactMapping.forPatch(married, ContactMapping.Collections.of(filedByHand)))
                .containsKey("fileAs"), "the employee's own File As stays");
        assertFalse(json(ContactMapping.forPatch(FieldValues.of(Map.of(SyncedField.JOB_TITLE, "CTO")),
                ContactMapping.Collections.of(filedByDefault))).containsKey("fileAs"), "no name change, no File As");
    }

    /**
     * The create body as the SDK writes it, posted to the sandbox and read back as the sync reads a contact: the
     * stamp and the Fax No. are found in the ids Graph answers with (GUID and hex in Graph's spelling, not ours),
     * and File As is stored.
     */
    @Test
    void aCreatedContactReadBackFromTheSandboxCarriesItsStampFaxAndFileAs() throws IOException {
        Sandbox sandbox = new Sandbox(SandboxSettings.demo(), Clock.systemUTC(), Runnable::run);
        String token = sandbox.requestToken("contoso-sandbox", Map.of("grant_type", "client_credentials",
                "client_id", SandboxSettings.DEMO_CLIENT_ID, "client_secret", SandboxSettings.DEMO_SECRET,
                "scope", "https://graph.microsoft.com/.default")).body().getString("access_token");
        String folder = sandboxCall(sandbox, token, "POST", "/contactFolders", Map.of(),
                Optional.of(Json.createObjectBuilder().add("displayName", "Business Central").build())).getString("id");
        String id = sandboxCall(sandbox, token, "POST", "/contactFolders/" + folder + "/contacts", Map.of(),
                Optional.of(json(ContactMapping.forCreate("CT000042", everyField())))).getString("id");

        JsonObject read = sandboxCall(sandbox, token, "GET", "/contactFolders/" + folder + "/contacts/" + id,
                Map.of("$expand", List.of(ContactMapping.EXPAND_EXTENDED)), Optional.empty());

        assertEquals(Set.of("String {5d3c9a52-1f0b-4e77-9a6e-0c2f8b7d41a3} Name ContactSyncBcNo", "String 0x3a24"),
                read.getJsonArray("singleValueExtendedProperties").getValuesAs(JsonObject.class).stream()
                        .map(p -> p.getString("id")).collect(java.util.stream.Collectors.toSet()));
        OutlookContact outlook = ContactMapping.fromGraph(contact(read.toString()));
        assertEquals(Optional.of("CT000042"), outlook.stamp());
        assertEquals("+44 20 7946 0001", outlook.values().get(SyncedField.FAX_NO));
        assertEquals("Lovelace, Ada Augusta", read.getString("fileAs"), "Surname, Given Middle");
    }

    private static JsonObject sandboxCall(Sandbox sandbox, String token, String method, String path,
                                          Map<String, List<String>> query, Optional<JsonValue> body) {
        GraphResponse response = sandbox.handle(new GraphRequest(method, "/users/alice@contoso.example" + path, query,
                Map.of("Authorization", "Bearer " + token), body, "https://sandbox.test/sandbox/graph/v1.0"));
        assertTrue(response.status() < 300, response.toString());
        return response.body().orElseThrow().asJsonObject();
    }

    private static EmailAddress email(String name, String address) {
        EmailAddress email = new EmailAddress();
        email.setName(name);
        email.setAddress(address);
        return email;
    }

    private static List<String> strings(JsonObject body, String name) {
        return body.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}

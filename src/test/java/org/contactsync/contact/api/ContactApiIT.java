package org.contactsync.contact.api;

import static org.contactsync.testsupport.DemoAccess.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.TreeSet;
import org.contactsync.contact.ContactField;
import org.contactsync.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contacts REST API of the real WAR, used as a client would: HTTP Basic with the demo user alice and her web
 * service access key, JSON in and out, problem+json for every refusal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContactApiIT {

    private static final String PROBLEM = "application/problem+json";

    private final HttpClient http = HttpClient.newHttpClient();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", ALICE).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("api/v1/contacts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.replace('\'', '"'))));
    }

    private HttpResponse<String> patch(String no, String ifMatch, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("api/v1/contacts/" + no))
                .header("Content-Type", "application/merge-patch+json").header("If-Match", ifMatch)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json.replace('\'', '"'))));
    }

    private HttpResponse<String> delete(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("api/v1/contacts/" + pathAndQuery)).DELETE());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private JsonObject created(String json) throws IOException, InterruptedException {
        var response = post(json);
        assertEquals(201, response.statusCode(), response::body);
        return json(response);
    }

    @Test
    void listsTheDemoContactsPageByPageWithTotalAndNextLink() throws Exception {
        var response = get("api/v1/contacts?limit=5");
        assertEquals(200, response.statusCode(), response::body);
        var page = json(response);
        assertEquals(5, page.getJsonArray("items").size());
        assertTrue(page.getInt("total") >= 50, "about 50 demo contacts");
        assertTrue(page.getString("next").contains("offset=5"), page::toString);

        var companies = json(get("api/v1/contacts?type=Company&limit=100"));
        assertTrue(companies.getInt("total") >= 10);
        companies.getJsonArray("items").forEach(item -> assertEquals("Company", item.asJsonObject().getString("type")));

        var tooMany = get("api/v1/contacts?limit=100000");
        assertEquals(400, tooMany.statusCode());
        assertEquals("limit", json(tooMany).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void getsOneContactWithItsVersionAsETagAndAnUnknownNoIsNotFound() throws Exception {
        var response = get("api/v1/contacts/CT000010");
        assertEquals(200, response.statusCode(), response::body);
        var contact = json(response);
        assertEquals("CT000010", contact.getString("no"));
        assertEquals("Company", contact.getString("type"));
        assertEquals(new TreeSet<>(List.of("no", "type", "name", "name2", "firstName", "middleName", "surname",
                "companyNo", "companyName", "jobTitle", "address", "address2", "city", "postCode", "county",
                "countryRegionCode", "phoneNo", "mobilePhoneNo", "faxNo", "email", "email2", "homePage",
                "salespersonCode", "territoryCode", "privacyBlocked", "lastModifiedAt", "version")),
                new TreeSet<>(contact.keySet()), "the API's contact, member by member");
        assertTrue(contact.getString("lastModifiedAt").matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z"),
                contact.getString("lastModifiedAt"));
        assertEquals("\"" + contact.getJsonNumber("version").longValue() + "\"",
                response.headers().firstValue("ETag").orElseThrow());

        var missing = get("api/v1/contacts/CT999999");
        assertEquals(404, missing.statusCode());
        assertTrue(contentType(missing).startsWith(PROBLEM), contentType(missing));
        assertTrue(json(missing).getString("detail").contains("CT999999"));
    }

    @Test
    void createsAPersonWithLocationAndComputedName() throws Exception {
        var response = post("{'firstName': 'Greta', 'middleName': 'Maria', 'surname': 'Garbo', "
                + "'companyNo': 'CT000010', 'email': 'greta.garbo@nordhav.example', 'city': 'Stockholm'}");
        assertEquals(201, response.statusCode(), response::body);
        var no = json(response).getString("no");
        assertTrue(no.matches("CT\\d{5}0"), no);
        var location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/contacts/" + no), location);

        var reread = json(send(HttpRequest.newBuilder(URI.create(location)).GET()));
        assertEquals("Greta Maria Garbo", reread.getString("name"));
        assertEquals("Person", reread.getString("type"));
        assertEquals(json(get("api/v1/contacts/CT000010")).getString("name"), reread.getString("companyName"));
    }

    @Test
    void patchWithTheCurrentETagChangesAndAStaleOneIsRefused() throws Exception {
        var contact = created("{'firstName': 'Ivar', 'surname': 'Kreuger', 'city': 'Kalmar'}");
        var no = contact.getString("no");
        var etag = "\"" + contact.getJsonNumber("version").longValue() + "\"";

        var changed = patch(no, etag, "{'jobTitle': 'Director', 'city': null}");
        assertEquals(200, changed.statusCode(), changed::body);
        assertEquals("Director", json(changed).getString("jobTitle"));
        assertEquals("", json(changed).getString("city"));
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());

        var stale = patch(no, etag, "{'jobTitle': 'Overwritten'}");
        assertEquals(412, stale.statusCode(), stale::body);
        assertTrue(contentType(stale).startsWith(PROBLEM), contentType(stale));
        assertEquals("Director", json(get("api/v1/contacts/" + no)).getString("jobTitle"));
    }

    @Test
    void aValueLongerThanItsFieldIsA400NamingTheFieldAndNothingIsCut() throws Exception {
        var contact = created("{'firstName': 'Ebba', 'surname': 'Brahe', 'jobTitle': 'Buyer'}");
        var no = contact.getString("no");
        var etag = "\"" + contact.getJsonNumber("version").longValue() + "\"";

        var tooLong = patch(no, etag, "{'jobTitle': '" + "x".repeat(31) + "'}");
        assertEquals(400, tooLong.statusCode(), tooLong::body);
        assertTrue(contentType(tooLong).startsWith(PROBLEM), contentType(tooLong));
        var error = json(tooLong).getJsonArray("errors").getJsonObject(0);
        assertEquals("jobTitle", error.getString("field"));
        assertEquals("The value can be at most 30 characters long.", error.getString("message"));

        // A Name typed for a person is broken down into its parts; a part too long for its field is refused on Name.
        var longSurname = patch(no, etag, "{'name': 'Ebba " + "Brahe".repeat(7) + "'}");
        assertEquals(400, longSurname.statusCode(), longSurname::body);
        assertEquals("name", json(longSurname).getJsonArray("errors").getJsonObject(0).getString("field"));

        var reread = json(get("api/v1/contacts/" + no));
        assertEquals("Buyer|Brahe", reread.getString("jobTitle") + "|" + reread.getString("surname"));

        var renamed = patch(no, etag, "{'name': 'Ebba Maria Sparre'}");
        assertEquals(200, renamed.statusCode(), renamed::body);
        assertEquals("Ebba|Maria|Sparre", json(renamed).getString("firstName") + "|"
                + json(renamed).getString("middleName") + "|" + json(renamed).getString("surname"));
    }

    @Test
    void anInvalidEmailOrAnUnknownFieldIsA400WithFieldErrorsAndCreatesNothing() throws Exception {
        var before = json(get("api/v1/contacts?limit=1")).getInt("total");

        var invalid = post("{'surname': 'Nobody', 'email': 'not-an-address'}");
        assertEquals(400, invalid.statusCode(), invalid::body);
        assertTrue(contentType(invalid).startsWith(PROBLEM), contentType(invalid));
        var error = json(invalid).getJsonArray("errors").getJsonObject(0);
        assertEquals("email", error.getString("field"));
        assertEquals("The email address is not valid.", error.getString("message"));

        var unknown = post("{'surname': 'Nobody', 'emial': 'nobody@example.com', 'privacyBlocked': 'no'}");
        assertEquals(400, unknown.statusCode(), unknown::body);
        assertEquals(2, json(unknown).getJsonArray("errors").size());

        var notJson = post("{'surname': ");
        assertEquals(400, notJson.statusCode(), notJson::body);

        assertEquals(before, json(get("api/v1/contacts?limit=1")).getInt("total"));
    }

    @Test
    void deletingACompanyWithPersonsNeedsTheirFate() throws Exception {
        var company = created("{'type': 'Company', 'name': 'Kalmar Glasbruk AB'}").getString("no");
        var person = created("{'firstName': 'Olle', 'surname': 'Glas', 'companyNo': '" + company + "'}")
                .getString("no");

        var refused = delete(company);
        assertEquals(409, refused.statusCode(), refused::body);
        assertEquals(200, get("api/v1/contacts/" + company).statusCode());

        assertEquals(400, delete(company + "?persons=maybe").statusCode());
        assertEquals(204, delete(company + "?persons=keep").statusCode());
        assertEquals(404, get("api/v1/contacts/" + company).statusCode());
        assertEquals("", json(get("api/v1/contacts/" + person)).getString("companyNo"));

        assertEquals(204, delete(person).statusCode());
        assertEquals(404, get("api/v1/contacts/" + person).statusCode());
    }

    @Test
    void theOpenApiDocumentDescribesTheContactsApi() throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri("openapi")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/v1/contacts/{no}"), "the document lists the contact paths");
    }

    @Test
    void theOpenApiDocumentGivesEachContactFieldTheLengthTheApiEnforces() throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri("openapi?format=JSON")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var schemas = json(response).getJsonObject("components").getJsonObject("schemas");
        var contact = schemas.getJsonObject("Contact").getJsonObject("properties");

        for (var field : ContactField.editable()) {
            assertEquals(field.maxLength(), contact.getJsonObject(field.jsonName()).getInt("maxLength"),
                    field.jsonName() + " in " + contact);
        }
        assertEquals("email", contact.getJsonObject("email").getString("format"), contact.toString());
        assertTrue(contact.getJsonObject("companyName").getBoolean("readOnly"), contact.toString());
        assertTrue(schemas.getJsonObject("ContactList").toString().contains("#/components/schemas/Contact"),
                "a page's items are contacts: " + schemas.getJsonObject("ContactList"));
    }
}

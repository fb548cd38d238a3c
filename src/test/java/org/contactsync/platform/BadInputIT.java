package org.contactsync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.contactsync.contact.ContactField;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.FacesSession;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalogue of bad input (issue 14, finding 6): each kind of bad request to the API and the pages, as a careless
 * or hostile client sends it, gets a clear 4xx (problem+json naming the field where there is one, or the field's
 * message on the page), and nothing is written: the contacts, the job queue entries and alice's Contact Sync Setup
 * are the same after every case.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    private static final String ALICE = "alice:alice-ws-key-demo-000000000000000";
    private static final String ADMIN = "admin:admin-ws-key-demo-0000000000000000";
    private static final String JSON = "application/json";
    private static final String FIELD_MESSAGE = "The value can only contain printable characters on one line";

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private FacesSession aliceSession;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    /**
     * One bad request: who sends it, how, and what the answer must say.
     *
     * @param field the field the problem must name; empty when the problem is about the whole request
     */
    private record Bad(String name, String key, String method, String path, String contentType, byte[] body,
            int status, String field) {
    }

    private static Bad bad(String name, String key, String method, String path, String body, int status,
            String field) {
        return new Bad(name, key, method, path, JSON, body.getBytes(StandardCharsets.UTF_8), status, field);
    }

    private static Bad syncRun(String name, String body, String field) {
        return bad(name, ALICE, "POST", "api/v1/sync-runs", body, 400, field);
    }

    private static Bad contact(String name, String body, String field) {
        return bad(name, ALICE, "POST", "api/v1/contacts", body, 400, field);
    }

    private static Bad jobQueueEntry(String name, String body, String field) {
        return bad(name, ADMIN, "POST", "api/v1/job-queue-entries", body, 400, field);
    }

    private static final String ENTRY = "\"objectId\":6700,\"description\":\"BadInput\"";

    private static List<Bad> catalogue() {
        var cases = new ArrayList<Bad>();
        // Types and fields of the sync-run request: a wrong one must never start a real (non-preview) sync.
        cases.add(syncRun("boolean as text", "{\"preview\":\"yes\"}", "preview"));
        cases.add(syncRun("boolean as the text true", "{\"preview\":\"true\"}", "preview"));
        cases.add(syncRun("boolean as a number", "{\"preview\":1}", "preview"));
        cases.add(syncRun("boolean as text, mass delete", "{\"preview\":true,\"confirmMassDelete\":\"no\"}",
                "confirmMassDelete"));
        cases.add(syncRun("unknown field", "{\"previw\":true}", "previw"));
        cases.add(syncRun("unknown mode", "{\"preview\":true,\"mode\":\"SOMETIMES\"}", "mode"));
        // The body as a whole.
        cases.add(syncRun("text after the JSON", "{\"preview\":true} and more", ""));
        cases.add(syncRun("two JSON values", "{\"preview\":true}{\"preview\":false}", ""));
        cases.add(syncRun("nested 5,000 levels", "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}", ""));
        cases.add(syncRun("nested 65 levels", "{\"preview\":true,\"x\":" + "[".repeat(64) + "]".repeat(64) + "}",
                ""));
        cases.add(syncRun("not JSON", "preview=true", ""));
        cases.add(syncRun("an array", "[{\"preview\":true}]", ""));
        cases.add(syncRun("a JSON text", "\"preview\"", ""));
        cases.add(syncRun("cut off", "{\"preview\":tr", ""));
        cases.add(new Bad("over a megabyte", ALICE, "POST", "api/v1/contacts", JSON,
                ("{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8), 400, ""));
        cases.add(new Bad("invalid UTF-8", ALICE, "POST", "api/v1/contacts", JSON,
                bytes("{\"name\":\"BadInput \u00c3(\"}"), 400, ""));
        cases.add(new Bad("overlong UTF-8 NUL", ALICE, "POST", "api/v1/contacts", JSON,
                bytes("{\"name\":\"BadInput \u00c0\u0080\"}"), 400, ""));
        // Cross-site and content types (finding 5).
        cases.add(new Bad("form post", ALICE, "POST", "api/v1/sync-runs", "application/x-www-form-urlencoded",
                "preview=true".getBytes(StandardCharsets.US_ASCII), 415, ""));
        cases.add(new Bad("text/plain JSON", ALICE, "POST", "api/v1/sync-runs", "text/plain",
                "{\"preview\":true}".getBytes(StandardCharsets.US_ASCII), 415, ""));
        cases.add(new Bad("multipart body", ADMIN, "POST", "api/v1/job-queue-entries/1/set-ready",
                "multipart/form-data; boundary=x", "--x--".getBytes(StandardCharsets.US_ASCII), 415, ""));
        // Text fields: one line of printable characters (org.contactsync.platform.PlainText).
        cases.add(contact("NUL in a name", "{\"name\":\"BadInput\\u0000\"}", "name"));
        cases.add(contact("tab in a name", "{\"name\":\"BadInput\\tx\"}", "name"));
        cases.add(contact("line break in a surname", "{\"surname\":\"BadInput\\r\\nx\"}", "surname"));
        cases.add(contact("line break in an address", "{\"name\":\"BadInput\",\"address\":\"a\\nb\"}", "address"));
        cases.add(contact("DEL in a city", "{\"name\":\"BadInput\",\"city\":\"a\\u007fb\"}", "city"));
        cases.add(contact("C1 control in a job title", "{\"name\":\"BadInput\",\"jobTitle\":\"a\\u0085b\"}",
                "jobTitle"));
        cases.add(contact("lone high surrogate", "{\"name\":\"BadInput\\ud800\"}", "name"));
        cases.add(contact("lone low surrogate", "{\"name\":\"BadInput\\udc00x\"}", "name"));
        cases.add(contact("surrogates in the wrong order", "{\"name\":\"BadInput\\udc00\\ud800\"}", "name"));
        cases.add(contact("noncharacter U+FFFE", "{\"name\":\"BadInput\",\"county\":\"\\ufffe\"}", "county"));
        cases.add(contact("replacement character", "{\"name\":\"BadInput \\ufffd\"}", "name"));
        cases.add(contact("escape character", "{\"name\":\"BadInput\",\"name2\":\"\\u001b[31m\"}", "name2"));
        cases.add(contact("unknown contact field", "{\"name\":\"BadInput\",\"nickname\":\"x\"}", "nickname"));
        cases.add(contact("number for a text", "{\"name\":5}", "name"));
        cases.add(contact("name too long", "{\"name\":\"BadInput" + "x".repeat(100) + "\"}", "name"));
        cases.add(contact("e-mail without a domain", "{\"name\":\"BadInput\",\"email\":\"x@y\"}", "email"));
        cases.add(contact("letters in a phone number", "{\"name\":\"BadInput\",\"phoneNo\":\"call me\"}",
                "phoneNo"));
        cases.add(contact("boolean as text, contact", "{\"name\":\"BadInput\",\"privacyBlocked\":\"yes\"}",
                "privacyBlocked"));
        cases.add(contact("unknown type", "{\"name\":\"BadInput\",\"type\":\"Robot\"}", "type"));
        cases.add(new Bad("control character in a merge patch", ALICE, "PATCH", "api/v1/contacts/CT000010",
                "application/merge-patch+json", bytes("{\"city\":\"a\\u0007b\"}"), 400, "city"));
        // The job queue API.
        cases.add(jobQueueEntry("NUL in a description", "{\"objectId\":6700,\"description\":\"a\\u0000\"}",
                "description"));
        cases.add(jobQueueEntry("line break in a description", "{\"objectId\":6700,\"description\":\"a\\nb\"}",
                "description"));
        cases.add(jobQueueEntry("control character in a parameter", "{" + ENTRY + ",\"parameterString\":\"\\u0001\"}",
                "parameterString"));
        cases.add(jobQueueEntry("unknown job queue field", "{" + ENTRY + ",\"priority\":1}", "priority"));
        cases.add(jobQueueEntry("boolean as text, job queue", "{" + ENTRY + ",\"recurring\":\"yes\"}", "recurring"));
        cases.add(jobQueueEntry("number as text", "{\"objectId\":\"six\",\"description\":\"BadInput\"}",
                "objectId"));
        cases.add(jobQueueEntry("unknown weekday", "{" + ENTRY + ",\"runOnDays\":[\"FUNDAY\"]}", ""));
        cases.add(jobQueueEntry("impossible time", "{" + ENTRY + ",\"startingTime\":\"25:00\"}", "startingTime"));
        // The server's own errors, as problem+json too.
        cases.add(bad("unknown URL in the API", ALICE, "GET", "api/v1/no-such-thing", "", 404, ""));
        cases.add(bad("unknown URL under /api", ALICE, "GET", "api/v2/contacts", "", 404, ""));
        cases.add(bad("wrong method", ALICE, "PUT", "api/v1/me", "{}", 405, ""));
        cases.add(bad("limit out of range", ALICE, "GET", "api/v1/contacts?limit=-1", "", 400, "limit"));
        cases.add(new Bad("XML body", ALICE, "POST", "api/v1/contacts", "application/xml",
                "<contact/>".getBytes(StandardCharsets.US_ASCII), 415, ""));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyBadRequestToTheApiGetsA4xxProblemAndWritesNothing() throws Exception {
        var before = writtenState();
        return catalogue().stream().map(bad -> DynamicTest.dynamicTest(bad.name(), () -> {
            var response = send(bad);

            assertEquals(bad.status(), response.statusCode(), bad.name() + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/problem+json"), bad.name() + ": " + response.headers().map());
            var problem = Json.createReader(new StringReader(response.body())).readObject();
            assertEquals(bad.status(), problem.getInt("status"));
            assertFalse(problem.getString("detail").isBlank());
            if (!bad.field().isEmpty()) {
                var fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field")).toList();
                assertTrue(fields.contains(bad.field()), bad.name() + ": " + response.body());
            }
            assertEquals(before, writtenState(), bad.name() + ": nothing written");
        }));
    }

    @Test
    void theApiDescribesItselfOnlyInTheOpenApiDocument() throws Exception {
        var options = send(new Bad("OPTIONS", ALICE, "OPTIONS", "api/v1/me", JSON, new byte[0], 200, ""));
        var sandboxWadl = http.send(HttpRequest.newBuilder(url("sandbox/application.wadl")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertFalse(options.body().contains("wadl"), options.body());
        assertFalse(options.headers().firstValue("Content-Type").orElse("").contains("wadl"));
        assertEquals(404, sandboxWadl.statusCode(), sandboxWadl.body());
        assertFalse(sandboxWadl.body().contains("Jersey"), sandboxWadl.body());
    }

    @Test
    void theContactCardsInputsOfferTheirKindOfKeyboardAndLetTheServiceRefuseALongValueInsteadOfCuttingIt()
            throws Exception {
        var card = FacesSession.signedIn(base, "alice", "alice-demo-2026").get("contacts/card.xhtml").body();

        for (var field : ContactField.editable()) {
            // Company No. is a lookup: PrimeFaces names its text input <id>_input.
            var input = Pattern.compile("<input id=\"contactCard:" + field.jsonName() + "(_input)?\"[^>]*>")
                    .matcher(card);
            assertTrue(input.find(), field.jsonName() + " is on the card of a new person");
            // A maxlength would let the browser cut a pasted value and PrimeFaces cut a longer one it receives.
            assertFalse(input.group().contains("maxlength"), input.group());
            assertTrue(input.group().contains("type=\"" + field.inputType() + "\""), input.group());
        }
    }

    @Test
    void badTextOnThePagesGetsTheFieldsMessageAndIsNotSaved() throws Exception {
        var before = writtenState();
        var alice = FacesSession.signedIn(base, "alice", "alice-demo-2026");

        var card = alice.get("contacts/card.xhtml").body();
        var contact = FacesSession.textInputsOf(card, "contactCard");
        contact.put("contactCard:name", "BadInput\u0000Page");
        assertTrue(alice.ajax("contacts/card.xhtml", card, "contactCard", "contactCard:save", contact)
                .contains(FIELD_MESSAGE), "Contact Card: NUL in Name");

        var setupPath = "exchange/contact-sync-setup.xhtml";
        var setup = alice.get(setupPath).body();
        var folder = FacesSession.textInputsOf(setup, "contactSyncSetup");
        folder.put("contactSyncSetup:folderName", "CRM\r\nEvil");
        assertTrue(alice.ajax(setupPath, setup, "contactSyncSetup", "contactSyncSetup:save", folder)
                .contains(FIELD_MESSAGE), "Contact Sync Setup: line break in the folder name");

        var admin = FacesSession.signedIn(base, "admin", "admin-demo-2026");
        var entryPath = "admin/job-queue-entry.xhtml?id=1";
        var entry = admin.get(entryPath).body();
        var entryFields = FacesSession.textInputsOf(entry, "cardForm");
        entryFields.put("cardForm:description", "Sync\tall");
        assertTrue(admin.ajax(entryPath, entry, "cardForm", "cardForm:save", entryFields)
                .contains(FIELD_MESSAGE), "Job Queue Entry Card: tab in the description");

        assertEquals(before, writtenState(), "nothing written");
    }

    /** What bad input must not change: the contacts, the job queue entries, alice's folder name. */
    private List<String> writtenState() throws IOException, InterruptedException {
        var contacts = json(send(bad("state", ALICE, "GET", "api/v1/contacts?limit=1&search=BadInput", "", 200,
                ""))).getJsonNumber("total").toString();
        var allContacts = json(send(bad("state", ALICE, "GET", "api/v1/contacts?limit=1", "", 200, "")))
                .getJsonNumber("total").toString();
        var contact = json(send(bad("state", ALICE, "GET", "api/v1/contacts/CT000010", "", 200, "")));
        var entries = Json.createReader(new StringReader(send(bad("state", ADMIN, "GET",
                        "api/v1/job-queue-entries", "", 200, "")).body())).readArray()
                .getValuesAs(JsonObject.class).stream()
                .map(e -> e.getInt("id") + ":" + e.getString("description") + ":" + e.getString("parameterString")
                        + ":" + e.getBoolean("recurring"))
                .toList();
        var page = aliceInBrowser().get("exchange/contact-sync-setup.xhtml").body();
        var folder = FacesSession.textInputsOf(page, "contactSyncSetup").get("contactSyncSetup:folderName");
        return List.of(contacts, allContacts, contact.getString("city") + "|" + contact.getString("name"),
                entries.toString(), String.valueOf(folder));
    }

    /** One signed-in session for reading alice's setup page: a sign-in costs a password hash, too slow per case. */
    private FacesSession aliceInBrowser() throws IOException, InterruptedException {
        if (aliceSession == null) {
            aliceSession = FacesSession.signedIn(base, "alice", "alice-demo-2026");
        }
        return aliceSession;
    }

    private HttpResponse<String> send(Bad bad) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url(bad.path()))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(bad.key().getBytes(StandardCharsets.UTF_8)))
                .header("Accept", JSON);
        if (bad.body().length > 0) {
            request.header("Content-Type", bad.contentType());
        }
        var body = bad.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bad.body());
        return http.send(request.method(bad.method(), body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The bytes of a text written with one char per byte (ISO-8859-1), for bodies that are not valid UTF-8. */
    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private URI url(String path) {
        return URI.create(base.toString() + path);
    }
}

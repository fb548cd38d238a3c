package org.contactsync.sandbox;

import static org.contactsync.sandbox.SandboxCaller.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JSON batching: the 20-request limit, fully parallel or fully sequential and nothing else, 424 after a failed item,
 * per-request answers matched by id, limits per item, both ways a parallel batch may reach Exchange, item URLs.
 */
class BatchTest {

    private static final String ALICE = "/users/alice@contoso.example";

    private final Sandbox sandbox = new Sandbox(SandboxSettings.demo(), new MutableClock());
    private final SandboxCaller graph = new SandboxCaller(sandbox, SandboxSettings.DEMO_CLIENT_ID);

    private static Map<String, JsonObject> byId(JsonObject batchResponse) {
        Map<String, JsonObject> responses = new HashMap<>();
        batchResponse.getJsonArray("responses").getValuesAs(JsonObject.class).forEach(r -> responses.put(r.getString("id"), r));
        return responses;
    }

    @Test
    void eachRequestGetsItsOwnStatusHeadersAndBody() {
        JsonObject batch = ok(graph.post("/$batch", """
                {"requests":[
                  {"id":"folder","method":"POST","url":"/users/alice@contoso.example/contactFolders",
                   "headers":{"Content-Type":"application/json","content-type":"application/json"},
                   "body":{"displayName":"CRM"}},
                  {"id":"list","method":"GET","url":"users/alice@contoso.example/contactFolders?$filter=displayName%20eq%20'CRM'",
                   "dependsOn":["folder"]},
                  {"id":"nobody","method":"GET","url":"/users/mallory@contoso.example/contactFolders","dependsOn":["list"]}]}"""), 200);
        Map<String, JsonObject> responses = byId(batch);
        assertEquals(201, responses.get("folder").getInt("status"));
        assertEquals("CRM", responses.get("folder").getJsonObject("body").getString("displayName"));
        assertEquals(404, responses.get("nobody").getInt("status"));
        assertEquals("ErrorInvalidUser", responses.get("nobody").getJsonObject("body").getJsonObject("error").getString("code"));
        assertEquals(200, responses.get("list").getInt("status"));
        assertEquals(1, responses.get("list").getJsonObject("body").getJsonArray("value").size());
        assertTrue(responses.get("folder").getJsonObject("headers").containsKey("Content-Type"));
    }

    @Test
    void dependantsOfAFailedRequestGet424() {
        JsonObject batch = ok(graph.post("/$batch", """
                {"requests":[
                  {"id":"1","method":"POST","url":"/users/alice@contoso.example/contactFolders","body":{"displayName":""},
                   "headers":{"Content-Type":"application/json"}},
                  {"id":"2","method":"GET","url":"/users/alice@contoso.example/contactFolders","dependsOn":["1"]},
                  {"id":"3","method":"GET","url":"/users/alice@contoso.example/contactFolders","dependsOn":["2"]}]}"""), 200);
        Map<String, JsonObject> responses = byId(batch);
        assertEquals(400, responses.get("1").getInt("status"));
        assertEquals(424, responses.get("2").getInt("status"));
        assertEquals(424, responses.get("3").getInt("status"));
    }

    @Test
    void moreThanTwentyRequestsAreRefusedWhole() {
        JsonArrayBuilder requests = Json.createArrayBuilder();
        for (int i = 1; i <= 21; i++) {
            requests.add(Json.createObjectBuilder().add("id", "r" + i).add("method", "GET")
                    .add("url", "/users/alice@contoso.example/contactFolders"));
        }
        GraphResponse response = graph.post("/$batch", Json.createObjectBuilder().add("requests", requests).build().toString());
        assertEquals(400, response.status());
        assertEquals(0, sandbox.counters("alice@contoso.example").requests(), "nothing of a refused batch ran");
    }

    @Test
    void everyItemCountsAgainstTheMailboxBudgetAndIsThrottledOnItsOwn() {
        sandbox.setLimits(new SandboxSettings.Limits(10, 3, Duration.ofMinutes(10), Duration.ZERO, 1));
        JsonArrayBuilder requests = Json.createArrayBuilder();
        for (int i = 1; i <= 5; i++) {
            requests.add(Json.createObjectBuilder().add("id", "r" + i).add("method", "GET")
                    .add("url", "/users/alice@contoso.example/contactFolders"));
        }
        Map<String, JsonObject> responses = byId(ok(graph.post("/$batch",
                Json.createObjectBuilder().add("requests", requests).build().toString()), 200));
        List<JsonObject> throttled = responses.values().stream().filter(r -> r.getInt("status") == 429).toList();
        assertEquals(2, throttled.size(), "3 of the 5 fit the window: " + responses);
        assertEquals(3, responses.values().stream().filter(r -> r.getInt("status") == 200).count());
        throttled.forEach(r -> assertTrue(Integer.parseInt(r.getJsonObject("headers").getString("Retry-After")) > 0));
        assertEquals(5, sandbox.counters("alice@contoso.example").requests());
        assertEquals(2, sandbox.counters("alice@contoso.example").throttled());
    }

    @Test
    void aBatchIsOneRoundTripWhoseItemsEachCountAgainstTheMailbox() {
        sandbox.setLimits(new SandboxSettings.Limits(20, 10_000, Duration.ofMinutes(10), Duration.ofMillis(5), 1));
        JsonArrayBuilder requests = Json.createArrayBuilder();
        for (int i = 1; i <= 20; i++) {
            requests.add(Json.createObjectBuilder().add("id", "r" + i).add("method", "GET")
                    .add("url", "/users/alice@contoso.example/contactFolders"));
        }
        ok(graph.post("/$batch", Json.createObjectBuilder().add("requests", requests).build().toString()), 200);
        ok(graph.get(ALICE + "/contactFolders"), 200);

        MailboxCounters alice = sandbox.counters("alice@contoso.example");
        assertEquals(21, alice.requests(), "every item and the single request count against the mailbox");
        assertEquals(2, alice.roundTrips(), "the batch and the single request are two HTTP requests");
        assertTrue(alice.handlingMillis() >= 2 * 5, "at least one latency per round trip: " + alice.handlingMillis());
        assertEquals(0, sandbox.counters("bob@contoso.example").roundTrips(), "bob's mailbox was not reached");
    }

    /** Twenty reads of alice's folders; item i depends on item i - lanes when lanes > 0. */
    private JsonObject twentyReads(int lanes) {
        JsonArrayBuilder requests = Json.createArrayBuilder();
        for (int i = 0; i < 20; i++) {
            var item = Json.createObjectBuilder().add("id", "r" + i).add("method", "GET").add("url", ALICE + "/contactFolders");
            if (lanes > 0 && i >= lanes) {
                item.add("dependsOn", Json.createArrayBuilder().add("r" + (i - lanes)));
            }
            requests.add(item);
        }
        return Json.createObjectBuilder().add("requests", requests).build();
    }

    private static long countStatus(Map<String, JsonObject> responses, int status) {
        return responses.values().stream().filter(r -> r.getInt("status") == status).count();
    }

    @Test
    void aBatchThatIsNeitherFullyParallelNorOneChainIsRefusedWholeWithGraphsSentence() {
        // Four lanes: items 0-3 independent, item i depends on item i - 4.
        GraphResponse lanes = graph.post("/$batch", twentyReads(4).toString());
        // The docs' old example (microsoft-graph-docs issue 16280): 1 and 3 first, then 2, then 4.
        GraphResponse tree = graph.post("/$batch", """
                {"requests":[
                  {"id":"1","method":"GET","url":"/users/alice@contoso.example/contactFolders"},
                  {"id":"3","method":"GET","url":"/users/alice@contoso.example/contactFolders"},
                  {"id":"2","method":"GET","url":"/users/alice@contoso.example/contactFolders","dependsOn":["1"]},
                  {"id":"4","method":"GET","url":"/users/alice@contoso.example/contactFolders","dependsOn":["2","3"]}]}""");

        for (GraphResponse refused : List.of(lanes, tree)) {
            assertEquals(400, refused.status());
            JsonObject error = SandboxCaller.body(refused).getJsonObject("error");
            assertEquals("BadRequest", error.getString("code"));
            assertEquals("Batch should be either fully sequential or fully parallel", error.getString("message"));
        }
        assertEquals(0, sandbox.counters("alice@contoso.example").requests(), "nothing of a refused batch ran");
    }

    @Test
    void aDependencyOnALaterItemIsRefused() {
        GraphResponse response = graph.post("/$batch", """
                {"requests":[
                  {"id":"1","method":"GET","url":"/users/alice@contoso.example/contactFolders","dependsOn":["2"]},
                  {"id":"2","method":"GET","url":"/users/alice@contoso.example/contactFolders"}]}""");
        assertEquals(400, response.status());
        assertTrue(SandboxCaller.body(response).getJsonObject("error").getString("message")
                .startsWith("Invalid dependency for request Id"), SandboxCaller.body(response).toString());
    }

    @Test
    void aFullySequentialBatchRunsItemAfterItemSoItHoldsOnePlaceInTheMailbox() {
        sandbox.setLimits(new SandboxSettings.Limits(1, 10_000, Duration.ofMinutes(10), Duration.ofMillis(5), 1));
        sandbox.setBatchDispatch(BatchDispatch.ALL_AT_ONCE);

        Map<String, JsonObject> responses = byId(ok(graph.post("/$batch", twentyReads(1).toString()), 200));

        assertEquals(20, countStatus(responses, 200), responses.toString());
        assertEquals(0, sandbox.counters("alice@contoso.example").throttled());
    }

    @Test
    void fourAtATimeGraphHandsAParallelBatchToExchangeWithinTheMailboxsConcurrency() {
        sandbox.setLimits(new SandboxSettings.Limits(4, 10_000, Duration.ofMinutes(10), Duration.ofMillis(20), 1));
        sandbox.setBatchDispatch(BatchDispatch.FOUR_AT_A_TIME);

        Map<String, JsonObject> responses = byId(ok(graph.post("/$batch", twentyReads(0).toString()), 200));

        assertEquals(20, countStatus(responses, 200), responses.toString());
        assertEquals(0, sandbox.counters("alice@contoso.example").throttled());
    }

    @Test
    void allAtOnceEveryItemBeyondTheMailboxsFourConcurrentGets429MailboxConcurrency() {
        sandbox.setBatchDispatch(BatchDispatch.ALL_AT_ONCE);

        Map<String, JsonObject> responses = byId(ok(graph.post("/$batch", twentyReads(0).toString()), 200));

        assertEquals(4, countStatus(responses, 200), responses.toString());
        List<JsonObject> throttled = responses.values().stream().filter(r -> r.getInt("status") == 429).toList();
        assertEquals(16, throttled.size());
        JsonObject error = throttled.get(0).getJsonObject("body").getJsonObject("error");
        assertEquals("ApplicationThrottled", error.getString("code"));
        assertEquals("Application is over its MailboxConcurrency limit.", error.getString("message"));
        throttled.forEach(r -> assertTrue(Integer.parseInt(r.getJsonObject("headers").getString("Retry-After")) > 0));
        assertEquals(16, sandbox.counters("alice@contoso.example").throttled());
    }

    @Test
    void theDispatchSettingStartsAsConfiguredAndAResetRestoresIt() {
        SandboxSettings demo = SandboxSettings.demo();
        Sandbox configured = new Sandbox(new SandboxSettings(demo.tenant(), demo.apps(), demo.mailboxes(),
                demo.tokenLifetime(), demo.limits(), demo.faults(), demo.adminKey(), BatchDispatch.ALL_AT_ONCE,
                ConcurrencyScope.APP_AND_MAILBOX),
                new MutableClock());
        assertEquals(BatchDispatch.FOUR_AT_A_TIME, sandbox.batchDispatch(), "the documented behaviour by default");
        assertEquals(BatchDispatch.ALL_AT_ONCE, configured.batchDispatch());

        configured.setBatchDispatch(BatchDispatch.FOUR_AT_A_TIME);
        configured.reset();

        assertEquals(BatchDispatch.ALL_AT_ONCE, configured.batchDispatch());
    }

    @Test
    void itemUrlsAreTakenRelativeToTheVersionRootWithOrWithoutTheLeadingSlash() {
        Map<String, JsonObject> responses = byId(ok(graph.post("/$batch", """
                {"requests":[
                  {"id":"slash","method":"GET","url":"/users/alice@contoso.example/contactFolders?$top=5"},
                  {"id":"noSlash","method":"GET","url":"users/alice@contoso.example/contactFolders?%24top=5"},
                  {"id":"version","method":"GET","url":"/v1.0/users/alice@contoso.example/contactFolders"},
                  {"id":"sdkCutUnderALongerBasePath","method":"GET",
                   "url":"box/graph/v1.0/users/alice@contoso.example/contactFolders"}]}"""), 200));

        assertEquals(200, responses.get("slash").getInt("status"));
        assertEquals(200, responses.get("noSlash").getInt("status"));
        assertEquals(400, responses.get("version").getInt("status"), "Graph reads /v1.0 as a segment of its own");
        assertEquals(400, responses.get("sdkCutUnderALongerBasePath").getInt("status"),
                "what the SDK sends under a gateway's longer base path is not a Graph URL");
    }

    @Test
    void anAbsoluteItemUrlMakesTheWholeBatchInvalid() {
        GraphResponse response = graph.post("/$batch", """
                {"requests":[
                  {"id":"1","method":"GET","url":"/users/alice@contoso.example/contactFolders"},
                  {"id":"2","method":"GET","url":"https://graph.microsoft.com/v1.0/users/alice@contoso.example/contactFolders"}]}""");

        assertEquals(400, response.status());
        assertEquals("Invalid batch payload format.",
                SandboxCaller.body(response).getJsonObject("error").getString("message"));
        assertEquals(0, sandbox.counters("alice@contoso.example").requests());
    }
}

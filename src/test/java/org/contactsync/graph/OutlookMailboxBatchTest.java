package org.contactsync.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.junit.jupiter.api.AfterEach;
import org.contactsync.testsupport.WaitsOutRealTime;
import org.junit.jupiter.api.Test;

/**
 * The gateway's batching against a scripted $batch endpoint that keeps Graph's batch rules: fully sequential batches
 * of at most 20, four in flight, item retries without running anything twice, budgets, item URLs, PATCH bodies.
 */
@WaitsOutRealTime
class OutlookMailboxBatchTest {

    private final FakeGraph graph;
    private final OutlookMailbox alice;

    OutlookMailboxBatchTest() throws Exception {
        graph = new FakeGraph();
        alice = new OutlookContactsGateway(FakeGraph.clients())
                .open(graph.settings(), "alice@contoso.example", new ThrottleBudget(0, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private static List<OutlookWrite> creates(int count) {
        List<OutlookWrite> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writes.add(new OutlookWrite.Create("CT" + (1000 + i), FieldValues.of(Map.of(
                    SyncedField.NAME, "Person " + i, SyncedField.E_MAIL, "p" + i + "@example.com"))));
        }
        return writes;
    }

    private static JsonObject createdContact(JsonObject request) {
        String no = request.getJsonObject("body").getJsonArray("singleValueExtendedProperties").getJsonObject(0)
                .getString("value");
        return Json.createObjectBuilder().add("id", "id-" + no).add("changeKey", "ck-" + no).build();
    }

    private static List<String> dependsOn(JsonObject item) {
        return item.containsKey("dependsOn") ? item.getJsonArray("dependsOn").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList() : List.of();
    }

    private static List<Integer> sortedSizes(List<List<JsonObject>> batches) {
        return batches.stream().map(List::size).sorted(Comparator.reverseOrder()).toList();
    }

    @Test
    void fortyFiveCreatesGoOutInThreeBatchesOfAtMostTwentyAndEachGetsItsIdBack() {
        graph.answer(request -> FakeGraph.Item.of(201, createdContact(request)));

        WriteReport report = alice.apply("folder-1", creates(45));

        assertEquals(List.of(20, 20, 5), sortedSizes(graph.batches));
        assertEquals(3, alice.requestCount());
        assertEquals(45, report.outcomes().size());
        for (int i = 0; i < 45; i++) {
            var created = assertInstanceOf(WriteOutcome.Created.class, report.outcomes().get(i));
            assertEquals("id-CT" + (1000 + i), created.graphId(), "outcomes come back in the order of the writes");
            assertEquals("ck-CT" + (1000 + i), created.changeKey());
        }
        JsonObject first = graph.batches.stream().map(batch -> batch.get(0))
                .filter(item -> createdContact(item).getString("id").equals("id-CT1000")).findFirst().orElseThrow();
        assertEquals("POST", first.getString("method"));
        assertEquals("/users/alice%40contoso.example/contactFolders/folder-1/contacts", first.getString("url"),
                "relative to the version root");
        assertEquals(ContactMapping.STAMP_PROPERTY_ID, first.getJsonObject("body")
                .getJsonArray("singleValueExtendedProperties").getJsonObject(0).getString("id"));
    }

    @Test
    void eachBatchIsOneDependsOnChainInTheOrderOfTheWrites() {
        graph.answer(request -> FakeGraph.Item.of(201, createdContact(request)));

        alice.apply("folder-1", creates(20));

        List<JsonObject> items = graph.batches.get(0);
        for (int i = 0; i < items.size(); i++) {
            assertEquals("id-CT" + (1000 + i), createdContact(items.get(i)).getString("id"));
            assertEquals(i == 0 ? List.of() : List.of(items.get(i - 1).getString("id")), dependsOn(items.get(i)),
                    "item " + i);
        }
    }

    @Test
    void fourBatchRequestsAreInFlightAtOnceOneRoundTripPerTwentyWrites() {
        graph.answer(request -> FakeGraph.Item.of(201, createdContact(request)));
        graph.answerOnceInFlightTogether(4);

        WriteReport report = alice.apply("folder-1", creates(OutlookMailbox.WRITES_AT_ONCE));

        assertEquals(4, graph.maxInFlight.get(), "one batch per place Exchange gives an app in a mailbox");
        assertEquals(List.of(20, 20, 20, 20), sortedSizes(graph.batches));
        assertEquals(4, alice.requestCount());
        assertTrue(report.outcomes().stream().allMatch(WriteOutcome.Created.class::isInstance), report.toString());
    }

    /**
     * A server syncs many mailboxes at once, four requests in flight in each, and syncs them again later. Every
     * connection it opened is used for the next request and kept for the next run, instead of a new connection (a
     * TLS handshake each: 13 % of the server's CPU in benchmark 4) for each batch: an answer is read before the
     * sender's next batch goes out, and the connections idle between runs are kept. So the server never needs more
     * connections than it lets requests be in flight: four per mailbox. (Graph's side counts a request as ended once
     * it has answered, a moment before the client has read the answer and freed the connection, so the most requests
     * Graph saw at once can be one or two below that.)
     */
    @Test
    void mailboxesWritingAtOnceReuseTheirConnectionsInsteadOfOpeningNewOnes() throws Exception {
        graph.answer(request -> FakeGraph.Item.of(201, createdContact(request)));
        var gateway = new OutlookContactsGateway(FakeGraph.clients());
        List<OutlookMailbox> mailboxes = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            mailboxes.add(gateway.open(graph.settings(), "user" + m + "@contoso.example",
                    new ThrottleBudget(0, Duration.ofSeconds(5))));
        }

        writeInEveryMailboxAtOnce(mailboxes, 400);
        writeInEveryMailboxAtOnce(mailboxes, OutlookMailbox.WRITES_AT_ONCE);

        assertEquals(8 * (20 + 4), graph.batches.size());
        int mostInFlight = mailboxes.size() * OutlookMailbox.BATCHES_IN_FLIGHT;
        assertTrue(graph.connections.size() <= mostInFlight, graph.connections.size() + " connections opened for "
                + graph.batches.size() + " batches, at most " + mostInFlight + " in flight");
    }

    private static void writeInEveryMailboxAtOnce(List<OutlookMailbox> mailboxes, int creates) throws Exception {
        var threads = Executors.newFixedThreadPool(mailboxes.size());
        try {
            var reports = threads.invokeAll(mailboxes.stream()
                    .map(mailbox -> (Callable<WriteReport>) () -> mailbox.apply("folder-1",
                            creates(creates))).toList());
            for (var report : reports) {
                assertTrue(report.get().outcomes().stream().allMatch(WriteOutcome.Created.class::isInstance));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void behindAGatewaysLongerBasePathItemUrlsStayRelativeToTheVersionRoot() throws Exception {
        try (FakeGraph gateway = new FakeGraph("/gateway/graph/v1.0")) {
            gateway.answer(request -> FakeGraph.Item.of(201, createdContact(request)));
            OutlookMailbox behindGateway = new OutlookContactsGateway(FakeGraph.clients())
                    .open(gateway.settings(), "alice@contoso.example", new ThrottleBudget(0, Duration.ofSeconds(5)));

            WriteReport report = behindGateway.apply("folder-1", creates(3));

            assertTrue(report.outcomes().stream().allMatch(WriteOutcome.Created.class::isInstance), report.toString());
            assertEquals("/users/alice%40contoso.example/contactFolders/folder-1/contacts",
                    gateway.batches.get(0).get(0).getString("url"));
        }
    }

    @Test
    void itemsThatDidNotRunBecauseAnItemBeforeThemFailedAreSentAgainAndNothingRunsTwice() {
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        graph.answer(request -> {
            String id = createdContact(request).getString("id");
            ran.add(id);
            return id.equals("id-CT1003")
                    ? new FakeGraph.Item(400, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                            .add("code", "ErrorInvalidProperty").add("message", "bad")).build(), "")
                    : FakeGraph.Item.of(201, createdContact(request));
        });

        WriteReport report = alice.apply("folder-1", creates(9));

        assertEquals(List.of(9, 5), graph.batches.stream().map(List::size).toList(),
                "CT1004 to CT1008, behind CT1003 in its chain, again");
        assertEquals(9, ran.size(), "every write ran once: " + ran);
        assertEquals(9, new java.util.HashSet<>(ran).size());
        assertInstanceOf(WriteOutcome.Failed.class, report.outcomes().get(3));
        for (int i : List.of(0, 1, 2, 4, 5, 6, 7, 8)) {
            assertInstanceOf(WriteOutcome.Created.class, report.outcomes().get(i), report.toString());
        }
    }

    @Test
    void theHeartbeatIsAskedBeforeEveryRequestAndOnceItSaysStopNothingMoreIsSent() {
        graph.answer(request -> FakeGraph.Item.of(201, createdContact(request)));
        java.util.concurrent.atomic.AtomicInteger beats = new java.util.concurrent.atomic.AtomicInteger();
        OutlookMailbox held = new OutlookContactsGateway(FakeGraph.clients()).open(graph.settings(),
                "alice@contoso.example", new ThrottleBudget(0, Duration.ofSeconds(5)), () -> beats.incrementAndGet() <= 2);

        WriteReport report = held.apply("folder-1", creates(60));

        assertEquals(3, beats.get(), "asked before each of the three batches");
        assertEquals(List.of(20, 20), graph.batches.stream().map(List::size).toList(), "the third batch is not sent");
        assertEquals(40, report.outcomes().stream().filter(WriteOutcome.Created.class::isInstance).count());
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (report.outcomes().get(i) instanceof WriteOutcome.Failed) {
                failed.add(i);
            }
        }
        assertEquals(20, failed.size(), report.toString());
        assertEquals(0, failed.get(0) % 20, "the writes of the batch that was not sent: " + failed);
        assertEquals(failed.get(0) + 19, failed.get(19));
    }

    @Test
    void aThrottledItemAndTheItemsBehindItAreSentAgainAfterItsRetryAfter() {
        Set<String> throttledOnce = ConcurrentHashMap.newKeySet();
        graph.answer(request -> {
            String no = createdContact(request).getString("id");
            boolean even = Integer.parseInt(no.substring(no.length() - 1)) % 2 == 0;
            if (even && throttledOnce.add(no)) {
                return new FakeGraph.Item(429, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                        .add("code", "ApplicationThrottled").add("message", "MailboxConcurrency")).build(), "1");
            }
            return FakeGraph.Item.of(201, createdContact(request));
        });

        long started = System.nanoTime();
        WriteReport report = alice.apply("folder-1", creates(6));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 3000, "waited each Retry-After");
        assertEquals(List.of(6, 6, 4, 2), graph.batches.stream().map(List::size).toList(),
                "CT1000, then CT1002, then CT1004 throttled once, with the items behind each");
        assertTrue(report.outcomes().stream().allMatch(WriteOutcome.Created.class::isInstance), report.toString());
        assertTrue(!report.mailboxThrottled());
    }

    @Test
    void aMailboxThrottlingPastTheBudgetLeavesTheRestThrottledForTheEngineToPostpone() {
        graph.answer(request -> new FakeGraph.Item(429, JsonObject.EMPTY_JSON_OBJECT, "3"));

        WriteReport report = alice.apply("folder-1", creates(2));

        assertTrue(report.mailboxThrottled());
        var throttled = assertInstanceOf(WriteOutcome.Throttled.class, report.outcomes().get(0));
        assertEquals(Duration.ofSeconds(3), throttled.retryAfter());
        assertEquals(2, graph.batches.size(), "a 3 s wait fits the 5 s budget once: the first try and one retry");
        assertTrue(report.outcomes().get(1) instanceof WriteOutcome.Throttled, "behind the throttled item, not done");
    }

    @Test
    void deletesOfGoneContactsAndStaleUpdatesGetTheirOwnOutcomes() {
        graph.answer(request -> switch (request.getString("method")) {
            case "DELETE" -> FakeGraph.Item.of(404, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                    .add("code", "ErrorItemNotFound").add("message", "Not found")).build());
            case "PATCH" -> FakeGraph.Item.of(412, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                    .add("code", "ErrorIrresolvableConflict").add("message", "Change key mismatch")).build());
            default -> FakeGraph.Item.of(500, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                    .add("code", "ErrorInternalServerError").add("message", "Boom")).build());
        });
        var delete = new OutlookWrite.Delete("gone");
        var update = new OutlookWrite.Update("c1", Optional.of("ck1"),
                FieldValues.of(Map.of(SyncedField.JOB_TITLE, "CTO")));
        var create = creates(1).get(0);

        WriteReport report = alice.apply("folder-1", List.of(delete, update, create));

        assertEquals(List.of(3, 2, 1), graph.batches.stream().limit(3).map(List::size).toList(),
                "in one chain, each failure sends the writes behind it again");
        assertTrue(graph.batches.stream().skip(3).flatMap(List::stream)
                        .allMatch(item -> item.getString("method").equals("GET")),
                "then the stale update and the create answered 500 are only read back, never sent again");
        assertInstanceOf(WriteOutcome.AlreadyGone.class, report.outcomes().get(0));
        assertEquals("ErrorIrresolvableConflict",
                assertInstanceOf(WriteOutcome.Conflict.class, report.outcomes().get(1)).code());
        var failed = assertInstanceOf(WriteOutcome.Failed.class, report.outcomes().get(2));
        assertEquals(500, failed.status());
        assertEquals("ErrorInternalServerError", failed.code());
        assertEquals("Boom", failed.message());
        JsonObject patch = graph.batches.get(0).get(1);
        assertEquals(List.of("W/\"ck1\""), patch.getJsonObject("headers").entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("If-Match")).map(h -> ((jakarta.json.JsonString) h.getValue()).getString())
                .toList());
        assertEquals(Set.of("@odata.type", "jobTitle"), patch.getJsonObject("body").keySet(),
                "only the changed field is sent");
    }

    @Test
    void anEmailUpdateReadsOutlooksEntriesFirstAndKeepsThoseBeyondTheMappedOnes() {
        graph.answer(request -> request.getString("method").equals("GET")
                ? FakeGraph.Item.of(200, Json.createObjectBuilder().add("id", "c1")
                        .add("emailAddresses", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("name", "Ada (work)").add("address", "ada@old.example"))
                                .add(Json.createObjectBuilder().add("name", "Ada").add("address", "ada2@example.com"))
                                .add(Json.createObjectBuilder().add("name", "Ada private").add("address", "ada@home.example")))
                        .add("businessPhones", Json.createArrayBuilder().add("+46 8 1").add("+46 8 2")).build())
                : FakeGraph.Item.of(200, Json.createObjectBuilder().add("id", "c1").add("changeKey", "ck2").build()));
        var update = new OutlookWrite.Update("c1", Optional.empty(), FieldValues.of(Map.of(
                SyncedField.E_MAIL, "ada@new.example", SyncedField.E_MAIL_2, "ada2@example.com",
                SyncedField.PHONE_NO, "+46 8 9")));

        WriteReport report = alice.apply("folder-1", List.of(update));

        assertEquals("ck2", assertInstanceOf(WriteOutcome.Updated.class, report.outcomes().get(0)).changeKey());
        assertEquals(2, graph.batches.size(), "one batch of reads, one of writes");
        JsonObject body = graph.batches.get(1).get(0).getJsonObject("body");
        var emails = body.getJsonArray("emailAddresses").getValuesAs(JsonObject.class);
        assertEquals(List.of("ada@new.example", "ada2@example.com", "ada@home.example"),
                emails.stream().map(e -> e.getString("address")).toList());
        assertEquals("Ada (work)", emails.get(0).getString("name"));
        assertEquals("Ada private", emails.get(2).getString("name"));
        assertEquals(List.of("+46 8 9", "+46 8 2"), body.getJsonArray("businessPhones").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }
}

package org.contactsync.sandbox;

import static org.contactsync.sandbox.SandboxCaller.errorCode;
import static org.contactsync.sandbox.SandboxCaller.ok;
import static org.contactsync.sandbox.SandboxCaller.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Delta per contact folder: rounds, pages, deletions, page size, $select and the sync reset (410). */
class DeltaTest {

    private static final String ALICE = "/users/alice@contoso.example";

    private final Sandbox sandbox = new Sandbox(SandboxSettings.demo(), new MutableClock());
    private final SandboxCaller graph = new SandboxCaller(sandbox, SandboxSettings.DEMO_CLIENT_ID);
    private final String folder = ok(graph.post(ALICE + "/contactFolders", "{\"displayName\":\"CRM\"}"), 201).getString("id");
    private final String contacts = ALICE + "/contactFolders/" + folder + "/contacts";

    /** One delta round from a first request or a delta link: all pages, the items and the new delta link. */
    private record Round(List<JsonObject> items, List<Integer> pageSizes, String deltaLink) {
    }

    private Round round(JsonObject firstPage, Map<String, String> headers) {
        List<JsonObject> items = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        JsonObject page = firstPage;
        while (true) {
            items.addAll(values(page));
            sizes.add(values(page).size());
            if (!page.containsKey("@odata.nextLink")) {
                assertTrue(page.containsKey("@odata.deltaLink"), "the last page carries the delta link");
                return new Round(items, sizes, page.getString("@odata.deltaLink"));
            }
            assertFalse(page.containsKey("@odata.deltaLink"));
            page = ok(graph.follow(page.getString("@odata.nextLink"), headers), 200);
        }
    }

    private String create(String givenName) {
        return ok(graph.post(contacts, "{\"givenName\":\"" + givenName + "\"}"), 201).getString("id");
    }

    @Test
    void theFirstRoundPagesThroughWhatExistsAndEndsWithADeltaLink() {
        for (int i = 0; i < 7; i++) {
            create("Person " + i);
        }
        Map<String, String> prefer = Map.of("Prefer", "odata.maxpagesize=3");
        GraphResponse first = graph.send("GET", contacts + "/delta()", java.util.Optional.empty(), prefer);
        assertEquals("odata.maxpagesize=3", first.headers().get("Preference-Applied"));
        Round round = round(ok(first, 200), Map.of());
        assertEquals(List.of(3, 3, 1), round.pageSizes(), "the page size carries over into the next links");
        assertEquals(7, round.items().stream().map(c -> c.getString("id")).distinct().count());
        assertTrue(round.deltaLink().startsWith(SandboxCaller.ROOT + contacts + "/delta()?$deltatoken="));
    }

    @Test
    void theNextRoundReportsChangesAndDeletionsOnly() {
        String kept = create("Kept");
        String changed = create("Changed");
        String deleted = create("Deleted");
        Round first = round(ok(graph.get(contacts + "/delta"), 200), Map.of());
        assertEquals(3, first.items().size());

        ok(graph.patch(contacts + "/" + changed, "{\"jobTitle\":\"CTO\"}", Map.of()), 200);
        assertEquals(204, graph.delete(contacts + "/" + deleted, Map.of()).status());
        String added = create("Added");

        Round second = round(ok(graph.follow(first.deltaLink(), Map.of()), 200), Map.of());
        Map<String, JsonObject> byId = new HashMap<>();
        second.items().forEach(i -> byId.put(i.getString("id"), i));
        assertEquals(Set.of(changed, deleted, added), byId.keySet());
        assertFalse(byId.containsKey(kept));
        assertEquals("CTO", byId.get(changed).getString("jobTitle"));
        assertEquals("deleted", byId.get(deleted).getJsonObject("@removed").getString("reason"));

        Round third = round(ok(graph.follow(second.deltaLink(), Map.of()), 200), Map.of());
        assertTrue(third.items().isEmpty(), "nothing changed since");
    }

    @Test
    void aContactChangedDuringARoundIsNotLost() {
        for (int i = 0; i < 4; i++) {
            create("Person " + i);
        }
        JsonObject page = ok(graph.send("GET", contacts + "/delta", java.util.Optional.empty(),
                Map.of("Prefer", "odata.maxpagesize=2")), 200);
        String firstSeen = values(page).get(0).getString("id");
        ok(graph.patch(contacts + "/" + firstSeen, "{\"jobTitle\":\"Changed mid-round\"}", Map.of()), 200);
        Round rest = round(ok(graph.follow(page.getString("@odata.nextLink"), Map.of()), 200), Map.of());
        Round next = round(ok(graph.follow(rest.deltaLink(), Map.of()), 200), Map.of());
        assertTrue(next.items().stream().anyMatch(c -> c.getString("id").equals(firstSeen)
                && c.getString("jobTitle").equals("Changed mid-round")));
    }

    @Test
    void selectIsKeptAcrossTheRoundsLinks() {
        create("Ada");
        Round round = round(ok(graph.get(contacts + "/delta()?$select=givenName,changeKey"), 200), Map.of());
        assertEquals(Set.of("@odata.etag", "id", "givenName", "changeKey"), round.items().get(0).keySet());
        ok(graph.patch(contacts + "/" + round.items().get(0).getString("id"), "{\"surname\":\"Lovelace\"}", Map.of()), 200);
        Round next = round(ok(graph.follow(round.deltaLink(), Map.of()), 200), Map.of());
        assertEquals(Set.of("@odata.etag", "id", "givenName", "changeKey"), next.items().get(0).keySet());
    }

    @Test
    void anExpiredDeltaTokenGets410SyncStateNotFoundWithALocationToStartOver() {
        create("Ada");
        Round round = round(ok(graph.get(contacts + "/delta"), 200), Map.of());
        sandbox.expireDeltaTokens("alice@contoso.example");
        GraphResponse gone = graph.follow(round.deltaLink(), Map.of());
        assertEquals(410, gone.status());
        assertEquals("syncStateNotFound", errorCode(gone));
        String location = gone.headers().get("Location");
        assertTrue(location.endsWith("$deltatoken="), location);
        Round restart = round(ok(graph.follow(location, Map.of()), 200), Map.of());
        assertEquals(1, restart.items().size(), "a full resync");
    }

    @Test
    void aScriptedFaultExpiresTheNextDeltaToken() {
        create("Ada");
        Round round = round(ok(graph.get(contacts + "/delta"), 200), Map.of());
        sandbox.setFaults(new SandboxSettings.FaultSettings(List.of(FaultKind.DELTA_TOKEN_EXPIRED), 0, List.of(),
                java.time.Duration.ZERO));
        assertEquals(200, graph.get(contacts).status(), "a non-delta request leaves the scripted 410 waiting");
        assertEquals(410, graph.follow(round.deltaLink(), Map.of()).status());
    }

    @Test
    void editsMadeInOutlookReachTheNextDeltaRoundAndCostTheAppNothing() {
        String ada = create("Ada");
        Round first = round(ok(graph.get(contacts + "/delta"), 200), Map.of());
        long requestsBefore = sandbox.counters("alice@contoso.example").requests();

        sandbox.outlookUpdate("alice@contoso.example", folder, ada, SandboxCaller.parse("{\"jobTitle\":\"CTO\"}").asJsonObject());
        String grace = sandbox.outlookCreate("alice@contoso.example", folder,
                SandboxCaller.parse("{\"givenName\":\"Grace\",\"surname\":\"Hopper\"}").asJsonObject()).getString("id");
        assertEquals(requestsBefore, sandbox.counters("alice@contoso.example").requests());

        Round second = round(ok(graph.follow(first.deltaLink(), Map.of()), 200), Map.of());
        assertEquals(Set.of(ada, grace), Set.copyOf(second.items().stream().map(c -> c.getString("id")).toList()));
        assertEquals("Grace Hopper", sandbox.outlookContacts("alice@contoso.example", folder).stream()
                .filter(c -> c.getString("id").equals(grace)).findFirst().orElseThrow().getString("displayName"));

        sandbox.outlookDelete("alice@contoso.example", folder, grace);
        Round third = round(ok(graph.follow(second.deltaLink(), Map.of()), 200), Map.of());
        assertTrue(third.items().get(0).containsKey("@removed"));
    }

    @Test
    void exchangeKeepsThreeSyncStatesPerFolderAndAnOlderTokenGets410SayingWhichItKeeps() {
        create("Ada");
        Round first = round(ok(graph.get(contacts + "/delta"), 200), Map.of());
        String otherFolder = ok(graph.post(ALICE + "/contactFolders", "{\"displayName\":\"Other\"}"), 201)
                .getString("id");
        for (int i = 0; i < 5; i++) {
            round(ok(graph.get(ALICE + "/contactFolders/" + otherFolder + "/contacts/delta"), 200), Map.of());
        }
        Round second = round(ok(graph.follow(first.deltaLink(), Map.of()), 200), Map.of());
        assertEquals(200, graph.follow(first.deltaLink(), Map.of()).status(),
                "another folder's rounds and one newer round leave it usable");
        round(ok(graph.follow(second.deltaLink(), Map.of()), 200), Map.of());

        GraphResponse gone = graph.follow(first.deltaLink(), Map.of());

        assertEquals(410, gone.status());
        assertEquals("syncStateNotFound", errorCode(gone));
        String message = SandboxCaller.body(gone).getJsonObject("error").getString("message");
        assertTrue(message.matches("The sync state generation is not found; generation=1;\\[highest=4]"
                + "\\[4]\\[3]\\[2]\\."), message);
        assertEquals(200, graph.follow(second.deltaLink(), Map.of()).status(), "the newer ones are kept");
    }

    @Test
    void everyPageOfARoundIsASyncStateSoALongRoundWearsOutTheLinkItStartedFrom() {
        Round first = round(ok(graph.get(contacts + "/delta"), 200), Map.of());
        for (int i = 0; i < 7; i++) {
            create("Person " + i);
        }
        Map<String, String> prefer = Map.of("Prefer", "odata.maxpagesize=2");
        Round paged = round(ok(graph.send("GET", first.deltaLink().substring(SandboxCaller.ROOT.length()),
                java.util.Optional.empty(), prefer), 200), prefer);
        assertEquals(List.of(2, 2, 2, 1), paged.pageSizes());

        assertEquals(410, graph.follow(first.deltaLink(), Map.of()).status(),
                "a run that read four pages and did not store their link cannot start again from the old one");
        assertEquals(200, graph.follow(paged.deltaLink(), Map.of()).status());
    }
}

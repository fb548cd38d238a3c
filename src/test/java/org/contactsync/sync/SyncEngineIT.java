package org.contactsync.sync;

import static org.contactsync.testsupport.DemoAccess.ADMIN;
import static org.contactsync.testsupport.DemoAccess.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.contactsync.graph.DeltaRound;
import org.contactsync.graph.GraphClients;
import org.contactsync.graph.GraphConnectionSettings;
import org.contactsync.graph.OutlookContactsGateway;
import org.contactsync.graph.OutlookMailbox;
import org.contactsync.graph.OutlookWrite;
import org.contactsync.graph.WriteOutcome;
import org.contactsync.sandbox.SandboxSettings;
import org.contactsync.contact.FieldValues;
import org.contactsync.graph.OutlookContact;
import org.contactsync.contact.SyncedField;
import org.contactsync.testsupport.ContactSyncSetupPage;
import org.contactsync.testsupport.DefaultSyncFilter;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.Http;
import org.contactsync.testsupport.SandboxAdmin;
import org.contactsync.testsupport.FacesSession;
import org.contactsync.testsupport.Poll;
import org.contactsync.testsupport.TestEmployee;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine end to end in the real WAR, driven through {@code POST /api/v1/sync-runs}, against the sandbox through
 * the official SDK; Outlook is read and edited from this JVM through the graph gateway, Business Central through the
 * contacts API. Each test syncs an employee of its own ({@link TestEmployee}: its own user, mailbox and filter) and
 * makes the contacts it needs, so the tests run in any order on the server the container test classes share; those
 * that change a sandbox setting for everyone (faults, limits, mailbox rules) put it back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncEngineIT {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL base;

    private final OutlookContactsGateway gateway = new OutlookContactsGateway(new GraphClients());

    /**
     * How the sandbox hands a parallel batch's items to Exchange while this class runs (the sources disagree:
     * docs/graph-fidelity.md); {@link SyncEngineAllAtOnceIT} runs every scenario under the other setting.
     */
    String parallelDispatch() {
        return "FOUR_AT_A_TIME";
    }

    /** This test's employee, syncing its own contacts into its own mailbox. */
    private TestEmployee me;

    @BeforeEach
    void sandboxDispatchesParallelBatchesAsThisClassSaysForAnEmployeeOfThisTest() {
        admin("PUT", "/batch", "{\"parallelDispatch\":\"" + parallelDispatch() + "\"}");
        me = TestEmployee.create(base, "sync");
    }

    @AfterEach
    void sandboxDispatchesAsDocumentedAgain() {
        admin("PUT", "/batch", "{\"parallelDispatch\":\"FOUR_AT_A_TIME\"}");
    }

    // Helpers ------------------------------------------------------------------------------------------------------

    private String root() {
        return base.toString().replaceAll("/$", "");
    }

    private HttpResponse<String> api(String method, String path, String json) {
        return api(me.authorization(), method, path, json);
    }

    private HttpResponse<String> api(String who, String method, String path, String json) {
        return Http.send(HttpRequest.newBuilder(URI.create(root() + "/api/v1" + path)).header("Authorization", who)
                .header("Content-Type", path.startsWith("/contacts/") && method.equals("PATCH")
                        ? "application/merge-patch+json" : "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonObject admin(String method, String path, String json) {
        return SandboxAdmin.of(base).call(method, path, json);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private JsonObject counters(String mailbox) {
        return SandboxAdmin.of(base).counters(mailbox);
    }

    private int mailboxRequests() {
        return counters(me.mailbox()).getInt("requests");
    }

    private long mailboxRoundTrips() {
        return counters(me.mailbox()).getJsonNumber("roundTrips").longValue();
    }

    private int mailboxFaults() {
        return counters(me.mailbox()).getInt("faults");
    }

    private HttpResponse<String> startRun(String mode) {
        return api("POST", "/sync-runs", "{\"mode\":\"" + mode + "\"}");
    }

    /** Starts a run and waits for its end; the run as the API shows it then. */
    private JsonObject sync(String mode) {
        HttpResponse<String> started = startRun(mode);
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/sync-runs/" + json(started).getJsonNumber("id").longValue()));
        return awaitEnd(json(started).getJsonNumber("id").longValue());
    }

    private JsonObject awaitEnd(long id) {
        return awaitEnd(me.authorization(), id);
    }

    private JsonObject awaitEnd(String who, long id) {
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = api(who, "GET", "/sync-runs/" + id, "");
            assertEquals(200, response.statusCode(), response.body());
            JsonObject run = json(response);
            if (!run.getString("status").equals("RUNNING")) {
                return run;
            }
            Poll.pause(Duration.ofMillis(200));
        }
        throw new AssertionError("Run " + id + " did not end within " + RUN_TIMEOUT);
    }

    private static int count(JsonObject run, String kind) {
        return run.getJsonObject("counts").getInt(kind);
    }

    private static void assertSucceeded(JsonObject run) {
        assertEquals("SUCCEEDED", run.getString("status"), run.toString());
        assertEquals(0, run.getInt("failed"), run.toString());
    }

    private OutlookMailbox outlook() {
        return outlook(me.mailbox());
    }

    private OutlookMailbox outlook(String mailbox) {
        String https = "https://localhost:" + System.getProperty("it.sslport.h2");
        return gateway.open(GraphConnectionSettings.withSecret("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID,
                SandboxSettings.DEMO_SECRET, https, https + "/sandbox/graph/v1.0"), mailbox);
    }

    private List<OutlookContact> outlookFolder() {
        OutlookMailbox mailbox = outlook();
        return mailbox.listFolder(mailbox.ensureFolder("Business Central"));
    }

    private OutlookContact outlookContactOf(String no) {
        return outlookFolder().stream().filter(c -> c.stamp().equals(Optional.of(no))).findFirst()
                .orElseThrow(() -> new AssertionError("No Outlook contact stamped " + no));
    }

    /** This test's contacts (their Name starts with its employee's), read in pages of 500. */
    private List<JsonObject> myContacts() {
        List<JsonObject> all = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            HttpResponse<String> response = api("GET", "/contacts?limit=500&name=" + me.contactFirstName()
                    + "&offset=" + offset, "");
            assertEquals(200, response.statusCode(), response.body());
            List<JsonObject> page = json(response).getJsonArray("items").getValuesAs(JsonObject.class);
            all.addAll(page);
            if (page.size() < 500) {
                return all;
            }
        }
    }

    /** How many of this test's contacts its employee's sync takes to Outlook. */
    private long myContactsInScope() {
        return myContacts().stream().filter(DefaultSyncFilter::includes).count();
    }

    /** How many contacts Business Central has, this test's or not. */
    private long contactsInBusinessCentral() {
        HttpResponse<String> response = api("GET", "/contacts?limit=1", "");
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonNumber("total").longValue();
    }

    private JsonObject bcContact(String no) {
        HttpResponse<String> response = api("GET", "/contacts/" + no, "");
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static final java.util.concurrent.atomic.AtomicInteger UNIQUE = new java.util.concurrent.atomic.AtomicInteger();

    /** A new Person of this test in Business Central (its employee's filter takes it); its No. */
    private String newPerson(String surname, String email) {
        String unique = surname + " " + System.currentTimeMillis() % 100000 + "-" + UNIQUE.incrementAndGet();
        String emailJson = email.isEmpty() ? "" : ",\"email\":\"" + email + "\"";
        return newContact("{\"firstName\":\"" + me.contactFirstName() + "\",\"surname\":\"" + unique + "\""
                + emailJson + "}");
    }

    /** A new contact, this JSON as the contacts API takes it; its No. */
    private String newContact(String contactJson) {
        HttpResponse<String> created = api("POST", "/contacts", contactJson);
        assertEquals(201, created.statusCode(), created.body());
        return json(created).getString("no");
    }

    /** {@code count} new persons of this test, synced to its employee's Outlook by a first run; their Nos. */
    private List<String> syncedPersons(int count) {
        List<String> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            added.add(newPerson("Synced", uniqueEmail("synced" + i)));
        }
        JsonObject first = sync("INCREMENTAL");
        assertSucceeded(first);
        assertEquals(count, count(first, "CREATE_IN_OUTLOOK"), first.toString());
        return added;
    }

    private static String uniqueEmail(String local) {
        return local + "." + System.nanoTime() + "@example.com";
    }

    private List<JsonObject> runLog(JsonObject run) {
        HttpResponse<String> log = api("GET", "/sync-runs/" + run.getJsonNumber("id").longValue() + "/log", "");
        assertEquals(200, log.statusCode(), log.body());
        return Json.createReader(new StringReader(log.body())).readArray().getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> entriesFor(List<JsonObject> log, String field, String value) {
        return log.stream().filter(e -> e.containsKey(field) && !e.isNull(field) && e.getString(field).equals(value))
                .toList();
    }

    private void assertNoDuplicateInFolder() {
        List<OutlookContact> folder = outlookFolder();
        assertEquals(folder.size(), folder.stream().map(OutlookContact::stamp).distinct().count(), "no duplicates");
    }

    private long stampedCopies(String no) {
        return outlookFolder().stream().filter(c -> c.stamp().equals(Optional.of(no))).count();
    }

    /** Posts a contact the way the employee adds one in Outlook: straight to Graph, without the sync's stamp. */
    private String addUnstampedOutlookContact(String folderId, String contactJson) {
        HttpResponse<String> created = graph("POST", "/contactFolders/" + folderId + "/contacts", contactJson);
        assertEquals(201, created.statusCode(), created.body());
        return json(created).getString("id");
    }

    /** A Graph request on this test's mailbox, as Outlook or another client sends it, with the demo app's token. */
    private HttpResponse<String> graph(String method, String mailboxPath, String json) {
        HttpResponse<String> token = Http.send(HttpRequest.newBuilder(URI.create(root() + "/contoso-sandbox/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + SandboxSettings.DEMO_CLIENT_ID + "&client_secret=" + SandboxSettings.DEMO_SECRET
                        + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")));
        assertEquals(200, token.statusCode(), token.body());
        return Http.send(HttpRequest.newBuilder(URI.create(root() + "/sandbox/graph/v1.0/users/" + me.mailbox() + mailboxPath))
                .header("Authorization", "Bearer " + json(token).getString("access_token"))
                .header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Saves the employee's Contact Sync Setup as the admin does on its page: the page's fields as shown (its Name
     * filter among them), with this No. filter and this choice for "keep in Outlook, stop syncing".
     */
    private void saveSetup(String filterNo, boolean keepInOutlook) {
        try {
            ContactSyncSetupPage.save(FacesSession.signedIn(base, "admin", "admin-demo-2026"), me.userName(),
                    Map.of("filterNo", filterNo), new ContactSyncSetupPage.Switches(false, keepInOutlook));
        } catch (IOException e) {
            throw new AssertionError("The setup page did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // Scenarios ----------------------------------------------------------------------------------------------------

    @Test
    void theFirstSyncPutsExactlyTheInScopePersonsIntoTheBusinessCentralFolder() {
        for (int i = 0; i < 6; i++) {
            newPerson("First", uniqueEmail("first" + i));
        }
        newPerson("Mailless", "");
        newContact("{\"type\":\"Company\",\"name\":\"" + me.contactFirstName() + " Company AB\",\"email\":\""
                + uniqueEmail("company") + "\"}");
        newContact("{\"firstName\":\"" + me.contactFirstName() + "\",\"surname\":\"Blocked\",\"email\":\""
                + uniqueEmail("blocked") + "\",\"privacyBlocked\":true}");
        List<JsonObject> contacts = myContacts();
        Map<String, String> expected = contacts.stream().filter(DefaultSyncFilter::includes)
                .collect(Collectors.toMap(c -> c.getString("no"), c -> c.getString("email").toLowerCase()));
        assertTrue(expected.size() > 5 && expected.size() < contacts.size(),
                "the test's contacts are persons in scope and contacts out of scope: " + expected.size());

        JsonObject run = sync("INCREMENTAL");

        assertSucceeded(run);
        assertEquals(expected.size(), count(run, "CREATE_IN_OUTLOOK"), run.toString());
        Map<String, String> inOutlook = outlookFolder().stream().collect(Collectors.toMap(
                c -> c.stamp().orElseThrow(), c -> c.values().get(SyncedField.E_MAIL).toLowerCase()));
        assertEquals(expected, inOutlook, "one stamped Outlook contact per in-scope person, with its e-mail");

        HttpResponse<String> log = api("GET", "/sync-runs/" + run.getJsonNumber("id").longValue() + "/log", "");
        assertEquals(200, log.statusCode(), log.body());
        assertTrue(log.body().contains("\"reason\":\"NEW_IN_BC\""), log.body());
    }

    @Test
    void aMailboxInStepCostsAtMostTwoRequestsPerRun() {
        syncedPersons(3);
        sync("INCREMENTAL"); // reads back its own creates through delta once
        int before = mailboxRequests();
        long roundTripsBefore = mailboxRoundTrips();

        JsonObject run = sync("INCREMENTAL");

        assertSucceeded(run);
        int requests = mailboxRequests() - before;
        assertTrue(requests <= 2, "requests: " + requests);
        assertEquals(requests, run.getInt("graphRequests"));
        assertEquals(requests, mailboxRoundTrips() - roundTripsBefore, "no $batch in a quiet run: one request each");
        assertEquals(0, count(run, "CREATE_IN_OUTLOOK") + count(run, "UPDATE_IN_OUTLOOK")
                + count(run, "DELETE_IN_OUTLOOK") + count(run, "RECREATE_IN_OUTLOOK"), run.toString());
    }

    @Test
    void anIncrementalSyncAfterABusinessCentralEditUpdatesJustThatContact() {
        String no = syncedPersons(3).get(0);
        HttpResponse<String> edited = api("PATCH", "/contacts/" + no, "{\"jobTitle\":\"Head of Sync\"}");
        assertEquals(200, edited.statusCode(), edited.body());

        JsonObject run = sync("INCREMENTAL");

        assertSucceeded(run);
        assertEquals(1, count(run, "UPDATE_IN_OUTLOOK"), run.toString());
        assertEquals(0, count(run, "CREATE_IN_OUTLOOK"), run.toString());
        assertEquals("Head of Sync", outlookContactOf(no).values().get(SyncedField.JOB_TITLE));
    }

    @Test
    void anOutlookEditWaitsForTheFullSyncAndThenReachesBusinessCentral() {
        String no = syncedPersons(3).get(0);
        OutlookMailbox mailbox = outlook();
        String folder = mailbox.ensureFolder("Business Central");
        OutlookContact contact = outlookContactOf(no);
        // Graph replaces businessAddress whole: send its other parts as they are.
        FieldValues patch = FieldValues.empty();
        for (SyncedField field : SyncedField.CITY.sentTogether()) {
            patch = patch.with(field, contact.values().get(field));
        }
        var report = mailbox.apply(folder, List.of(new OutlookWrite.Update(contact.graphId(),
                Optional.of(contact.changeKey()), patch.with(SyncedField.CITY, "Kiruna"))));
        assertTrue(report.outcomes().get(0) instanceof WriteOutcome.Updated, report.toString());

        JsonObject incremental = sync("INCREMENTAL");
        assertSucceeded(incremental);
        assertEquals(0, count(incremental, "UPDATE_IN_BC"), incremental.toString());
        assertFalse(bcContact(no).getString("city").equals("Kiruna"), "incremental writes nothing to BC");

        JsonObject full = sync("FULL");
        assertSucceeded(full);
        assertEquals(1, count(full, "UPDATE_IN_BC"), full.toString());
        assertEquals("Kiruna", bcContact(no).getString("city"));
    }

    @Test
    void aContactDeletedInOutlookIsRecreated() {
        String no = syncedPersons(3).get(0);
        OutlookMailbox mailbox = outlook();
        String folder = mailbox.ensureFolder("Business Central");
        OutlookContact contact = outlookContactOf(no);
        mailbox.apply(folder, List.of(new OutlookWrite.Delete(contact.graphId())));

        JsonObject run = sync("INCREMENTAL");

        assertSucceeded(run);
        assertEquals(1, count(run, "RECREATE_IN_OUTLOOK"), run.toString());
        OutlookContact recreated = outlookContactOf(no);
        assertFalse(recreated.graphId().equals(contact.graphId()));
        assertEquals(1, outlookFolder().stream().filter(c -> c.stamp().equals(Optional.of(no))).count());
    }

    @Test
    void aContactDeletedInBusinessCentralIsRemovedFromOutlook() {
        String no = syncedPersons(3).get(0);
        HttpResponse<String> deleted = api("DELETE", "/contacts/" + no, "");
        assertEquals(204, deleted.statusCode(), deleted.body());

        JsonObject run = sync("INCREMENTAL");

        assertSucceeded(run);
        assertEquals(1, count(run, "DELETE_IN_OUTLOOK"), run.toString());
        assertTrue(outlookFolder().stream().noneMatch(c -> c.stamp().equals(Optional.of(no))));
    }

    @Test
    void aSecondStartWhileARunIsGoingIsRefusedWithThatRunsId() {
        syncedPersons(3);
        admin("PUT", "/limits", "{\"latencyMillis\":1500}");
        try {
            HttpResponse<String> first = startRun("FULL");
            assertEquals(202, first.statusCode(), first.body());
            long running = json(first).getJsonNumber("id").longValue();

            HttpResponse<String> second = startRun("INCREMENTAL");

            assertEquals(409, second.statusCode(), second.body());
            assertTrue(second.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertTrue(second.body().contains("already running") && second.body().contains("run " + running),
                    second.body());
            assertSucceeded(awaitEnd(running));
        } finally {
            admin("PUT", "/limits", "{\"latencyMillis\":0}");
        }
        assertSucceeded(sync("INCREMENTAL"));
    }

    @Test
    void anExpiredDeltaLinkLeadsToAFullReconciliationWithoutDuplicates() {
        syncedPersons(3);
        admin("POST", "/mailboxes/" + me.mailbox() + "/delta-tokens/expire", "");

        JsonObject run = sync("INCREMENTAL");

        assertSucceeded(run);
        assertEquals(0, count(run, "CREATE_IN_OUTLOOK") + count(run, "RECREATE_IN_OUTLOOK"), run.toString());
        List<OutlookContact> folder = outlookFolder();
        assertEquals(folder.size(), folder.stream().map(OutlookContact::stamp).distinct().count(),
                "one Outlook contact per Business Central contact");
        assertEquals(myContactsInScope(), folder.size());
    }

    @Test
    void aMailboxThatKeepsThrottlingPostponesTheRunAndTheNextRunCarriesItOut() {
        String no = syncedPersons(3).get(0);
        HttpResponse<String> edited = api("PATCH", "/contacts/" + no, "{\"jobTitle\":\"Postponed Title\"}");
        assertEquals(200, edited.statusCode(), edited.body());
        admin("PUT", "/faults", "{\"probability\":1,\"kinds\":[\"THROTTLED\"]}");
        JsonObject postponed;
        try {
            postponed = sync("INCREMENTAL");
        } finally {
            admin("PUT", "/faults", "{\"probability\":0}");
        }
        assertEquals("POSTPONED", postponed.getString("status"), postponed.toString());

        JsonObject resumed = sync("INCREMENTAL");

        assertSucceeded(resumed);
        assertEquals(1, count(resumed, "UPDATE_IN_OUTLOOK"), resumed.toString());
        assertEquals("Postponed Title", outlookContactOf(no).values().get(SyncedField.JOB_TITLE));
    }

    @Test
    void aSyncFolderDeletedInOutlookIsMadeAgainWithItsContacts() {
        syncedPersons(3);
        long inScope = myContactsInScope();
        admin("POST", "/mailboxes/" + me.mailbox() + "/reset", "");

        JsonObject run = sync("INCREMENTAL");

        assertSucceeded(run);
        assertEquals(inScope, count(run, "RECREATE_IN_OUTLOOK"), run.toString());
        assertEquals(inScope, outlookFolder().size());
    }

    @Test
    void employeesSyncAndSeeOnlyThemselvesAndAdminsAnyone() {
        String other = TestEmployee.create(base, "other").authorization();
        long myRun = sync("INCREMENTAL").getJsonNumber("id").longValue();

        assertEquals(404, api(other, "GET", "/sync-runs/" + myRun, "").statusCode());
        assertEquals(404, api(other, "GET", "/sync-runs/" + myRun + "/log", "").statusCode());
        HttpResponse<String> otherForMe = api(other, "POST", "/sync-runs", "{\"userName\":\"" + me.userName() + "\"}");
        assertEquals(403, otherForMe.statusCode(), otherForMe.body());
        HttpResponse<String> badMode = api("POST", "/sync-runs", "{\"mode\":\"SOMETIMES\"}");
        assertEquals(400, badMode.statusCode(), badMode.body());
        assertTrue(badMode.body().contains("mode"), badMode.body());

        assertEquals(200, api(ADMIN, "GET", "/sync-runs/" + myRun, "").statusCode());
        HttpResponse<String> adminForMe = api(ADMIN, "POST", "/sync-runs", "{\"userName\":\"" + me.userName() + "\"}");
        assertEquals(202, adminForMe.statusCode(), adminForMe.body());
        JsonObject run = awaitEnd(json(adminForMe).getJsonNumber("id").longValue());
        assertSucceeded(run);
        assertEquals("admin", run.getString("startedBy"));
        assertEquals(me.userName(), run.getString("userName"));
    }

    @Test
    void aStormOf503sDuringASyncLeavesExactlyOneOutlookCopyOfEachContact() {
        syncedPersons(2);
        List<String> added = List.of(newPerson("Storm", uniqueEmail("storm1")), newPerson("Storm", uniqueEmail("storm2")),
                newPerson("Storm", uniqueEmail("storm3")));
        int faultsBefore = mailboxFaults();
        admin("PUT", "/faults", "{\"script\":[\"UNAVAILABLE\",\"UNAVAILABLE\",\"UNAVAILABLE\",\"UNAVAILABLE\"]}");
        List<JsonObject> runs = new ArrayList<>();
        try {
            runs.add(sync("INCREMENTAL"));
        } finally {
            admin("PUT", "/faults", "{\"probability\":0}");
        }
        assertEquals(4, mailboxFaults() - faultsBefore, "the mailbox answered 503 four times");
        if (runs.get(0).getString("status").equals("POSTPONED")) {
            assertFalse(runs.get(0).getString("message", "").isBlank(), "a postponed run says why: " + runs.get(0));
            runs.add(sync("INCREMENTAL"));
        }

        assertSucceeded(runs.get(runs.size() - 1));
        for (String no : added) {
            assertEquals(1, stampedCopies(no), "one Outlook copy of " + no);
            long created = runs.stream().flatMap(run -> entriesFor(runLog(run), "contactNo", no).stream())
                    .filter(e -> e.getString("action").equals("CREATE_IN_OUTLOOK")).count();
            assertEquals(1, created, "the log records the one create of " + no);
        }
        List<OutlookContact> folder = outlookFolder();
        assertEquals(folder.size(), folder.stream().map(OutlookContact::stamp).distinct().count(), "no duplicates");
        assertEquals(myContactsInScope(), folder.size(), "nothing lost");
    }

    @Test
    void theSameFieldEditedOnBothSidesEndsWithBusinessCentralsValueAndAConflictInTheLog() {
        String no = newPerson("Both", uniqueEmail("both"));
        assertSucceeded(sync("INCREMENTAL"));
        OutlookMailbox mailbox = outlook();
        String folder = mailbox.ensureFolder("Business Central");
        OutlookContact contact = outlookContactOf(no);
        var report = mailbox.apply(folder, List.of(new OutlookWrite.Update(contact.graphId(),
                Optional.of(contact.changeKey()), FieldValues.empty().with(SyncedField.JOB_TITLE, "Outlook Title"))));
        assertTrue(report.outcomes().get(0) instanceof WriteOutcome.Updated, report.toString());
        HttpResponse<String> edited = api("PATCH", "/contacts/" + no, "{\"jobTitle\":\"BC Title\"}");
        assertEquals(200, edited.statusCode(), edited.body());

        JsonObject run = sync("FULL");

        assertSucceeded(run);
        assertEquals("BC Title", bcContact(no).getString("jobTitle"));
        assertEquals("BC Title", outlookContactOf(no).values().get(SyncedField.JOB_TITLE));
        List<JsonObject> entries = entriesFor(runLog(run), "contactNo", no);
        assertTrue(entries.stream().anyMatch(e -> e.getString("action").equals("CONFLICT")
                && e.getString("reason").equals("CHANGED_ON_BOTH_SIDES")), entries.toString());
    }

    @Test
    void anEmailChangedInBusinessCentralKeepsTheOutlookContactAndItsLink() {
        String no = newPerson("Moved", uniqueEmail("old"));
        assertSucceeded(sync("INCREMENTAL"));
        String graphId = outlookContactOf(no).graphId();
        String newEmail = uniqueEmail("new");
        HttpResponse<String> edited = api("PATCH", "/contacts/" + no, "{\"email\":\"" + newEmail + "\"}");
        assertEquals(200, edited.statusCode(), edited.body());

        JsonObject run = sync("INCREMENTAL");

        assertSucceeded(run);
        OutlookContact contact = outlookContactOf(no);
        assertEquals(graphId, contact.graphId(), "the same Outlook contact");
        assertEquals(newEmail, contact.values().get(SyncedField.E_MAIL));
        assertEquals(1, stampedCopies(no), "no second Outlook contact");
    }

    @Test
    void contactsWithoutAnEmailAddressAreNeitherImportedNorSent() {
        syncedPersons(1);
        String withoutEmail = newPerson("Mailless", "");
        String folder = outlook().ensureFolder("Business Central");
        String graphId = addUnstampedOutlookContact(folder,
                "{\"givenName\":\"Nomail\",\"surname\":\"Outlooker\",\"displayName\":\"Nomail Outlooker\"}");
        long before = contactsInBusinessCentral();

        JsonObject run = sync("FULL");

        assertSucceeded(run);
        assertEquals(0, count(run, "CREATE_IN_BC"), run.toString());
        assertEquals(before, contactsInBusinessCentral(), "nothing imported");
        assertEquals(0, stampedCopies(withoutEmail), "the person without e-mail is not sent");
        List<JsonObject> entries = entriesFor(runLog(run), "graphId", graphId);
        assertTrue(entries.stream().anyMatch(e -> e.getString("reason").equals("NO_EMAIL")
                && e.getString("outlookContact").equals("Nomail Outlooker")), "the log names it: " + entries);
    }

    @Test
    void contactsThatLeaveTheFilterLeaveTheFolderAndComeBackWhenItIsWidenedAgain() {
        String leaving = newPerson("Filtered", uniqueEmail("leaving"));
        String alsoLeaving = newPerson("Filtered", uniqueEmail("alsoleaving"));
        String staying = newPerson("Filtered", uniqueEmail("staying"));
        assertSucceeded(sync("INCREMENTAL"));
        assertEquals(1, stampedCopies(leaving));

        saveSetup("<>" + leaving + "&<>" + alsoLeaving, false);
        JsonObject narrowed;
        try {
            narrowed = sync("INCREMENTAL");
        } finally {
            saveSetup("", false);
        }

        assertSucceeded(narrowed);
        assertEquals(2, count(narrowed, "DELETE_IN_OUTLOOK"), narrowed.toString());
        assertEquals(0, stampedCopies(leaving));
        assertEquals(0, stampedCopies(alsoLeaving));
        assertEquals(1, stampedCopies(staying));
        assertTrue(entriesFor(runLog(narrowed), "contactNo", leaving).stream().anyMatch(e ->
                e.getString("action").equals("DELETE_IN_OUTLOOK") && e.getString("reason").equals("OUTSIDE_FILTER")));

        JsonObject widened = sync("INCREMENTAL");

        assertSucceeded(widened);
        assertEquals(2, count(widened, "CREATE_IN_OUTLOOK"), widened.toString());
        for (String no : List.of(leaving, alsoLeaving, staying)) {
            assertEquals(1, stampedCopies(no), "one Outlook copy of " + no);
        }
        assertNoDuplicateInFolder();
    }

    @Test
    void withKeepInOutlookAContactThatLeavesTheFilterStaysInOutlookUnsyncedAndIsLinkedAgainWhenBack() {
        String kept = newPerson("Kept", uniqueEmail("kept"));
        assertSucceeded(sync("INCREMENTAL"));
        String graphId = outlookContactOf(kept).graphId();

        saveSetup("<>" + kept, true);
        JsonObject narrowed;
        JsonObject unsynced;
        try {
            narrowed = sync("INCREMENTAL");
            HttpResponse<String> edited = api("PATCH", "/contacts/" + kept, "{\"jobTitle\":\"Left Behind\"}");
            assertEquals(200, edited.statusCode(), edited.body());
            unsynced = sync("INCREMENTAL");
        } finally {
            saveSetup("", false);
        }

        assertSucceeded(narrowed);
        assertEquals(0, count(narrowed, "DELETE_IN_OUTLOOK"), narrowed.toString());
        assertEquals(1, count(narrowed, "UNLINK"), narrowed.toString());
        assertTrue(entriesFor(runLog(narrowed), "contactNo", kept).stream()
                .anyMatch(e -> e.getString("reason").equals("KEPT_IN_OUTLOOK")), runLog(narrowed).toString());
        assertSucceeded(unsynced);
        assertEquals(0, count(unsynced, "UPDATE_IN_OUTLOOK"), unsynced.toString());
        OutlookContact keptInOutlook = outlookContactOf(kept);
        assertEquals(graphId, keptInOutlook.graphId(), "the same Outlook contact stays");
        assertFalse(keptInOutlook.values().get(SyncedField.JOB_TITLE).equals("Left Behind"), "no longer synced");

        JsonObject back = sync("INCREMENTAL");

        assertSucceeded(back);
        assertEquals(0, count(back, "CREATE_IN_OUTLOOK"), back.toString());
        assertEquals(1, stampedCopies(kept), "linked again, not created again");
        assertEquals(graphId, outlookContactOf(kept).graphId());
        assertNoDuplicateInFolder();
    }

    /** Runs one sync with the sandbox answering these faults (see FaultKind), then serves without faults again. */
    private JsonObject syncWithFaults(String... script) {
        String kinds = java.util.Arrays.stream(script).map(k -> "\"" + k + "\"").collect(Collectors.joining(","));
        admin("PUT", "/faults", "{\"script\":[" + kinds + "]}");
        try {
            return sync("INCREMENTAL");
        } finally {
            admin("PUT", "/faults", "{\"probability\":0}");
        }
    }

    @Test
    void writesCarriedOutWhoseAnswersWereLostEndLinkedOnceAndTheLogSaysHowTheyWereFound() {
        syncedPersons(1); // the folder exists: the lost answers are those of the contacts' writes
        List<String> added = List.of(newPerson("Lost", uniqueEmail("lost1")), newPerson("Lost", uniqueEmail("lost2")));
        int faultsBefore = mailboxFaults();

        // The batch of creates is carried out, then answered 503: repeating it would make every contact twice.
        JsonObject created = syncWithFaults("APPLIED_THEN_503");

        assertEquals(1, mailboxFaults() - faultsBefore, "the batch's answer was lost");
        assertSucceeded(created);
        for (String no : added) {
            assertEquals(1, stampedCopies(no), "one Outlook copy of " + no);
            List<JsonObject> entries = entriesFor(runLog(created), "contactNo", no);
            assertEquals(1, entries.size(), entries.toString());
            assertEquals("CREATE_IN_OUTLOOK", entries.get(0).getString("action"));
            assertTrue(entries.get(0).getString("detail", "").contains("found in Outlook by its stamp, linked"),
                    entries.toString());
        }

        // An update and a delete, each carried out and then answered 500 inside the batch.
        HttpResponse<String> edited = api("PATCH", "/contacts/" + added.get(0), "{\"jobTitle\":\"Lost Answer\"}");
        assertEquals(200, edited.statusCode(), edited.body());
        HttpResponse<String> deleted = api("DELETE", "/contacts/" + added.get(1), "");
        assertEquals(204, deleted.statusCode(), deleted.body());

        JsonObject changed = syncWithFaults("ITEM_APPLIED_THEN_500", "ITEM_APPLIED_THEN_500");

        assertEquals(3, mailboxFaults() - faultsBefore, "both items' answers were lost");
        assertSucceeded(changed);
        assertEquals(1, count(changed, "UPDATE_IN_OUTLOOK"), changed.toString());
        assertEquals(1, count(changed, "DELETE_IN_OUTLOOK"), changed.toString());
        assertEquals("Lost Answer", outlookContactOf(added.get(0)).values().get(SyncedField.JOB_TITLE));
        assertEquals(0, stampedCopies(added.get(1)), "deleted once, not left behind");
        assertTrue(entriesFor(runLog(changed), "contactNo", added.get(0)).get(0).getString("detail", "")
                .contains("answer was lost"), runLog(changed).toString());

        JsonObject next = sync("INCREMENTAL");
        assertSucceeded(next);
        for (String kind : List.of("CREATE_IN_OUTLOOK", "RECREATE_IN_OUTLOOK", "UPDATE_IN_OUTLOOK", "DELETE_IN_OUTLOOK",
                "LINK", "RELINK", "REFRESH_LINK")) {
            assertEquals(0, count(next, kind), "nothing left to repair: " + next);
        }
        assertNoDuplicateInFolder();
        assertEquals(myContactsInScope(), outlookFolder().size(), "nothing lost");
    }

    @Test
    void aSyncFolderDeletedInOutlookStaysInDeletedItemsAndTheNextSyncFilesTheContactsInAFreshFolder() {
        String no = syncedPersons(3).get(0);
        long inScope = myContactsInScope();
        String trashed = outlook().ensureFolder("Business Central");
        assertEquals(204, graph("DELETE", "/contactFolders/" + trashed, "").statusCode());
        HttpResponse<String> edited = api("PATCH", "/contacts/" + no, "{\"jobTitle\":\"Filed Afresh\"}");
        assertEquals(200, edited.statusCode(), edited.body());

        JsonObject run = sync("INCREMENTAL");

        assertSucceeded(run);
        assertTrue(run.getString("message").contains("no longer among your contact folders"), run.toString());
        String fresh = outlook().ensureFolder("Business Central");
        assertFalse(fresh.equals(trashed), "a new folder");
        assertEquals(inScope, outlookFolder().size(), "every linked contact is in the new folder");
        assertNoDuplicateInFolder();
        assertEquals("Filed Afresh", outlookContactOf(no).values().get(SyncedField.JOB_TITLE));
        HttpResponse<String> inTrash = graph("GET", "/contactFolders/" + trashed + "/contacts?$top=1000&$select="
                + "jobTitle", "");
        assertEquals(200, inTrash.statusCode(), "the deleted folder is still in Deleted Items: " + inTrash.body());
        assertTrue(json(inTrash).getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .noneMatch(c -> c.getString("jobTitle", "").equals("Filed Afresh")), "nothing written into the trash");

        admin("PUT", "/mailbox-rules", "{\"deletedFolders\":\"NOT_FOUND\"}");
        try {
            assertEquals(204, graph("DELETE", "/contactFolders/" + fresh, "").statusCode());
            JsonObject again = sync("INCREMENTAL");
            assertSucceeded(again);
            assertEquals(inScope, count(again, "RECREATE_IN_OUTLOOK"), again.toString());
        } finally {
            admin("PUT", "/mailbox-rules", "{\"deletedFolders\":\"ADDRESSABLE\"}");
        }
        assertEquals(inScope, outlookFolder().size(), "also when a deleted folder answers 404 by its id");
        assertNoDuplicateInFolder();
    }

    @Test
    void runsThatReadNoOutlookChangeButDidNotFinishDoNotWearOutTheDeltaLink() {
        String no = syncedPersons(3).get(0);
        assertSucceeded(sync("INCREMENTAL")); // reads back its own creates through delta once
        HttpResponse<String> edited = api("PATCH", "/contacts/" + no, "{\"jobTitle\":\"Worth The Wait\"}");
        assertEquals(200, edited.statusCode(), edited.body());
        // Exchange keeps three sync states per folder (microsoft-graph-docs issue 2350) and each delta page makes
        // one: three runs that each read a delta round and then could not write, because the $batch carrying the
        // update was answered 429 with a Retry-After beyond the run's budget (the script's third request: the
        // folder check and the delta read go through). Graph ran none of it; the run ends postponed.
        admin("PUT", "/limits", "{\"retryAfterSeconds\":600}");
        try {
            for (int i = 0; i < 3; i++) {
                admin("PUT", "/faults", "{\"script\":[\"SLOW\",\"SLOW\",\"THROTTLED\"],\"slowMillis\":0}");
                JsonObject postponed = sync("INCREMENTAL");
                assertEquals("POSTPONED", postponed.getString("status"), postponed.toString());
                assertEquals(0, count(postponed, "UPDATE_IN_OUTLOOK"), "logged as not carried out: " + postponed);
                assertEquals(3, postponed.getInt("graphRequests"), "folder check, delta read, the throttled "
                        + "$batch, nothing after it: " + postponed);
            }
        } finally {
            admin("PUT", "/faults", "{\"probability\":0}");
            admin("PUT", "/limits", "{\"retryAfterSeconds\":1}");
        }

        JsonObject resumed = sync("INCREMENTAL");

        assertSucceeded(resumed);
        assertEquals(1, count(resumed, "UPDATE_IN_OUTLOOK"), resumed.toString());
        assertEquals("Worth The Wait", outlookContactOf(no).values().get(SyncedField.JOB_TITLE));
        assertTrue(resumed.getInt("graphRequests") <= 3, "folder check, delta from the kept link, one batch; no "
                + "expired link and complete listing: " + resumed.getInt("graphRequests"));
    }

    @Test
    void aDeltaLinkGraphCannotReadStartsTheRoundOverInsteadOfFailing() {
        syncedPersons(1);
        OutlookMailbox mailbox = outlook();
        String folder = mailbox.ensureFolder("Business Central");
        DeltaRound.Changes round = (DeltaRound.Changes) mailbox.delta(folder, Optional.empty());
        String garbled = round.deltaLink().replaceAll("\\$deltatoken=[^&]*", "\\$deltatoken=garbled");

        DeltaRound answer = mailbox.delta(folder, Optional.of(garbled));

        assertTrue(answer instanceof DeltaRound.Expired, answer.toString());
    }

    @Test
    void theMassDeleteGuardStopsARunThatWouldEmptyTheFolderUntilItIsConfirmed() {
        syncedPersons(22);
        List<String> synced = myContacts().stream().filter(DefaultSyncFilter::includes).map(c -> c.getString("no"))
                .sorted().toList();
        List<String> doomed = synced.subList(0, synced.size() / 2 + 1);
        assertTrue(doomed.size() > 10, "more than 10 deletes: " + doomed.size());
        doomed.forEach(no -> assertEquals(204, api("DELETE", "/contacts/" + no, "").statusCode()));

        JsonObject preview = awaitEnd(json(api("POST", "/sync-runs", "{\"preview\":true}")).getJsonNumber("id")
                .longValue());
        assertSucceeded(preview);
        assertTrue(preview.getBoolean("preview"));
        assertEquals(doomed.size(), count(preview, "DELETE_IN_OUTLOOK"), preview.toString());
        assertEquals(synced.size(), outlookFolder().size(), "a preview writes nothing");

        JsonObject blocked = sync("INCREMENTAL");
        assertEquals("BLOCKED_BY_GUARD", blocked.getString("status"), blocked.toString());
        assertEquals(doomed.size(), blocked.getInt("guardDeletes"));
        assertEquals(synced.size(), outlookFolder().size(), "a blocked run deletes nothing");

        HttpResponse<String> confirmed = api("POST", "/sync-runs", "{\"confirmMassDelete\":true}");
        assertEquals(202, confirmed.statusCode(), confirmed.body());
        JsonObject run = awaitEnd(json(confirmed).getJsonNumber("id").longValue());
        assertSucceeded(run);
        assertEquals(doomed.size(), count(run, "DELETE_IN_OUTLOOK"), run.toString());
        assertEquals(synced.size() - doomed.size(), outlookFolder().size());
    }

    @Test
    void aFirstSyncOfOverAThousandContactsTakesAtMostSixtyRequestsAndThenOneOrTwo() {
        for (int i = 1; i <= 1000; i++) {
            newPerson(String.format("Load %04d", i), uniqueEmail(String.format("load%04d", i)));
        }
        newPerson("Load 1001", uniqueEmail("load1001"));
        long inScope = myContactsInScope();
        assertTrue(inScope > 1000, "in scope: " + inScope);

        // The targets count HTTP requests to Graph (a $batch of 20 is one): the sandbox's round trips are the
        // oracle; the run's own count must agree with them.
        long before = mailboxRoundTrips();
        JsonObject first = sync("INCREMENTAL");
        long firstRoundTrips = mailboxRoundTrips() - before;

        assertSucceeded(first);
        assertEquals(inScope, count(first, "CREATE_IN_OUTLOOK"), first.toString());
        assertTrue(firstRoundTrips <= 60, "first sync round trips: " + firstRoundTrips);
        assertEquals(firstRoundTrips, first.getInt("graphRequests"), "the run counts what the mailbox saw");
        assertSucceeded(sync("INCREMENTAL")); // reads back its own creates through delta once
        before = mailboxRoundTrips();
        JsonObject inStep = sync("INCREMENTAL");
        long inStepRoundTrips = mailboxRoundTrips() - before;
        assertSucceeded(inStep);
        assertTrue(inStepRoundTrips <= 2, "in-step round trips: " + inStepRoundTrips);
        assertEquals(inStepRoundTrips, inStep.getInt("graphRequests"), "the run counts what the mailbox saw");
    }


    @Test
    void onlyAnAdminMovesAnEmployeesSyncToAnotherMailboxWhereItStartsAfresh() throws Exception {
        for (int i = 0; i < 3; i++) {
            newPerson("Moving", uniqueEmail("moving" + i));
        }
        JsonObject first = sync("FULL");
        assertSucceeded(first);
        int created = outlookFolder().size();
        assertTrue(created > 0, first.toString());
        String newMailbox = TestEmployee.unusedMailbox(base);

        // An employee points their own card at another mailbox (the demo employee bob): the field is read-only for
        // them, and the service refuses it.
        FacesSession bob = FacesSession.signedIn(base, "bob", "bob-demo-2026");
        String bobsCard = bob.get("users/card.xhtml").body();
        assertTrue(Pattern.compile("id=\"cardForm:authenticationEmail\"[^>]*readonly").matcher(bobsCard).find(),
                "read-only for an employee");
        assertTrue(bobsCard.contains("Microsoft 365 Authentication"), "in its own section, as in Business Central");
        Map<String, String> fields = FacesSession.textInputsOf(bobsCard, "cardForm");
        fields.put("cardForm:authenticationEmail", newMailbox);
        bob.ajax("users/card.xhtml", bobsCard, "cardForm", "cardForm:save", fields);
        assertEquals("bob@contoso.example", json(api(BOB, "GET", "/me", "")).getString("authenticationEmail"));

        // The admin gives this test's employee another mailbox.
        saveCard(FacesSession.signedIn(base, "admin", "admin-demo-2026"), me.userName(), newMailbox, "EMPLOYEE");
        assertEquals(newMailbox, json(api("GET", "/me", "")).getString("authenticationEmail"));

        int oldMailboxBefore = counters(me.mailbox()).getInt("requests");
        int newMailboxBefore = counters(newMailbox).getInt("requests");
        JsonObject inNewMailbox = sync("INCREMENTAL");

        assertSucceeded(inNewMailbox);
        assertEquals(created, count(inNewMailbox, "CREATE_IN_OUTLOOK"), "a fresh start: " + inNewMailbox);
        assertEquals(oldMailboxBefore, counters(me.mailbox()).getInt("requests"), "the old mailbox is left alone");
        assertTrue(counters(newMailbox).getInt("requests") > newMailboxBefore);
        OutlookMailbox moved = outlook(newMailbox);
        assertEquals(created, moved.listFolder(moved.ensureFolder("Business Central")).size());
    }

    /** Saves a user card as the admin does on its page: enabled, with one role and this Microsoft 365 e-mail. */
    private static void saveCard(FacesSession admin, String userName, String email, String role) throws Exception {
        String path = "users/card.xhtml?userName=" + userName;
        String card = admin.get(path).body();
        Map<String, String> fields = FacesSession.textInputsOf(card, "cardForm");
        fields.put("cardForm:authenticationEmail", email);
        fields.put("cardForm:state_input", "true");
        fields.put("cardForm:roles", role);
        String saved = admin.ajax(path, card, "cardForm", "cardForm:save", fields);
        assertTrue(saved.contains("The user card was saved."), saved);
    }
}

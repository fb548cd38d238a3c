package org.contactsync.jobqueue;

import static org.contactsync.testsupport.DemoAccess.ADMIN;
import static org.contactsync.testsupport.DemoAccess.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.contactsync.testsupport.ContactSyncSetupPage;
import org.contactsync.testsupport.ContactSyncSetupPage.Switches;
import org.contactsync.testsupport.DefaultSyncFilter;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.FacesSession;
import org.contactsync.testsupport.Http;
import org.contactsync.testsupport.Poll;
import org.contactsync.testsupport.TestEmployee;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The job queue in the real WAR on its own timers, against the sandbox, with time scaled (arquillian.xml: a "minute
 * between runs" lasts 2 s, a heartbeat every second). An administrator works through the pages and the REST API;
 * the contact sync job (codeunit 6700) syncs the employees with background synchronization on. Each test makes the
 * entries and employees it needs ({@link TestEmployee}) and, as it ends, puts its entries On Hold and background
 * synchronization off again: the job syncs every employee who has it on, on the server the container test classes
 * share, so no employee but a running test's has it on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JobQueueIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL base;

    private HttpResponse<String> api(String who, String method, String path, String json) {
        return Http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/api/v1" + path))
                .header("Authorization", who).header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonObject adminJson(String method, String path, String json) {
        var response = api(ADMIN, method, path, json);
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private JsonObject entry(long id) {
        return adminJson("GET", "/job-queue-entries/" + id, "");
    }

    private List<JsonObject> log(long id) {
        var response = api(ADMIN, "GET", "/job-queue-entries/" + id + "/log-entries", "");
        assertEquals(200, response.statusCode(), response.body());
        JsonArray array = Json.createReader(new StringReader(response.body())).readArray();
        return array.getValuesAs(JsonObject.class);
    }

    /** A new entry for codeunit 6700: recurring every minute, every day; On Hold until set Ready. */
    private long everyMinute(int maxAttempts) {
        var response = api(ADMIN, "POST", "/job-queue-entries", "{\"description\":\"Every minute\",\"objectId\":6700,"
                + "\"recurring\":true,\"runOnDays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\","
                + "\"SATURDAY\",\"SUNDAY\"],\"minutesBetweenRuns\":1,\"maxAttempts\":" + maxAttempts
                + ",\"rerunDelaySeconds\":1}");
        assertEquals(201, response.statusCode(), response.body());
        var created = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("ON_HOLD", created.getString("status"));
        return created.getJsonNumber("id").longValue();
    }

    private static <T> T await(String what, java.util.function.Supplier<T> probe, Predicate<T> done) {
        return Poll.until(what, PATIENCE, probe, done);
    }

    /** JSON-B leaves null properties out. */
    private static boolean absent(JsonObject json, String key) {
        return !json.containsKey(key) || json.isNull(key);
    }

    private static boolean ended(JsonObject logEntry) {
        return !logEntry.getString("status").equals("IN_PROCESS");
    }

    /** Turns on Enable Background Synchronization on {@code userName}'s Contact Sync Setup, as its page does. */
    static String enableBackgroundSync(FacesSession session, String userName) throws Exception {
        return ContactSyncSetupPage.save(session, userName, java.util.Map.of(), new Switches(true, false));
    }

    /** Background synchronization off again, so that the job syncs no employee of an ended test. */
    static void disableBackgroundSync(FacesSession session, String userName) throws Exception {
        ContactSyncSetupPage.save(session, userName, java.util.Map.of(), Switches.NONE);
    }

    /** Sets the entry On Hold and waits until no run of it is in process. */
    private void holdAndSettle(long id) {
        adminJson("POST", "/job-queue-entries/" + id + "/set-on-hold", "");
        await("the entry's last run to end", () -> log(id), log -> log.stream().allMatch(JobQueueIT::ended));
    }

    @Test
    void theDefaultEntryStartsOnHoldAndAnAdministratorSetsItReadyOnItsCardAndSeesItsNextRun() throws Exception {
        var admin = FacesSession.signedIn(base, "admin", "admin-demo-2026");
        var list = admin.get("admin/job-queue-entries.xhtml");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("O365 Sync. Management"), "the default entry runs codeunit 6700");
        assertTrue(list.body().contains(">On Hold<"), list.body());
        assertTrue(list.body().contains(">Not scheduled<"));

        var cardPath = "admin/job-queue-entry.xhtml?id=1";
        // Other tests may have run it once (Run Once): its first scheduled run is the log entry after theirs.
        int runsBefore = log(1).size();
        var card = admin.get(cardPath).body();
        assertTrue(card.contains("No. of Minutes between Runs") && card.contains("value=\"1440\""), card);
        var ready = admin.ajax(cardPath, card, "cardForm", "cardForm:setReady", java.util.Map.of());
        assertTrue(ready.contains("The entry is Ready; it runs next at"), ready);
        assertTrue(ready.contains(">Ready<"), ready);
        var entry = entry(1);
        assertEquals("READY", entry.getString("status"));
        assertEquals("admin", entry.getString("userId"), "it now runs for the administrator who set it Ready");
        assertFalse(absent(entry, "nextRunAt"));

        // Nobody has background sync on yet: the first run succeeds with nothing to do, then waits a scaled day.
        var first = await("the default entry's first run", () -> log(1),
                runs -> runs.size() > runsBefore && ended(runs.get(0))).get(0);
        assertEquals("SUCCESS", first.getString("status"), first.toString());
        assertEquals("No employee has background synchronization enabled.", first.getString("message"));
        assertFalse(absent(first, "scheduledAt"), "a scheduled run names its slot: " + first);
        var onHold = admin.ajax(cardPath, admin.get(cardPath).body(), "cardForm", "cardForm:setOnHold",
                java.util.Map.of());
        assertTrue(onHold.contains(">On Hold<"), onHold);

        var once = adminJson("POST", "/job-queue-entries/1/run-once", "");
        assertEquals("SUCCESS", once.getString("status"), "Run Once (foreground) answers when the run has ended");
        assertTrue(once.getString("message").startsWith("Run once in the foreground by admin"), once.toString());
        assertTrue(absent(once, "scheduledAt"), "Run Once is for no slot: " + once);
        assertEquals("ON_HOLD", entry(1).getString("status"), "Run Once leaves the status as it was");

        var alice = FacesSession.signedIn(base, "alice", "alice-demo-2026");
        assertEquals(403, alice.get("admin/job-queue-entries.xhtml").statusCode());
        assertEquals(403, api(ALICE, "GET", "/job-queue-entries", "").statusCode());
        var setup = alice.get("exchange/contact-sync-setup.xhtml").body();
        assertTrue(setup.contains("Not scheduled: background synchronization is off."), setup);
    }

    @Test
    void impossibleRecurrencesAreRefusedFieldByField() {
        var response = api(ADMIN, "POST", "/job-queue-entries", "{\"objectId\":6700,\"recurring\":true,"
                + "\"runOnDays\":[],\"startingTime\":\"17:00\",\"endingTime\":\"08:00\",\"minutesBetweenRuns\":0}");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("A recurring job must run on at least one weekday."), response.body());
        assertTrue(response.body().contains("The Ending Time must be later than the Starting Time."));
        assertTrue(response.body().contains("No. of Minutes between Runs above 0"));
        var unknown = api(ADMIN, "POST", "/job-queue-entries", "{\"objectId\":4242}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("Codeunit 4242 is not a job this application can run."), unknown.body());
    }

    @Test
    void aReadyEntryEveryMinuteSyncsTheEmployeesWithBackgroundSyncLogsSuccessAndReschedules() throws Exception {
        var employee = TestEmployee.create(base, "queued");
        for (int i = 0; i < 3; i++) {
            var created = api(ADMIN, "POST", "/contacts", "{\"firstName\":\"" + employee.contactFirstName()
                    + "\",\"surname\":\"Queued " + i + "\",\"email\":\"queued" + i + "." + System.nanoTime()
                    + "@example.com\"}");
            assertEquals(201, created.statusCode(), created.body());
        }
        long inScope = contactsOf(employee).stream().filter(DefaultSyncFilter::includes).count();
        var admin = FacesSession.signedIn(base, "admin", "admin-demo-2026");
        var setup = enableBackgroundSync(admin, employee.userName());
        long id = -1;
        try {
            assertTrue(setup.contains("Not scheduled: no job queue entry for codeunit 6700 is Ready."), setup);

            id = everyMinute(3);
            var ready = adminJson("POST", "/job-queue-entries/" + id + "/set-ready", "");
            assertEquals("READY", ready.getString("status"));
            // Due at once: by the time the page is read the heartbeat may have claimed it.
            var scheduled = admin.get("exchange/contact-sync-setup.xhtml?userName=" + employee.userName()).body();
            assertTrue(scheduled.contains("By the job queue (codeunit 6700) at")
                    || scheduled.contains("By the job queue (codeunit 6700): running now."),
                    "Contact Sync Setup shows the next run: " + scheduled);

            long entryId = id;
            var runs = await("two ended runs", () -> log(entryId),
                    log -> log.stream().filter(JobQueueIT::ended).count() >= 2);
            var firstRun = runs.stream().filter(JobQueueIT::ended).reduce((newer, older) -> older).orElseThrow();
            assertEquals("SUCCESS", firstRun.getString("status"), firstRun.toString());
            assertTrue(firstRun.getString("message").startsWith("1 employee: 1 synced"), firstRun.toString());
            var item = firstRun.getJsonArray("items").getJsonObject(0);
            assertEquals(employee.userName(), item.getString("subject"));
            assertEquals("SUCCEEDED", item.getString("outcome"));
            assertEquals(inScope, item.getInt("toOutlook"), "the first background sync filled the employee's folder: "
                    + item);

            var syncRun = adminJson("GET", "/sync-runs/" + item.getJsonNumber("syncRunId").longValue(), "");
            assertEquals("JOB_QUEUE", syncRun.getString("trigger"));
            assertEquals("INCREMENTAL", syncRun.getString("mode"));
            assertEquals("admin", syncRun.getString("startedBy"), "started for the user the entry runs for");

            var entry = entry(id);
            assertEquals(0, entry.getInt("attempts"), "a success clears the attempts");
            assertTrue(Instant.parse(entry.getString("nextRunAt")).isAfter(Instant.parse(firstRun.getString("startedAt"))),
                    "rescheduled after its run");

            var logPage = admin.get("admin/job-queue-log.xhtml?entry=" + id).body();
            assertTrue(logPage.contains(">Success<") && logPage.contains("1 employee: 1 synced"), logPage);
        } finally {
            if (id > 0) {
                holdAndSettle(id);
            }
            disableBackgroundSync(admin, employee.userName());
        }
    }

    @Test
    void onHoldStopsTheRuns() {
        long id = everyMinute(3);
        adminJson("POST", "/job-queue-entries/" + id + "/set-ready", "");
        await("a first run", () -> log(id), log -> log.stream().anyMatch(JobQueueIT::ended));
        var held = adminJson("POST", "/job-queue-entries/" + id + "/set-on-hold", "");
        assertEquals("ON_HOLD", held.getString("status"));
        assertTrue(absent(held, "nextRunAt"));
        int runs = await("the run in process to end", () -> log(id),
                log -> log.stream().allMatch(JobQueueIT::ended)).size();

        // A witness entry, Ready every minute: its three runs show that three scaled minutes and their heartbeats
        // have passed, in which the held entry would have run.
        long witness = everyMinute(1);
        adminJson("POST", "/job-queue-entries/" + witness + "/set-ready", "");
        await("three runs of the witness", () -> log(witness),
                log -> log.stream().filter(JobQueueIT::ended).count() >= 3);
        adminJson("POST", "/job-queue-entries/" + witness + "/set-on-hold", "");
        await("the witness's last run to end", () -> log(witness), log -> log.stream().allMatch(JobQueueIT::ended));

        assertEquals(runs, log(id).size(), "no run after On Hold");
        assertEquals("ON_HOLD", entry(id).getString("status"));
    }

    @Test
    void aJobThatKeepsFailingGoesToErrorAfterItsMaximumAttemptsWithItsMessageWhileTheOtherEmployeesSync()
            throws Exception {
        // One employee's Microsoft 365 e-mail names a mailbox the tenant does not have; another's is fine. Both have
        // background sync on.
        var admin = FacesSession.signedIn(base, "admin", "admin-demo-2026");
        var syncing = TestEmployee.create(base, "fine").userName();
        var failing = FacesSession.newEmployee(admin, "nobody").userName();
        enableBackgroundSync(admin, syncing);
        enableBackgroundSync(admin, failing);
        try {
            keepsFailingWhileTheOtherSyncs(admin, syncing, failing);
        } finally {
            disableBackgroundSync(admin, syncing);
            disableBackgroundSync(admin, failing);
        }
    }

    private void keepsFailingWhileTheOtherSyncs(FacesSession admin, String syncing, String failing) throws Exception {
        long id = everyMinute(2);
        adminJson("POST", "/job-queue-entries/" + id + "/set-ready", "");
        var error = await("the entry to go to Error", () -> entry(id),
                entry -> entry.getString("status").equals("ERROR"));
        assertTrue(error.getString("errorMessage").contains("1 failed (" + failing + ": "), error.toString());
        assertTrue(error.getString("errorMessage").contains("ErrorInvalidUser"), error.toString());
        assertTrue(absent(error, "nextRunAt"), "an entry in Error is not scheduled");

        var runs = log(id);
        assertEquals(2, runs.size(), "the maximum of two attempts: " + runs);
        for (var run : runs) {
            assertEquals("ERROR", run.getString("status"));
            var outcomes = run.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .map(item -> item.getString("subject") + "=" + item.getString("outcome")).sorted().toList();
            assertEquals(java.util.stream.Stream.of(syncing + "=SUCCEEDED", failing + "=FAILED").sorted().toList(),
                    outcomes, "the other employee's sync went on: " + run);
        }
        assertEquals(List.of(2, 1), runs.stream().map(run -> run.getInt("attempt")).toList());

        var entryCardPath = "admin/job-queue-entry.xhtml?id=" + id;
        var cardPage = admin.get(entryCardPath).body();
        assertTrue(cardPage.contains(">Error<") && cardPage.contains("ErrorInvalidUser"), cardPage);

        var shown = messagesOf(admin.ajax(entryCardPath, cardPage, "cardForm", "cardForm:showError", java.util.Map.of()));
        assertEquals(List.of(error.getString("errorMessage")), shown, "Show Error shows the entry's error message");
        var defaultCard = admin.get("admin/job-queue-entry.xhtml?id=1").body();
        assertEquals(List.of("The entry has no error."), messagesOf(admin.ajax("admin/job-queue-entry.xhtml?id=1",
                defaultCard, "cardForm", "cardForm:showError", java.util.Map.of())));
    }

    /** The texts of the page's messages (p:messages) in a Faces response, HTML entities decoded. */
    private static List<String> messagesOf(String response) {
        return java.util.regex.Pattern.compile("class=\"ui-messages-(?:error|info|warn)-summary\">([^<]*)<")
                .matcher(response).results().map(match -> match.group(1).replace("&#39;", "'")
                        .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
                .toList();
    }

    /** The employee's contacts (Name starting as theirs), read through the REST API: what its first sync writes. */
    private List<JsonObject> contactsOf(TestEmployee employee) {
        var response = api(employee.authorization(), "GET", "/contacts?limit=500&name=" + employee.contactFirstName(), "");
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }
}

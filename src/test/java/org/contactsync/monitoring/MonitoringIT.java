package org.contactsync.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.contactsync.testsupport.ContactSyncSetupPage;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.FacesSession;
import org.contactsync.testsupport.Http;
import org.contactsync.testsupport.Poll;
import org.contactsync.testsupport.SandboxAdmin;
import org.contactsync.testsupport.TestEmployee;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operations see, on the real WAR: the metrics on {@code /metrics} move by exactly what a sync run did, a 429
 * shows in the metrics and as "throttled" on {@code /health/ready}, and an employee whose syncs keep failing gets a
 * mailbox alert and, at the fifth failure in a row, background synchronization paused until it is switched on again.
 * Each test syncs an employee of its own ({@link TestEmployee}); the fault knobs are put back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MonitoringIT {

    private static final String ADMIN_KEY = "admin:admin-ws-key-demo-0000000000000000";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    /** One sample of the Prometheus text format: name, labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL base;

    private TestEmployee me;

    @BeforeEach
    void anEmployeeOfThisTest() {
        me = TestEmployee.create(base, "metrics");
    }

    @Test
    void theMetricsMoveByExactlyWhatASyncRunDid() {
        newPerson();
        newPerson();
        var before = metrics();

        JsonObject run = sync();

        assertEquals("SUCCEEDED", run.getString("status"), run.toString());
        assertEquals(2, run.getJsonObject("counts").getInt("CREATE_IN_OUTLOOK"), run.toString());
        var after = metrics();
        assertEquals(1, delta(before, after, "contactsync_sync_runs_total", "trigger", "API", "status", "SUCCEEDED"));
        assertEquals(2, delta(before, after, "contactsync_sync_actions_total", "kind", "CREATE_IN_OUTLOOK"));
        assertEquals(run.getInt("graphRequests"), delta(before, after, "contactsync_graph_requests_total"),
                "every request the run sent, and nothing else ran meanwhile");
        assertTrue(delta(before, after, "contactsync_sync_run_milliseconds_total") > 0, "its duration counted");
        assertEquals(0, delta(before, after, "contactsync_graph_throttled_total"));
        assertTrue(after.containsKey("contactsync_sync_employees_failing{mp_scope=application}"), "the gauge");
    }

    @Test
    void a429ShowsInTheMetricsAndMakesMicrosoft365DegradedNotDown() {
        newPerson();
        var before = metrics();
        var sandbox = SandboxAdmin.of(base);
        JsonObject run;
        sandbox.call("PUT", "/faults", "{\"script\":[\"THROTTLED\"]}");
        try {
            run = sync();
        } finally {
            sandbox.call("PUT", "/faults", "{\"probability\":0}");
        }

        assertEquals("SUCCEEDED", run.getString("status"), "the run waited and went on: " + run);
        var after = metrics();
        assertEquals(1, delta(before, after, "contactsync_graph_throttled_total"));
        assertEquals(1, delta(before, after, "contactsync_graph_throttle_waits_total"), "one wait");
        assertEquals(1000, delta(before, after, "contactsync_graph_throttle_wait_milliseconds_total"),
                "the sandbox's Retry-After of a second");
        var health = Http.send(HttpRequest.newBuilder(url("health/ready")));
        assertEquals(200, health.statusCode(), "degraded, not down: " + health.body());
        JsonObject check = Json.createReader(new StringReader(health.body())).readObject().getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("name").equals("microsoft-365"))
                .findFirst().orElseThrow(() -> new AssertionError(health.body()));
        assertEquals("UP", check.getString("status"));
        // Payara writes the check's boolean data as it likes (true or "true"): compare the text.
        assertEquals("true", check.getJsonObject("data").get("throttled").toString().replace("\"", ""),
                check.toString());
    }

    @Test
    void repeatedFailuresRaiseAnAlertThenPauseBackgroundSyncUntilSwitchedOnAgain() throws Exception {
        var admin = FacesSession.signedIn(base, "admin", "admin-demo-2026");
        ContactSyncSetupPage.save(admin, me.userName(), Map.of(), new ContactSyncSetupPage.Switches(true, false));
        var sandbox = SandboxAdmin.of(base);
        sandbox.call("PUT", "/faults", "{\"probability\":1,\"kinds\":[\"DROPPED_CONNECTION\"]}");
        try {
            for (int failure = 1; failure <= 2; failure++) {
                assertEquals("FAILED", sync().getString("status"));
            }
            assertFalse(alertsPage(admin).contains(me.userName()), "two failures are no alert yet");
            assertEquals("FAILED", sync().getString("status"));
            String alerts = alertsPage(admin);
            assertTrue(alerts.contains(me.userName()), alerts);
            assertTrue(alerts.contains("The sync failed 3 times in a row"), alerts);
            // A dropped connection is no answer Graph documents: said as Test connection says it, with the detail.
            assertTrue(alerts.contains("Microsoft 365 answered unexpectedly."), "in plain words: " + alerts);
            assertTrue(alerts.contains("Technical detail: Microsoft Graph: 0"), alerts);
            assertTrue(setupPage(admin).contains("Mailbox alert"), "the employee's setup shows it too");
            assertTrue(metrics().get("contactsync_sync_employees_failing{mp_scope=application}") >= 1);

            assertEquals("FAILED", sync().getString("status"));
            assertFalse(setupPage(admin).contains("was paused"), "still on after four failures");
            // The fifth failure in a job queue run (codeunit 6700 syncs every employee with background sync on):
            // its log says the employee's background sync is paused now.
            var job = runTheContactSyncJobOnce();
            var mine = job.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(item -> item.getString("subject").equals(me.userName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no item for " + me.userName() + ": " + job));
            assertEquals("FAILED", mine.getString("outcome"), mine.toString());
            assertTrue(mine.getString("message").contains("Background synchronization for this employee is now "
                    + "paused: their sync failed 5 times in a row."), "the job queue log says so: " + mine);
        } finally {
            sandbox.call("PUT", "/faults", "{\"probability\":0}");
        }
        String paused = setupPage(admin);
        assertTrue(paused.contains("Background synchronization was paused on"), paused);
        assertTrue(alertsPage(admin).contains("Paused"), "switched off");

        ContactSyncSetupPage.save(admin, me.userName(), Map.of(), new ContactSyncSetupPage.Switches(true, false));

        assertFalse(alertsPage(admin).contains(me.userName()), "switched on again: the alert is cleared");
        assertFalse(setupPage(admin).contains("Mailbox alert"));
        ContactSyncSetupPage.save(admin, me.userName(), Map.of(), ContactSyncSetupPage.Switches.NONE);
    }

    // Helpers ------------------------------------------------------------------------------------------------------

    private String alertsPage(FacesSession admin) throws Exception {
        var page = admin.get("admin/mailbox-alerts.xhtml");
        assertEquals(200, page.statusCode());
        return page.body();
    }

    private String setupPage(FacesSession session) throws Exception {
        return session.get("exchange/contact-sync-setup.xhtml?userName=" + me.userName()).body();
    }

    private URI url(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + "/" + path);
    }

    private HttpResponse<String> api(String method, String path, String json) {
        return Http.send(HttpRequest.newBuilder(url("api/v1" + path)).header("Authorization", me.authorization())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private void newPerson() {
        var created = api("POST", "/contacts", "{\"firstName\":\"" + me.contactFirstName() + "\",\"surname\":\"M"
                + System.nanoTime() + "\",\"email\":\"m" + System.nanoTime() + "@example.com\"}");
        assertEquals(201, created.statusCode(), created.body());
    }

    /** An incremental sync as the employee, through the API; the run as it ended. */
    private JsonObject sync() {
        var started = api("POST", "/sync-runs", "{\"mode\":\"INCREMENTAL\"}");
        assertEquals(202, started.statusCode(), started.body());
        long id = json(started).getJsonNumber("id").longValue();
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            JsonObject run = json(api("GET", "/sync-runs/" + id, ""));
            if (!run.getString("status").equals("RUNNING")) {
                return run;
            }
            Poll.pause(Duration.ofMillis(200));
        }
        throw new AssertionError("Run " + id + " did not end within " + RUN_TIMEOUT);
    }

    /** Run Once of the demo data's codeunit 6700 entry, as an admin through the API: its log entry. */
    private JsonObject runTheContactSyncJobOnce() {
        var response = Http.send(HttpRequest.newBuilder(url("api/v1/job-queue-entries/1/run-once"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ADMIN_KEY.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    /** {@code /metrics} as an admin's scraper reads it: every sample by name and labels (sorted, unquoted). */
    private Map<String, Double> metrics() {
        var response = Http.send(HttpRequest.newBuilder(url("metrics")).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(ADMIN_KEY.getBytes(StandardCharsets.UTF_8))));
        assertEquals(200, response.statusCode(), response.body());
        var samples = new HashMap<String, Double>();
        for (String line : response.body().split("\n")) {
            var sample = SAMPLE.matcher(line.strip());
            if (sample.matches()) {
                var labels = new TreeMap<String, String>();
                var label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.put(key(sample.group(1), labels), Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    private static String key(String name, Map<String, String> labels) {
        var joined = new StringBuilder();
        labels.forEach((k, v) -> joined.append(joined.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return name + "{" + joined + "}";
    }

    /** How much a sample of the application's scope grew; a sample not there yet counts as 0. */
    private static double delta(Map<String, Double> before, Map<String, Double> after, String name,
            String... labels) {
        var wanted = new TreeMap<String, String>();
        wanted.put("mp_scope", "application");
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        String key = key(name, wanted);
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }
}

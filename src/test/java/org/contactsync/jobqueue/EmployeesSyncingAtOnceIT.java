package org.contactsync.jobqueue;

import static org.contactsync.testsupport.DemoAccess.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.contactsync.graph.GraphClients;
import org.contactsync.graph.GraphConnectionSettings;
import org.contactsync.graph.OutlookContact;
import org.contactsync.graph.OutlookContactsGateway;
import org.contactsync.graph.OutlookMailbox;
import org.contactsync.sandbox.SandboxSettings;
import org.contactsync.testsupport.DefaultSyncFilter;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.Http;
import org.contactsync.testsupport.SandboxAdmin;
import org.contactsync.testsupport.FacesSession;
import org.contactsync.testsupport.OwnServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every employee with background sync (admin, alice and bob, each syncing into an empty mailbox) synced by one run of
 * the contact sync job (codeunit 6700), which runs them side by side, under each of the sandbox's concurrency scopes:
 * Exchange's four concurrent requests per app and mailbox, or per app across all mailboxes (the sources disagree:
 * docs/graph-fidelity.md). Under either, the job ends with every employee synced and each in-scope contact once in
 * each mailbox. The sandbox answers each request after {@value #LATENCY_MILLIS} ms, so the employees' writes overlap.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(OrderAnnotation.class)
@OwnServer("it turns background sync on for every demo user and empties their mailboxes (issue 15)")
class EmployeesSyncingAtOnceIT {

    private static final List<String> EMPLOYEES = List.of("admin", "alice", "bob");
    private static final int LATENCY_MILLIS = 100;

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void perAppAndMailboxTheEmployeesSyncSideBySideWithoutA429() throws Exception {
        JsonObject run = syncEveryoneFromEmptyMailboxes("APP_AND_MAILBOX");

        assertEveryoneSyncedOnce(run);
        assertEquals(0, throttled(), "at most four requests in flight per app and mailbox: Exchange never refuses one");
    }

    @Test
    @Order(2)
    void perAppTheEmployeesWaitOutTheAppsConcurrencyLimitAndEndSyncedAllTheSame() throws Exception {
        JsonObject run = syncEveryoneFromEmptyMailboxes("APP");

        assertEveryoneSyncedOnce(run);
        assertTrue(throttled() > 0, "three mailboxes' requests met the app's four places: " + run);
    }

    /**
     * Turns background sync on for every employee, empties their mailboxes (their contacts are written again, all at
     * once), sets the concurrency scope and runs the 6700 entry once; the job's log entry.
     */
    private JsonObject syncEveryoneFromEmptyMailboxes(String concurrencyScope) throws Exception {
        FacesSession admin = FacesSession.signedIn(base, "admin", "admin-demo-2026");
        for (String employee : EMPLOYEES) {
            JobQueueIT.enableBackgroundSync(admin, employee);
            sandbox("POST", "/mailboxes/" + mailbox(employee) + "/reset", "");
        }
        assertEquals(concurrencyScope, sandbox("PUT", "/throttling", "{\"concurrencyScope\":\"" + concurrencyScope
                + "\"}").getString("concurrencyScope"));
        sandbox("PUT", "/limits", "{\"latencyMillis\":" + LATENCY_MILLIS + "}");
        try {
            long entry = Json.createReader(new StringReader(api("GET", "/job-queue-entries").body())).readArray()
                    .getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getInt("objectId") == 6700).findFirst().orElseThrow().getJsonNumber("id").longValue();
            HttpResponse<String> ran = api("POST", "/job-queue-entries/" + entry + "/run-once");
            assertEquals(200, ran.statusCode(), ran.body());
            return json(ran.body());
        } finally {
            sandbox("PUT", "/limits", "{\"latencyMillis\":0}");
        }
    }

    private void assertEveryoneSyncedOnce(JsonObject run) {
        assertEquals("SUCCESS", run.getString("status"), run.toString());
        List<String> outcomes = run.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("subject") + "=" + item.getString("outcome")).sorted().toList();
        assertEquals(EMPLOYEES.stream().map(employee -> employee + "=SUCCEEDED").toList(), outcomes, run.toString());
        Set<String> inScope = contactsInScope();
        // One run per employee wrote them all: none was postponed part way and finished by the job's second try.
        run.getJsonArray("items").getValuesAs(JsonObject.class).forEach(item -> assertEquals(inScope.size(),
                item.getInt("toOutlook"), item.toString()));
        for (String employee : EMPLOYEES) {
            List<String> stamps = syncFolder(mailbox(employee)).stream()
                    .map(c -> c.stamp().orElse("(unstamped " + c.graphId() + ")")).toList();
            assertEquals(inScope, Set.copyOf(stamps), employee + ": every in-scope contact in Outlook, nothing else");
            assertEquals(inScope.size(), stamps.size(), employee + ": one Outlook copy of each");
        }
    }

    // Helpers ------------------------------------------------------------------------------------------------------

    private static String mailbox(String employee) {
        return employee + "@contoso.example";
    }

    /** The 429s the sandbox answered so far, over the employees' mailboxes (a mailbox reset clears its own). */
    private long throttled() {
        return EMPLOYEES.stream().mapToLong(employee -> sandbox("GET", "/mailboxes/" + mailbox(employee) + "/counters",
                "").getJsonNumber("throttled").longValue()).sum();
    }

    private Set<String> contactsInScope() {
        List<JsonObject> all = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            List<JsonObject> page = json(api("GET", "/contacts?limit=500&offset=" + offset).body())
                    .getJsonArray("items").getValuesAs(JsonObject.class);
            all.addAll(page);
            if (page.size() < 500) {
                break;
            }
        }
        return all.stream().filter(DefaultSyncFilter::includes).map(c -> c.getString("no")).collect(Collectors.toSet());
    }

    private List<OutlookContact> syncFolder(String mailbox) {
        String https = "https://localhost:" + System.getProperty("it.sslport.h2");
        OutlookMailbox outlook = new OutlookContactsGateway(new GraphClients()).open(GraphConnectionSettings
                .withSecret("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET, https,
                        https + "/sandbox/graph/v1.0"), mailbox);
        return outlook.listFolder(outlook.ensureFolder("Business Central"));
    }

    private HttpResponse<String> api(String method, String path) {
        return Http.send(HttpRequest.newBuilder(URI.create(root() + "/api/v1" + path)).header("Authorization", ADMIN)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private JsonObject sandbox(String method, String path, String json) {
        return SandboxAdmin.of(base).call(method, path, json);
    }

    private String root() {
        return base.toString().replaceAll("/$", "");
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}

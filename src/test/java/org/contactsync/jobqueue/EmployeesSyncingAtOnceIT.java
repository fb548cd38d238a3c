package org.contactsync.jobqueue;

import static org.contactsync.testsupport.DemoAccess.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
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
import org.contactsync.testsupport.TestEmployee;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every employee with background sync (three of the test's own, each syncing its {@value #CONTACTS} contacts into an
 * empty mailbox) synced by one run of the contact sync job (codeunit 6700), which runs them side by side, under each
 * of the sandbox's concurrency scopes:
 * Exchange's four concurrent requests per app and mailbox, or per app across all mailboxes (the sources disagree:
 * docs/graph-fidelity.md). Under either, the job ends with every employee synced and each in-scope contact once in
 * each mailbox. The sandbox answers each request after {@value #LATENCY_MILLIS} ms, so the employees' writes overlap.
 * The job syncs every employee who has background sync on, on the server the container test classes share: each
 * test turns it off again for its employees, and puts back the sandbox's latency and concurrency scope.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmployeesSyncingAtOnceIT {

    private static final int EMPLOYEES = 3;
    /** About as many as the demo data's persons, which each demo user's sync puts in Outlook. */
    private static final int CONTACTS = 38;
    private static final int LATENCY_MILLIS = 100;

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.realWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void perAppAndMailboxTheEmployeesSyncSideBySideWithoutA429() throws Exception {
        List<TestEmployee> employees = employeesWithContacts();
        JsonObject run = syncEveryoneFromEmptyMailboxes(employees, "APP_AND_MAILBOX");

        assertEveryoneSyncedOnce(employees, run);
        assertEquals(0, throttled(employees),
                "at most four requests in flight per app and mailbox: Exchange never refuses one");
    }

    @Test
    void perAppTheEmployeesWaitOutTheAppsConcurrencyLimitAndEndSyncedAllTheSame() throws Exception {
        List<TestEmployee> employees = employeesWithContacts();
        JsonObject run = syncEveryoneFromEmptyMailboxes(employees, "APP");

        assertEveryoneSyncedOnce(employees, run);
        assertTrue(throttled(employees) > 0, "three mailboxes' requests met the app's four places: " + run);
    }

    /** Three employees of this test, each with {@value #CONTACTS} contacts of its own. */
    private List<TestEmployee> employeesWithContacts() {
        List<TestEmployee> employees = new ArrayList<>();
        for (int e = 0; e < EMPLOYEES; e++) {
            TestEmployee employee = TestEmployee.create(base, "atonce");
            for (int c = 0; c < CONTACTS; c++) {
                HttpResponse<String> created = api("POST", "/contacts", "{\"firstName\":\""
                        + employee.contactFirstName() + "\",\"surname\":\"Contact " + c + "\",\"email\":\"c" + c
                        + "." + employee.userName() + "@example.com\"}");
                assertEquals(201, created.statusCode(), created.body());
            }
            employees.add(employee);
        }
        return employees;
    }

    /**
     * Turns background sync on for the employees (their mailboxes are empty: all their contacts are written at once),
     * sets the concurrency scope and runs the 6700 entry once; the job's log entry. Then background sync is off again
     * and the sandbox as it was.
     */
    private JsonObject syncEveryoneFromEmptyMailboxes(List<TestEmployee> employees, String concurrencyScope)
            throws Exception {
        FacesSession admin = FacesSession.signedIn(base, "admin", "admin-demo-2026");
        for (TestEmployee employee : employees) {
            JobQueueIT.enableBackgroundSync(admin, employee.userName());
        }
        assertEquals(concurrencyScope, sandbox("PUT", "/throttling", "{\"concurrencyScope\":\"" + concurrencyScope
                + "\"}").getString("concurrencyScope"));
        sandbox("PUT", "/limits", "{\"latencyMillis\":" + LATENCY_MILLIS + "}");
        try {
            long entry = Json.createReader(new StringReader(api("GET", "/job-queue-entries", "").body())).readArray()
                    .getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getInt("objectId") == 6700).findFirst().orElseThrow().getJsonNumber("id").longValue();
            HttpResponse<String> ran = api("POST", "/job-queue-entries/" + entry + "/run-once", "");
            assertEquals(200, ran.statusCode(), ran.body());
            return json(ran.body());
        } finally {
            sandbox("PUT", "/limits", "{\"latencyMillis\":0}");
            sandbox("PUT", "/throttling", "{\"concurrencyScope\":\"APP_AND_MAILBOX\"}");
            for (TestEmployee employee : employees) {
                JobQueueIT.disableBackgroundSync(admin, employee.userName());
            }
        }
    }

    private void assertEveryoneSyncedOnce(List<TestEmployee> employees, JsonObject run) {
        assertEquals("SUCCESS", run.getString("status"), run.toString());
        List<String> outcomes = run.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("subject") + "=" + item.getString("outcome")).sorted().toList();
        assertEquals(employees.stream().map(employee -> employee.userName() + "=SUCCEEDED").sorted().toList(), outcomes,
                run.toString());
        for (TestEmployee employee : employees) {
            Set<String> inScope = contactsInScope(employee);
            assertEquals(CONTACTS, inScope.size(), employee.userName());
            // One run per employee wrote them all: none was postponed part way and finished by the job's second try.
            JsonObject item = run.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(each -> each.getString("subject").equals(employee.userName())).findFirst().orElseThrow();
            assertEquals(inScope.size(), item.getInt("toOutlook"), item.toString());
            List<String> stamps = syncFolder(employee.mailbox()).stream()
                    .map(c -> c.stamp().orElse("(unstamped " + c.graphId() + ")")).toList();
            assertEquals(inScope, Set.copyOf(stamps),
                    employee.userName() + ": every in-scope contact in Outlook, nothing else");
            assertEquals(inScope.size(), stamps.size(), employee.userName() + ": one Outlook copy of each");
        }
    }

    // Helpers ------------------------------------------------------------------------------------------------------

    /** The 429s the sandbox answered so far, over the employees' mailboxes. */
    private long throttled(List<TestEmployee> employees) {
        return employees.stream().mapToLong(employee -> SandboxAdmin.of(base).counters(employee.mailbox())
                .getJsonNumber("throttled").longValue()).sum();
    }

    /** The employee's contacts that its sync takes to Outlook (its filter: Name starting as its). */
    private Set<String> contactsInScope(TestEmployee employee) {
        return json(api("GET", "/contacts?limit=500&name=" + employee.contactFirstName(), "").body())
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(DefaultSyncFilter::includes).map(c -> c.getString("no")).collect(Collectors.toSet());
    }

    private List<OutlookContact> syncFolder(String mailbox) {
        String https = "https://localhost:" + System.getProperty("it.sslport.h2");
        OutlookMailbox outlook = new OutlookContactsGateway(new GraphClients()).open(GraphConnectionSettings
                .withSecret("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET, https,
                        https + "/sandbox/graph/v1.0"), mailbox);
        return outlook.listFolder(outlook.ensureFolder("Business Central"));
    }

    private HttpResponse<String> api(String method, String path, String json) {
        return Http.send(HttpRequest.newBuilder(URI.create(root() + "/api/v1" + path)).header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
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

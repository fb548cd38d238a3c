package org.contactsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.contactsync.graph.GraphClients;
import org.contactsync.graph.GraphConnectionSettings;
import org.contactsync.graph.OutlookContactsGateway;
import org.contactsync.graph.OutlookMailbox;
import org.contactsync.sandbox.SandboxSettings;
import org.contactsync.sync.plan.OutlookContact;
import org.contactsync.testsupport.PayaraMicroProcess;
import org.contactsync.testsupport.PayaraMicroProcess.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server is killed (SIGKILL) in the middle of a sync and started again: the interrupted run is reported as
 * such, the next sync carries the work to its end, and Outlook holds exactly one copy of every in-scope contact.
 *
 * <p><b>Why two processes.</b> The sandbox keeps its mailboxes in the memory of the server that serves it, so
 * killing a server that is its own sandbox would also wipe alice's Outlook folder: the restarted server would find
 * an empty mailbox, and "no duplicates, none lost" would hold trivially, whatever the engine did. In production
 * Outlook does not die with our server. So the sandbox runs in a Payara Micro of its own ({@code sandbox}, the same
 * WAR with the sandbox on), which stays up the whole time, and the application ({@code app}, sandbox off, an H2
 * database in a file under {@code target/}) is pointed at it through the very MicroProfile Config keys an operator
 * uses for a real tenant ({@code contactsync.graph.endpoint}, {@code .authority-host}, the demo connection's app).
 * Only {@code app} is killed; what it wrote to Outlook before it died stays there, including the writes of the chunk
 * whose bookkeeping it never committed, and the restarted server must find them by their stamp instead of creating
 * them again.
 *
 * <p>A slow mailbox (sandbox latency per request) makes the first sync of about 350 contacts take long enough to be
 * caught half-way; the lease is 8 s, and the server stays down longer than that, so the restarted server finds the
 * run's lease run out.
 */
class ServerRestartIT {

    private static final String MAILBOX = "alice@contoso.example";
    private static final String ALICE = "Basic " + Base64.getEncoder()
            .encodeToString("alice:alice-ws-key-demo-000000000000000".getBytes(StandardCharsets.UTF_8));
    private static final String ADMIN_KEY = "sandbox-admin-demo-key";
    private static final int LEASE_SECONDS = 8;
    private static final int ADDED_CONTACTS = 300;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    private static PayaraMicroProcess sandbox;
    private static PayaraMicroProcess app;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServers() {
        sandbox = PayaraMicroProcess.named("restart-sandbox").https().sandbox(true).demoData(false)
                .database(Database.h2Memory("sandbox")).build().start();
        String graphRoot = sandbox.httpsRoot();
        app = PayaraMicroProcess.named("restart-app").demoData(true).sandbox(false)
                .database(Database.h2File("restart-app"))
                .property("contactsync.sync.lease-seconds", String.valueOf(LEASE_SECONDS))
                .property("contactsync.graph.authority-host", graphRoot)
                .property("contactsync.graph.endpoint", graphRoot + "/sandbox/graph/v1.0")
                .property("contactsync.demo.graph.tenant-id", SandboxSettings.tenantIdOf("contoso-sandbox"))
                .property("contactsync.demo.graph.client-id", SandboxSettings.DEMO_CLIENT_ID)
                .property("contactsync.demo.graph.client-secret", SandboxSettings.DEMO_SECRET)
                .build().start();
    }

    @AfterAll
    static void stopServers() {
        if (app != null) {
            app.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aServerKilledMidRunLeavesNoDuplicateAndNoLostContactOnceTheNextRunEnds() {
        for (int i = 1; i <= ADDED_CONTACTS; i++) {
            HttpResponse<String> created = api("POST", "/contacts", String.format(
                    "{\"firstName\":\"Restart\",\"surname\":\"Test %04d\",\"email\":\"restart%04d@example.com\"}", i, i));
            assertEquals(201, created.statusCode(), created.body());
        }
        List<JsonObject> contacts = bcContacts();
        Set<String> inScope = contacts.stream().filter(ServerRestartIT::inScope).map(c -> c.getString("no"))
                .collect(Collectors.toSet());
        assertTrue(inScope.size() > ADDED_CONTACTS, "in scope: " + inScope.size());
        sandboxAdmin("PUT", "/limits", "{\"latencyMillis\":300}");

        long interrupted = startSync();
        JsonObject caught = awaitRun(interrupted, run -> run.getInt("doneActions") >= run.getInt("plannedActions") / 4
                && run.getInt("plannedActions") > 0 || !run.getString("status").equals("RUNNING"));
        app.kill();
        assertEquals("RUNNING", caught.getString("status"), "caught while running: " + caught);
        assertTrue(caught.getInt("doneActions") < caught.getInt("plannedActions"), caught.toString());
        // Down for longer than the lease: the restarted server finds it run out. In-flight requests settle meanwhile.
        pause(Duration.ofSeconds(LEASE_SECONDS + 2));
        int writtenBeforeTheKill = outlookFolder().size();
        assertTrue(writtenBeforeTheKill > 0 && writtenBeforeTheKill < inScope.size(),
                "the killed run wrote part of the folder: " + writtenBeforeTheKill);
        sandboxAdmin("PUT", "/limits", "{\"latencyMillis\":0}");

        app.start();

        JsonObject abandoned = run(interrupted);
        assertEquals("FAILED", abandoned.getString("status"), abandoned.toString());
        assertTrue(abandoned.getString("message").startsWith("Interrupted:"), abandoned.toString());
        JsonObject resumed = awaitRun(startSync(), run -> !run.getString("status").equals("RUNNING"));
        assertEquals("SUCCEEDED", resumed.getString("status"), resumed.toString());
        assertEquals(0, resumed.getInt("failed"), resumed.toString());
        assertEquals(inScope.size() - writtenBeforeTheKill, resumed.getJsonObject("counts").getInt("CREATE_IN_OUTLOOK"),
                "only what the killed run had not written is created: " + resumed);

        List<OutlookContact> folder = outlookFolder();
        List<String> stamps = folder.stream().map(c -> c.stamp().orElse("(unstamped " + c.graphId() + ")")).toList();
        assertEquals(inScope, Set.copyOf(stamps), "every in-scope contact in Outlook, nothing else");
        assertEquals(inScope.size(), stamps.size(), "one Outlook copy of each");
        List<JsonObject> after = bcContacts();
        assertEquals(contacts.size(), after.size(), "no contact came back into Business Central as a new one");
        assertEquals(after.stream().filter(c -> !c.getString("email").isEmpty()).count(),
                after.stream().map(c -> c.getString("email").toLowerCase()).filter(e -> !e.isEmpty()).distinct().count(),
                "no two Business Central contacts with one e-mail");
    }

    // Helpers ------------------------------------------------------------------------------------------------------

    private long startSync() {
        HttpResponse<String> started = api("POST", "/sync-runs", "{\"mode\":\"INCREMENTAL\"}");
        assertEquals(202, started.statusCode(), started.body());
        return json(started.body()).getJsonNumber("id").longValue();
    }

    private JsonObject run(long id) {
        HttpResponse<String> response = api("GET", "/sync-runs/" + id, "");
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    /** Polls the run until {@code until} holds for it; that view of the run. */
    private JsonObject awaitRun(long id, Predicate<JsonObject> until) {
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            JsonObject run = run(id);
            if (until.test(run)) {
                return run;
            }
            pause(Duration.ofMillis(100));
        }
        throw new AssertionError("Run " + id + " not as awaited within " + RUN_TIMEOUT + ": " + run(id));
    }

    private List<JsonObject> bcContacts() {
        List<JsonObject> all = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            HttpResponse<String> response = api("GET", "/contacts?limit=500&offset=" + offset, "");
            assertEquals(200, response.statusCode(), response.body());
            List<JsonObject> page = json(response.body()).getJsonArray("items").getValuesAs(JsonObject.class);
            all.addAll(page);
            if (page.size() < 500) {
                return all;
            }
        }
    }

    private static boolean inScope(JsonObject contact) {
        return contact.getString("type").equals("Person") && !contact.getString("name").isBlank()
                && !contact.getString("email").isBlank() && !contact.getBoolean("privacyBlocked");
    }

    /** alice's sync folder as the sandbox holds it, read through the Graph SDK from this JVM. */
    private static List<OutlookContact> outlookFolder() {
        String https = sandbox.httpsRoot();
        OutlookMailbox mailbox = new OutlookContactsGateway(new GraphClients()).open(GraphConnectionSettings.withSecret(
                "contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET, https,
                https + "/sandbox/graph/v1.0"), MAILBOX);
        return mailbox.listFolder(mailbox.ensureFolder("Business Central"));
    }

    private HttpResponse<String> api(String method, String path, String json) {
        return send(HttpRequest.newBuilder(app.uri("/api/v1" + path)).header("Authorization", ALICE)
                .header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    private void sandboxAdmin(String method, String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(sandbox.uri("/sandbox/admin" + path))
                .header("Content-Type", "application/json").header("X-Sandbox-Admin-Key", ADMIN_KEY)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("The server did not answer: " + Optional.ofNullable(app).map(
                    PayaraMicroProcess::logTail).orElse(""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

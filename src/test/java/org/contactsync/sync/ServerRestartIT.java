package org.contactsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.contactsync.graph.OutlookContact;
import org.contactsync.testsupport.DefaultSyncFilter;
import org.contactsync.testsupport.OwnServers;
import org.contactsync.testsupport.PayaraMicroProcess;
import org.contactsync.testsupport.PayaraMicroProcess.Database;
import org.contactsync.testsupport.Poll;
import org.contactsync.testsupport.RestApi;
import org.contactsync.testsupport.SandboxServer;
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
 * Outlook does not die with our server. So the sandbox runs in a Payara Micro of its own ({@link SandboxServer}),
 * which stays up the whole time, and the application ({@code app}, sandbox off, a PostgreSQL
 * schema of its own) is pointed at it through the very MicroProfile Config keys an operator
 * uses for a real tenant ({@code contactsync.graph.endpoint}, {@code .authority-host}, the demo connection's app).
 * Only {@code app} is killed; what it wrote to Outlook before it died stays there, including the writes of the chunk
 * whose bookkeeping it never committed, and the restarted server must find them by their stamp instead of creating
 * them again.
 *
 * <p><b>Why PostgreSQL.</b> The production database, which a killed client cannot damage. An embedded H2 file
 * is part of the killed process: H2 recovers it on the next open, but not always whole: one CI run's restarted server
 * could not update a link row the killed server had written ({@code Timeout trying to lock table {0}}, H2's answer
 * for a row its index no longer finds, h2database issue 4388), which says nothing about the engine. README,
 * "Production", says to run on PostgreSQL.
 *
 * <p>A slow mailbox (sandbox latency per request) makes the first sync of about 350 contacts take long enough to be
 * caught half-way; the lease is 8 s, and the server stays down longer than that, so the restarted server finds the
 * run's lease run out.
 */
@OwnServers
class ServerRestartIT {

    private static final String MAILBOX = "alice@contoso.example";
    private static final int LEASE_SECONDS = 8;
    private static final int ADDED_CONTACTS = 300;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    private static SandboxServer sandbox;
    private static PayaraMicroProcess app;
    private static RestApi alice;
    private static Database database;

    @BeforeAll
    static void startServers() {
        sandbox = SandboxServer.named("restart-sandbox");
        database = Database.postgresqlSchema("it_restart_" + UUID.randomUUID().toString().substring(0, 8));
        app = PayaraMicroProcess.named("restart-app").demoData(true).sandbox(false)
                .database(database)
                .property("contactsync.sync.lease-seconds", String.valueOf(LEASE_SECONDS))
                .properties(sandbox.graphProperties())
                .build();
        // Side by side (the ports are chosen before either starts): the application calls Graph only when it syncs.
        CompletableFuture.allOf(CompletableFuture.runAsync(sandbox::start), CompletableFuture.runAsync(app::start))
                .join();
        alice = RestApi.as(app, "alice", "alice-ws-key-demo-000000000000000");
    }

    @AfterAll
    static void stopServers() {
        if (app != null) {
            app.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void aServerKilledMidRunLeavesNoDuplicateAndNoLostContactOnceTheNextRunEnds() {
        for (int i = 1; i <= ADDED_CONTACTS; i++) {
            HttpResponse<String> created = alice.send("POST", "/contacts", String.format(
                    "{\"firstName\":\"Restart\",\"surname\":\"Test %04d\",\"email\":\"restart%04d@example.com\"}", i, i));
            assertEquals(201, created.statusCode(), created.body());
        }
        List<JsonObject> contacts = bcContacts();
        Set<String> inScope = contacts.stream().filter(DefaultSyncFilter::includes).map(c -> c.getString("no"))
                .collect(Collectors.toSet());
        assertTrue(inScope.size() > ADDED_CONTACTS, "in scope: " + inScope.size());
        sandbox.latency(300);

        long interrupted = startSync();
        JsonObject caught = awaitRun(interrupted, run -> run.getInt("doneActions") >= run.getInt("plannedActions") / 4
                && run.getInt("plannedActions") > 0 || !run.getString("status").equals("RUNNING"));
        app.kill();
        assertEquals("RUNNING", caught.getString("status"), "caught while running: " + caught);
        assertTrue(caught.getInt("doneActions") < caught.getInt("plannedActions"), caught.toString());
        // Down for longer than the lease: the restarted server finds it run out. In-flight requests settle meanwhile.
        Poll.pause(Duration.ofSeconds(LEASE_SECONDS + 2));
        int writtenBeforeTheKill = sandbox.syncFolder(MAILBOX).size();
        assertTrue(writtenBeforeTheKill > 0 && writtenBeforeTheKill < inScope.size(),
                "the killed run wrote part of the folder: " + writtenBeforeTheKill);
        sandbox.latency(0);

        app.start();

        JsonObject abandoned = run(interrupted);
        assertEquals("FAILED", abandoned.getString("status"), abandoned.toString());
        assertTrue(abandoned.getString("message").startsWith("Interrupted:"), abandoned.toString());
        JsonObject resumed = awaitRun(startSync(), run -> !run.getString("status").equals("RUNNING"));
        assertEquals("SUCCEEDED", resumed.getString("status"), resumed.toString());
        assertEquals(0, resumed.getInt("failed"), resumed.toString());
        assertEquals(inScope.size() - writtenBeforeTheKill, resumed.getJsonObject("counts").getInt("CREATE_IN_OUTLOOK"),
                "only what the killed run had not written is created: " + resumed);

        List<OutlookContact> folder = sandbox.syncFolder(MAILBOX);
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
        HttpResponse<String> started = alice.send("POST", "/sync-runs", "{\"mode\":\"INCREMENTAL\"}");
        assertEquals(202, started.statusCode(), started.body());
        return RestApi.json(started.body()).getJsonNumber("id").longValue();
    }

    private JsonObject run(long id) {
        return alice.object("GET", "/sync-runs/" + id, "");
    }

    /** Polls the run until {@code until} holds for it; that view of the run. */
    private JsonObject awaitRun(long id, Predicate<JsonObject> until) {
        return Poll.until("Run " + id + " as awaited", RUN_TIMEOUT, () -> run(id), until);
    }

    private List<JsonObject> bcContacts() {
        return alice.allItems("/contacts");
    }
}

package org.contactsync.jobqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.contactsync.graph.OutlookContact;
import org.contactsync.graph.OutlookMailbox;
import org.contactsync.testsupport.DefaultSyncFilter;
import org.contactsync.testsupport.FacesSession;
import org.contactsync.testsupport.OwnServers;
import org.contactsync.testsupport.PayaraMicroProcess;
import org.contactsync.testsupport.PayaraMicroProcess.Database;
import org.contactsync.testsupport.Poll;
import org.contactsync.testsupport.RestApi;
import org.contactsync.testsupport.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one PostgreSQL database share the job queue: each due run happens exactly once, on one of them; while
 * one is frozen (SIGSTOP) the other runs the slots; and a server killed (SIGKILL) in the middle of a run leaves the
 * entry to the other once its lease expires, with one Outlook copy of each contact in the end. (Being the test run's
 * two servers on one database, they also show that a user name locked out on one is locked out on the other.) Every scheduled slot
 * runs exactly once: each run's log entry names its slot, and the slots follow the scheduling rule run by run.
 *
 * <p>Three Payara Micro processes: the Microsoft 365 sandbox in its own ({@link SandboxServer}: killing a node must
 * not take Outlook with it), and nodes {@code a} and {@code b} with demo data on a fresh PostgreSQL schema of their
 * own, started together. Time is scaled as in {@code JobQueueIT}: a "minute between runs" lasts 2 s and each node
 * looks for due entries every second; a lease lasts 4 s (job queue entry and sync run alike), so a stopped node's
 * run is recovered within seconds. Each method schedules an entry of its own and puts back what it changed (alice's
 * background sync, the sandbox's latency); a node a method killed is started again before the next one.
 */
@OwnServers
class JobQueueTwoNodesIT {

    private static final Duration MINUTE = Duration.ofSeconds(2);
    private static final int LEASE_SECONDS = 4;
    private static final int SLOTS = 20;
    private static final int RUNS_BEFORE_FREEZE = 6;
    private static final int RUNS_WHILE_FROZEN = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String MAILBOX = "alice@contoso.example";
    /** Added to alice's 33 demo persons: her first sync writes three chunks of at most 80 (PlanChunks). */
    private static final int ADDED_PERSONS = 200;

    private static SandboxServer sandbox;
    private static Database database;
    private static List<PayaraMicroProcess> nodes;


    @BeforeAll
    static void startServers() {
        sandbox = SandboxServer.named("two-nodes-sandbox");
        database = Database.postgresqlSchema("it_two_nodes_" + UUID.randomUUID().toString().substring(0, 8));
        nodes = List.of(node("two-nodes-a"), node("two-nodes-b"));
        // All three at once. The nodes on the empty schema: whichever comes first migrates and adds the demo data,
        // the other waits for it (Flyway's lock, then SeedingLock) and finds it there.
        List<Runnable> starts = List.of(sandbox::start, nodes.get(0)::start, nodes.get(1)::start);
        CompletableFuture.allOf(starts.stream().map(CompletableFuture::runAsync).toArray(CompletableFuture[]::new))
                .join();
    }

    private static PayaraMicroProcess node(String name) {
        return PayaraMicroProcess.named(name).demoData(true).sandbox(false).database(database).heapMegabytes(320)
                .properties(sandbox.graphProperties())
                .property("contactsync.jobqueue.seconds-per-minute", String.valueOf(MINUTE.toSeconds()))
                .property("contactsync.jobqueue.heartbeat-seconds", "1")
                .property("contactsync.jobqueue.lease-seconds", String.valueOf(LEASE_SECONDS))
                .property("contactsync.sync.lease-seconds", String.valueOf(LEASE_SECONDS))
                .property("contactsync.jobqueue.contact-sync.retry-postponed-seconds", "2")
                .build();
    }

    /** Both nodes up for each method, whatever the one before did to them. */
    @BeforeEach
    void bothNodesRun() {
        nodes.stream().filter(node -> !node.isAlive()).forEach(PayaraMicroProcess::start);
    }

    /** A new entry for codeunit 6700: every minute, every day, at most one attempt per run; On Hold. */
    private static long newEntry(String description) {
        return admin(nodes.get(0)).object("POST", "/job-queue-entries", "{\"description\":\"" + description
                + "\",\"objectId\":6700,\"recurring\":true,\"runOnDays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\","
                + "\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],\"minutesBetweenRuns\":1,\"maxAttempts\":1}")
                .getJsonNumber("id").longValue();
    }

    @AfterAll
    static void stopServers() {
        if (nodes != null) {
            nodes.forEach(PayaraMicroProcess::close);
        }
        if (database != null) {
            database.drop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void eachDueRunHappensOnceAndWhileOneNodeIsFrozenTheOtherRunsTheSlots() {
        long entryId = newEntry("Every minute, two nodes");
        var ready = admin(nodes.get(1)).object("POST", "/job-queue-entries/" + entryId + "/set-ready", "");
        Instant firstSlot = Instant.parse(ready.getString("nextRunAt"));

        // Whichever node's heartbeat comes first after a slot runs it, so one node may run every slot. To show that
        // the other is as ready, freeze the node that ran the last slot (right after it ended, so it holds no lock
        // and no lease): the next slots must be run by the other one.
        List<JsonObject> beforeFreeze = Poll.until(RUNS_BEFORE_FREEZE + " runs", PATIENCE, () -> runsOn(nodes.get(1), entryId),
                runs -> runs.size() >= RUNS_BEFORE_FREEZE && ended(runs.get(runs.size() - 1)));
        PayaraMicroProcess frozen = nodeOf(beforeFreeze.get(beforeFreeze.size() - 1));
        PayaraMicroProcess other = otherThan(frozen);
        Instant frozenAt = Instant.now();
        frozen.suspend();
        try {
            Poll.until(RUNS_WHILE_FROZEN + " runs while " + frozen.name() + " is frozen", PATIENCE, () -> runsOn(other, entryId),
                    runs -> runs.stream().filter(run -> ended(run) && startedAt(run).isAfter(frozenAt)).count()
                            >= RUNS_WHILE_FROZEN);
        } finally {
            frozen.resume();
        }
        Instant thawedAt = Instant.now();
        Poll.until(SLOTS + " ended runs", PATIENCE, () -> runsOn(other, entryId),
                runs -> runs.stream().filter(JobQueueTwoNodesIT::ended).count() >= SLOTS);
        admin(other).object("POST", "/job-queue-entries/" + entryId + "/set-on-hold", "");
        List<JsonObject> runs = Poll.until("the last run to end", PATIENCE, () -> runsOn(other, entryId),
                all -> all.stream().allMatch(JobQueueTwoNodesIT::ended));

        // Each run's log entry names the slot it was for. The rule: the first run is for the first slot, and each
        // next one for the first slot after the previous run ended (a slot that passed while a run went on is not
        // caught up). So every scheduled slot ran exactly once, on one node: a slot run twice, a scheduled slot
        // left out or a missed one caught up breaks the chain.
        Instant origin = scheduledAt(runs.get(0));
        assertTrue(Duration.between(firstSlot, origin).abs().compareTo(Duration.ofMillis(1)) < 0,
                "the first run is for the first slot " + firstSlot + " (the database keeps microseconds): " + runs);
        for (int i = 1; i < runs.size(); i++) {
            JsonObject previous = runs.get(i - 1);
            JsonObject run = runs.get(i);
            assertEquals(firstSlotAfter(origin, endedAt(previous)), scheduledAt(run), "run " + (i + 1)
                    + " is not for the first slot after the previous run ended: " + previous + " then " + run);
            assertFalse(startedAt(run).isBefore(endedAt(previous)), "runs overlap: " + previous + " and " + run);
        }
        for (JsonObject run : runs) {
            assertFalse(startedAt(run).isBefore(scheduledAt(run)), "a run before its slot: " + run);
            assertEquals("SUCCESS", run.getString("status"), run.toString());
            assertEquals("No employee has background synchronization enabled.", run.getString("message"));
            if (startedAt(run).isAfter(frozenAt) && startedAt(run).isBefore(thawedAt)) {
                assertEquals(other, nodeOf(run), "a frozen node runs nothing: " + run);
            }
        }
    }

    /** The first slot ({@code origin} plus whole {@link #MINUTE}s) strictly after {@code moment}. */
    private static Instant firstSlotAfter(Instant origin, Instant moment) {
        return origin.plus(MINUTE.multipliedBy(Duration.between(origin, moment).dividedBy(MINUTE) + 1));
    }

    @Test
    void aNodeKilledMidRunIsRecoveredByTheOtherAfterItsLeaseAndOutlookHasOneCopyOfEachContact() throws Exception {
        addPersonsForAlice(ADDED_PERSONS);
        Set<String> inScope = alicesContactsInScope();
        assertTrue(inScope.size() > 2 * OutlookMailbox.WRITES_AT_ONCE,
                "a first sync of several chunks: " + inScope.size());
        // Every Outlook request of alice's first sync now takes a while: the run is caught with part of her
        // contacts written. A chunk's writes (four sequential batches of 20, in flight together) all reach the
        // sandbox, and a batch Graph has accepted runs to its end, but the next chunk goes out only after them.
        long entryId = newEntry("Every minute, a node killed");
        sandbox.latency(400);
        var alice = FacesSession.signedIn(nodes.get(0).baseUrl(), "alice", "alice-demo-2026");
        JobQueueIT.enableBackgroundSync(alice, "alice");
        try {
            killANodeMidRunAndSeeTheOtherRecoverIt(entryId, inScope);
        } finally {
            sandbox.latency(0);
            var survivorSession = FacesSession.signedIn(survivingNode().baseUrl(), "alice", "alice-demo-2026");
            JobQueueIT.disableBackgroundSync(survivorSession, "alice");
            admin(survivingNode()).object("POST", "/job-queue-entries/" + entryId + "/set-on-hold", "");
        }
    }

    @Test
    void aUserNameLockedOutOnOneServerIsLockedOutOnTheOther() throws Exception {
        var first = survivingNode();
        var second = otherThan(first);
        var session = new FacesSession(first.baseUrl());
        for (int i = 1; i <= 4; i++) {
            assertTrue(session.signIn("bob", "wrong-" + i).body().contains("The user name or password is incorrect."));
        }
        assertTrue(session.signIn("bob", "wrong-5").body().contains("Too many failed sign-in attempts."),
                "the fifth failure locks");

        var rightPasswordOnTheOther = new FacesSession(second.baseUrl()).signIn("bob", "bob-demo-2026");

        assertEquals(200, rightPasswordOnTheOther.statusCode(), "not signed in");
        assertTrue(rightPasswordOnTheOther.body().contains("Too many failed sign-in attempts."),
                rightPasswordOnTheOther.body());
    }

    /** A node that runs, whichever one a test killed. */
    private static PayaraMicroProcess survivingNode() {
        return nodes.stream().filter(PayaraMicroProcess::isAlive).findFirst().orElseThrow();
    }

    private void killANodeMidRunAndSeeTheOtherRecoverIt(long entryId, Set<String> inScope) {
        admin(nodes.get(0)).object("POST", "/job-queue-entries/" + entryId + "/set-ready", "");

        Poll.until("alice's sync folder and some of her contacts created", PATIENCE,
                () -> sandbox.requestsByMethod(MAILBOX), requests -> requests.getInt("POST", 0) >= 4);
        JsonObject running = runsOn(nodes.get(0), entryId).stream().filter(run -> !ended(run)).findFirst()
                .orElseThrow(() -> new AssertionError("No run in process: " + runsOn(nodes.get(0), entryId)));
        PayaraMicroProcess killed = nodeOf(running);
        PayaraMicroProcess survivor = otherThan(killed);
        killed.kill();
        sandbox.latency(0);
        int writtenBeforeTheKill = sandbox.syncFolder(MAILBOX).size();
        assertTrue(writtenBeforeTheKill > 0 && writtenBeforeTheKill < inScope.size(),
                "the killed run wrote part of the folder: " + writtenBeforeTheKill + " of " + inScope.size());

        long interruptedId = running.getJsonNumber("id").longValue();
        List<JsonObject> runs = Poll.until("the run to be recovered and end", PATIENCE,
                () -> runsOn(survivor, entryId), all -> recoveredAndEnded(all, interruptedId));
        JsonObject interrupted = runs.stream().filter(run -> run.getJsonNumber("id").longValue() == interruptedId)
                .findFirst().orElseThrow();
        assertEquals("ERROR", interrupted.getString("status"), interrupted.toString());
        assertTrue(interrupted.getString("message").startsWith("Interrupted: the server running it ("
                + running.getString("server") + ") stopped"), interrupted.toString());
        JsonObject recovered = runs.get(runs.indexOf(interrupted) + 1);
        assertEquals(survivor, nodeOf(recovered), "the surviving node recovered it: " + recovered);
        assertTrue(recovered.getString("message").startsWith("Recovered after the server running it ("
                + running.getString("server") + ") stopped."), recovered.toString());
        assertEquals("SUCCESS", recovered.getString("status"), recovered.toString());
        var item = recovered.getJsonArray("items").getJsonObject(0);
        assertEquals("alice=SUCCEEDED", item.getString("subject") + "=" + item.getString("outcome"), item.toString());
        admin(survivor).object("POST", "/job-queue-entries/" + entryId + "/set-on-hold", "");

        List<OutlookContact> folder = sandbox.syncFolder(MAILBOX);
        List<String> stamps = folder.stream().map(c -> c.stamp().orElse("(unstamped " + c.graphId() + ")")).toList();
        assertEquals(inScope, Set.copyOf(stamps), "every in-scope contact in Outlook, nothing else");
        assertEquals(inScope.size(), stamps.size(), "one Outlook copy of each");
    }

    // Helpers ------------------------------------------------------------------------------------------------------

    private static boolean recoveredAndEnded(List<JsonObject> runs, long interruptedId) {
        for (int i = 0; i < runs.size() - 1; i++) {
            if (runs.get(i).getJsonNumber("id").longValue() == interruptedId) {
                return ended(runs.get(i)) && ended(runs.get(i + 1));
            }
        }
        return false;
    }

    private static PayaraMicroProcess otherThan(PayaraMicroProcess node) {
        return nodes.stream().filter(each -> each != node).findFirst().orElseThrow();
    }

    private static RestApi admin(PayaraMicroProcess node) {
        return RestApi.as(node, "admin", "admin-ws-key-demo-0000000000000000");
    }

    /** The entry's runs, oldest first. */
    private static List<JsonObject> runsOn(PayaraMicroProcess node, long entryId) {
        List<JsonObject> runs = new ArrayList<>(admin(node).array("/job-queue-entries/" + entryId + "/log-entries"));
        Collections.reverse(runs);
        return runs;
    }

    /** New persons with a name and an e-mail, in scope of alice's default filter, through the REST API. */
    private static void addPersonsForAlice(int count) {
        RestApi alice = RestApi.as(nodes.get(0), "alice", "alice-ws-key-demo-000000000000000");
        for (int i = 0; i < count; i++) {
            alice.object("POST", "/contacts", "{\"firstName\":\"Killed\",\"surname\":\"Run " + i
                    + "\",\"email\":\"killed.run." + i + "@example.com\"}");
        }
    }

    private static Set<String> alicesContactsInScope() {
        return RestApi.as(nodes.get(0), "alice", "alice-ws-key-demo-000000000000000").allItems("/contacts").stream()
                .filter(DefaultSyncFilter::includes).map(c -> c.getString("no")).collect(Collectors.toSet());
    }

    /** The node a run's server name (host/pid/random) names. */
    private static PayaraMicroProcess nodeOf(JsonObject run) {
        String pid = run.getString("server").split("/")[1];
        return nodes.stream().filter(node -> String.valueOf(node.pid()).equals(pid)).findFirst()
                .orElseThrow(() -> new AssertionError("A run on neither node: " + run));
    }

    private static boolean ended(JsonObject run) {
        return !run.getString("status").equals("IN_PROCESS");
    }

    private static Instant scheduledAt(JsonObject run) {
        return Instant.parse(run.getString("scheduledAt"));
    }

    private static Instant startedAt(JsonObject run) {
        return Instant.parse(run.getString("startedAt"));
    }

    private static Instant endedAt(JsonObject run) {
        return Instant.parse(run.getString("endedAt"));
    }
}

package org.contactsync.jobqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.contactsync.testsupport.ContactSyncSetupPage;
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
 * one is frozen (SIGSTOP) the other runs the slots; one run of codeunit 6700 has both servers sync its employees, and
 * when one is killed (SIGKILL) in the middle, the other takes over its employees once their leases expire and ends
 * the one run with every employee once and one Outlook copy of each contact. (Being the test run's
 * two servers on one database, they also show that a user name locked out on one is locked out on the other.) Every scheduled slot
 * runs exactly once: each run's log entry names its slot, and the slots follow the scheduling rule run by run.
 *
 * <p>Three Payara Micro processes: the Microsoft 365 sandbox in its own ({@link SandboxServer}: killing a node must
 * not take Outlook with it), and nodes {@code a} and {@code b} with demo data on a fresh PostgreSQL schema of their
 * own, started together. Time is scaled as in {@code JobQueueIT}: a "minute between runs" lasts 2 s and each node
 * looks for due entries every second; a lease lasts 4 s (job queue entry, run part and sync run alike), so a stopped
 * node's work is taken over within seconds; each node syncs two employees at a time. Each method schedules an entry
 * of its own and puts back what it changed (background sync, the sandbox's latency); a node a method killed is
 * started again before the next one.
 */
@OwnServers
class JobQueueTwoNodesIT {

    private static final Duration MINUTE = Duration.ofSeconds(2);
    private static final int LEASE_SECONDS = 4;
    private static final int SLOTS = 20;
    private static final int RUNS_BEFORE_FREEZE = 6;
    private static final int RUNS_WHILE_FROZEN = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Employees whose syncs one run spreads over the nodes: three per node, at two at a time. */
    private static final int EMPLOYEES = 6;
    private static final int CONTACTS = 40;
    private static final List<String> EMPLOYEE_MAILBOXES = IntStream.rangeClosed(1, EMPLOYEES)
            .mapToObj(i -> String.format("spread-%03d@contoso.example", i)).toList();

    private static SandboxServer sandbox;
    private static Database database;
    private static List<PayaraMicroProcess> nodes;


    @BeforeAll
    static void startServers() {
        sandbox = SandboxServer.named("two-nodes-sandbox", EMPLOYEE_MAILBOXES);
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
                .property("contactsync.jobqueue.contact-sync.concurrency", "2")
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
    void oneRunIsSpreadOverBothNodesAndWhenOneIsKilledTheOtherEndsItWithEveryEmployeeOnce() throws Exception {
        List<String> employees = employeesWithContacts();
        Map<String, Set<String>> inScope = employees.stream()
                .collect(Collectors.toMap(employee -> employee, JobQueueTwoNodesIT::contactsInScope));
        long entryId = newEntry("Every minute, spread and killed");
        // Each Outlook request takes a while, so that every employee's first sync lasts some seconds and the kill
        // comes in the middle of some of them.
        sandbox.latency(500);
        try {
            killANodeMidRunAndSeeTheOtherEndIt(entryId, employees, inScope);
        } finally {
            sandbox.latency(0);
            FacesSession admin = FacesSession.signedIn(survivingNode().baseUrl(), "admin", "admin-demo-2026");
            for (String employee : employees) {
                JobQueueIT.disableBackgroundSync(admin, employee);
            }
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

    private void killANodeMidRunAndSeeTheOtherEndIt(long entryId, List<String> employees,
            Map<String, Set<String>> inScope) {
        admin(nodes.get(0)).object("POST", "/job-queue-entries/" + entryId + "/set-ready", "");
        JsonObject run = Poll.until("a run in process", PATIENCE, () -> runsOn(nodes.get(0), entryId),
                runs -> runs.stream().anyMatch(each -> !ended(each))).stream().filter(each -> !ended(each))
                .findFirst().orElseThrow();
        // One run is enough: On Hold, the entry lets it end and starts no next one.
        admin(nodes.get(0)).object("POST", "/job-queue-entries/" + entryId + "/set-on-hold", "");
        long logEntryId = run.getJsonNumber("id").longValue();

        // Two employees at a time per node: whichever node split the run, the other one takes parts of it too.
        Map<String, String> running = Poll.until("both nodes running parts of the run", PATIENCE,
                () -> runningParts(logEntryId), parts -> parts.values().stream()
                        .map(JobQueueTwoNodesIT::nodeOfServer).distinct().count() == 2);
        PayaraMicroProcess killed = nodeOfServer(running.values().iterator().next());
        PayaraMicroProcess survivor = otherThan(killed);
        Set<String> cutOff = running.entrySet().stream().filter(part -> nodeOfServer(part.getValue()) == killed)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        killed.kill();
        sandbox.latency(0);

        List<JsonObject> runs = Poll.until("the run to end", PATIENCE, () -> runsOn(survivor, entryId),
                all -> all.stream().allMatch(JobQueueTwoNodesIT::ended));
        assertEquals(1, runs.size(), "one run, not recovered as a second one: " + runs);
        JsonObject ended = runs.get(0);
        assertEquals("SUCCESS", ended.getString("status"), ended.toString());
        List<String> outcomes = ended.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("subject") + "=" + item.getString("outcome")).sorted().toList();
        assertEquals(employees.stream().map(employee -> employee + "=SUCCEEDED").sorted().toList(), outcomes,
                "every employee once, those cut off on the killed node (" + cutOff + ") too: " + ended);
        for (int e = 0; e < employees.size(); e++) {
            String employee = employees.get(e);
            List<String> stamps = sandbox.syncFolder(EMPLOYEE_MAILBOXES.get(e)).stream()
                    .map(c -> c.stamp().orElse("(unstamped " + c.graphId() + ")")).toList();
            assertEquals(inScope.get(employee), Set.copyOf(stamps), employee + ": every in-scope contact in Outlook");
            assertEquals(inScope.get(employee).size(), stamps.size(), employee + ": one Outlook copy of each");
        }
    }

    // Helpers ------------------------------------------------------------------------------------------------------

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

    /**
     * {@value #EMPLOYEES} new employees, created by the demo admin on node a, each with a sandbox mailbox of its own,
     * {@value #CONTACTS} contacts named after it, a filter that takes them, and background sync on; their names, in
     * the order of {@link #EMPLOYEE_MAILBOXES}.
     */
    private static List<String> employeesWithContacts() throws Exception {
        FacesSession admin = FacesSession.signedIn(nodes.get(0).baseUrl(), "admin", "admin-demo-2026");
        List<String> employees = new ArrayList<>();
        for (String mailbox : EMPLOYEE_MAILBOXES) {
            String userName = FacesSession.newEmployee(admin, "spread", mailbox).userName();
            for (int c = 0; c < CONTACTS; c++) {
                admin(nodes.get(0)).object("POST", "/contacts", "{\"firstName\":\"" + userName + "\",\"surname\":"
                        + "\"Contact " + c + "\",\"email\":\"c" + c + "." + userName + "@example.com\"}");
            }
            ContactSyncSetupPage.save(admin, userName, Map.of("filterName", userName + "*"),
                    new ContactSyncSetupPage.Switches(true, false));
            employees.add(userName);
        }
        return employees;
    }

    private static Set<String> contactsInScope(String employee) {
        Set<String> inScope = admin(nodes.get(0)).allItems("/contacts?name=" + employee).stream()
                .filter(DefaultSyncFilter::includes).map(c -> c.getString("no")).collect(Collectors.toSet());
        assertEquals(CONTACTS, inScope.size(), employee);
        return inScope;
    }

    /** The subjects of the run's parts running now, with the server of each (read from the shared database). */
    private static Map<String, String> runningParts(long logEntryId) {
        Map<String, String> running = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(database.properties().get("contactsync.db.url"),
                database.properties().get("contactsync.db.user"), "unused-with-trust-auth");
                PreparedStatement parts = db.prepareStatement("select subject, server from job_queue_run_part "
                        + "where log_entry_id = ? and state = 'RUNNING'")) {
            parts.setLong(1, logEntryId);
            try (ResultSet rows = parts.executeQuery()) {
                while (rows.next()) {
                    running.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return running;
    }

    /** The node a run's server name (host/pid/random) names. */
    private static PayaraMicroProcess nodeOf(JsonObject run) {
        return nodeOfServer(run.getString("server"));
    }

    private static PayaraMicroProcess nodeOfServer(String server) {
        String pid = server.split("/")[1];
        return nodes.stream().filter(node -> String.valueOf(node.pid()).equals(pid)).findFirst()
                .orElseThrow(() -> new AssertionError("A server that is neither node: " + server));
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

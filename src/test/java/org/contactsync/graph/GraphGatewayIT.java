package org.contactsync.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.contactsync.sandbox.SandboxSettings;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.SandboxAdmin;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The graph package in this (test) JVM against the real WAR's sandbox over TLS, through azure-identity and the
 * official SDK: connection checks, the sync folder, batched writes with their request counts, listing with stamps,
 * delta rounds, the 410 reset and throttling.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GraphGatewayIT {

    private static final String ALICE = "alice@contoso.example";

    /** At the root context: MSAL posts to https://host/{tenant}/oauth2/v2.0/token, which the sandbox serves there. */
    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(Deployments.realWar());
    }

    @ArquillianResource
    URL base;

    private final GraphClients clients = new GraphClients();
    private final GraphConnectionChecks checks = new GraphConnectionChecks(clients);
    private final OutlookContactsGateway gateway = new OutlookContactsGateway(clients);
    private String httpsHost;

    @BeforeEach
    void freshSandbox() {
        httpsHost = "https://localhost:" + System.getProperty("it.sslport.h2");
        admin("POST", "/reset", "");
        admin("PUT", "/batch", "{\"parallelDispatch\":\"" + parallelDispatch() + "\"}");
    }

    /**
     * How the sandbox hands a parallel batch's items to Exchange while this class runs (the sources disagree:
     * docs/graph-fidelity.md); {@link GraphGatewayAllAtOnceIT} runs every test under the other setting.
     */
    String parallelDispatch() {
        return "FOUR_AT_A_TIME";
    }

    private GraphConnectionSettings settings(String tenant, String clientId, String secret) {
        return GraphConnectionSettings.withSecret(tenant, clientId, secret, httpsHost,
                httpsHost + "/sandbox/graph/v1.0");
    }

    private GraphConnectionSettings demo() {
        return settings("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET);
    }

    private long alicesRoundTrips() {
        return admin("GET", "/mailboxes/" + ALICE + "/counters", "").getJsonNumber("roundTrips").longValue();
    }

    private JsonObject admin(String method, String path, String json) {
        return SandboxAdmin.of(base).call(method, path, json);
    }

    private static List<OutlookWrite> creates(int from, int count) {
        List<OutlookWrite> writes = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            writes.add(new OutlookWrite.Create(String.format("CT%06d", i), FieldValues.of(Map.of(
                    SyncedField.FIRST_NAME, "Person", SyncedField.SURNAME, "No" + i, SyncedField.NAME, "Person No" + i,
                    SyncedField.E_MAIL, "person" + i + "@example.com", SyncedField.FAX_NO, "+46 8 " + i))));
        }
        return writes;
    }

    private static List<String> createdIds(WriteReport report) {
        return report.outcomes().stream().map(o -> assertInstanceOf(WriteOutcome.Created.class, o, report.toString()))
                .map(WriteOutcome.Created::graphId).toList();
    }

    @Test
    void connectionChecksTranslateWhatAnAdministratorGetsWrong() {
        ConnectionCheckResult ok = checks.testConnection(demo(), Optional.empty());
        assertTrue(ok.ok(), ok.toString());

        ConnectionCheckResult wrongSecret = checks.testConnection(settings("contoso-sandbox",
                SandboxSettings.DEMO_CLIENT_ID, "not-the-secret-42"), Optional.empty());
        assertEquals(ConnectionCheckOutcome.WRONG_SECRET, wrongSecret.outcome(), wrongSecret.technicalDetail());
        assertTrue(wrongSecret.technicalDetail().contains("AADSTS7000215"), wrongSecret.technicalDetail());
        assertFalse(wrongSecret.technicalDetail().contains("not-the-secret-42"));

        // A wrong tenant (AADSTS90002) is covered by GraphFailuresTest only: MSAL posts to /{tenant}/oauth2/v2.0/token
        // at the root, and the sandbox can serve that path only for its own tenant (web.xml's "/*" sign-in
        // constraint answers any other path with the login page).

        ConnectionCheckResult wrongClient = checks.testConnection(settings("contoso-sandbox",
                "11111111-2222-3333-4444-555555555555", SandboxSettings.DEMO_SECRET), Optional.empty());
        assertEquals(ConnectionCheckOutcome.WRONG_CLIENT_ID, wrongClient.outcome(), wrongClient.technicalDetail());

        ConnectionCheckResult noContacts = checks.testConnection(settings("contoso-sandbox",
                SandboxSettings.DEMO_UNPRIVILEGED_CLIENT_ID, SandboxSettings.DEMO_SECRET), Optional.of(ALICE));
        assertEquals(ConnectionCheckOutcome.PERMISSION_MISSING, noContacts.outcome(), noContacts.technicalDetail());

        ConnectionCheckResult nowhere = checks.testConnection(GraphConnectionSettings.withSecret("contoso-sandbox",
                SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET, "https://localhost:1",
                "https://localhost:1/v1.0"), Optional.empty());
        assertEquals(ConnectionCheckOutcome.UNREACHABLE, nowhere.outcome(), nowhere.technicalDetail());

        assertTrue(checks.validateMailbox(demo(), ALICE).ok());
        ConnectionCheckResult unknown = checks.validateMailbox(demo(), "mallory@contoso.example");
        assertEquals(ConnectionCheckOutcome.MAILBOX_NOT_FOUND, unknown.outcome(), unknown.technicalDetail());
        ConnectionCheckResult denied = checks.validateMailbox(settings("contoso-sandbox",
                SandboxSettings.DEMO_UNPRIVILEGED_CLIENT_ID, SandboxSettings.DEMO_SECRET), ALICE);
        assertEquals(ConnectionCheckOutcome.ACCESS_DENIED, denied.outcome(), denied.technicalDetail());
    }

    @Test
    void theSyncFolderIsFoundOrCreatedOnceAndRenamedInPlace() {
        OutlookMailbox alice = gateway.open(demo(), ALICE);
        String folder = alice.ensureFolder("Business Central");
        assertEquals(folder, alice.ensureFolder("Business Central"));
        assertEquals(folder, gateway.open(demo(), ALICE).ensureFolder("Business Central"));
        assertEquals(1, admin("GET", "/mailboxes/" + ALICE + "/counters", "").getJsonObject("byMethod").getInt("POST"),
                "one folder created");

        alice.renameFolder(folder, "CRM – O'Brien & Co");
        assertEquals(folder, alice.ensureFolder("CRM – O'Brien & Co"), "found by its new name, quotes and all");
    }

    @Test
    void batchedWritesListingAndDeltaRoundsWithTheirRequestCounts() {
        OutlookMailbox alice = gateway.open(demo(), ALICE);
        String folder = alice.ensureFolder("Business Central");
        int before = alice.requestCount();

        List<String> ids = createdIds(alice.apply(folder, creates(1, 45)));
        assertEquals(3, alice.requestCount() - before, "45 creates in 3 $batch requests");

        before = alice.requestCount();
        List<OutlookContact> listed = alice.listFolder(folder);
        assertEquals(1, alice.requestCount() - before, "one page");
        assertEquals(Set.copyOf(ids), listed.stream().map(OutlookContact::graphId).collect(Collectors.toSet()));
        OutlookContact third = listed.stream().filter(c -> c.graphId().equals(ids.get(2))).findFirst().orElseThrow();
        assertEquals(Optional.of("CT000003"), third.stamp());
        assertEquals("+46 8 3", third.values().get(SyncedField.FAX_NO));
        assertEquals("person3@example.com", third.values().get(SyncedField.E_MAIL));

        var first = assertInstanceOf(DeltaRound.Changes.class, alice.delta(folder, Optional.empty()));
        assertTrue(first.fromScratch());
        assertEquals(45, first.changed().size());

        String firstChangeKey = listed.stream().filter(c -> c.graphId().equals(ids.get(0))).findFirst().orElseThrow()
                .changeKey();
        var edit = new OutlookWrite.Update(ids.get(0), Optional.of(firstChangeKey),
                FieldValues.of(Map.of(SyncedField.JOB_TITLE, "CTO")));
        var stale = new OutlookWrite.Update(ids.get(1), Optional.of("not-the-change-key"),
                FieldValues.of(Map.of(SyncedField.JOB_TITLE, "CFO")));
        var delete = new OutlookWrite.Delete(ids.get(4));
        WriteReport edits = alice.apply(folder, List.of(edit, stale, delete, new OutlookWrite.Delete("no-such-id")));
        assertInstanceOf(WriteOutcome.Updated.class, edits.outcomes().get(0), edits.toString());
        assertInstanceOf(WriteOutcome.Conflict.class, edits.outcomes().get(1), edits.toString());
        assertInstanceOf(WriteOutcome.Deleted.class, edits.outcomes().get(2), edits.toString());
        assertInstanceOf(WriteOutcome.AlreadyGone.class, edits.outcomes().get(3), edits.toString());

        before = alice.requestCount();
        var second = assertInstanceOf(DeltaRound.Changes.class, alice.delta(folder, Optional.of(first.deltaLink())));
        assertEquals(1, alice.requestCount() - before, "one delta page");
        assertFalse(second.fromScratch());
        assertEquals(List.of(ids.get(0)), second.changed().stream().map(OutlookContact::graphId).toList());
        assertEquals("CTO", second.changed().get(0).values().get(SyncedField.JOB_TITLE));
        assertEquals(Set.of(ids.get(4)), second.removedIds());

        List<OutlookContact> completed = alice.withExtendedProperties(folder, second.changed());
        assertEquals(Optional.of("CT000001"), completed.get(0).stamp());
        assertEquals("+46 8 1", completed.get(0).values().get(SyncedField.FAX_NO));

        admin("POST", "/mailboxes/" + ALICE + "/delta-tokens/expire", "");
        assertInstanceOf(DeltaRound.Expired.class, alice.delta(folder, Optional.of(second.deltaLink())));
        assertEquals(44, assertInstanceOf(DeltaRound.Changes.class, alice.delta(folder, Optional.empty()))
                .changed().size(), "a new round from scratch after the reset");
    }

    @Test
    void anInitialSyncOfAThousandContactsStaysWithinSixtyRequestsAndOneToken() {
        long tokensBefore = admin("GET", "/tokens", "").getJsonNumber("requests").longValue();
        // The sandbox's round trips (a $batch is one) are the oracle for the target; the gateway's own count must
        // agree with them.
        long roundTripsBefore = alicesRoundTrips();
        OutlookMailbox alice = gateway.open(demo(), ALICE);
        String folder = alice.ensureFolder("Business Central");
        alice.listFolder(folder);
        long beforeWrites = alicesRoundTrips();
        createdIds(alice.apply(folder, creates(1, 1000)));
        assertEquals(50, alicesRoundTrips() - beforeWrites, "1,000 creates in 50 $batch requests of 20");
        var round = assertInstanceOf(DeltaRound.Changes.class, alice.delta(folder, Optional.empty()));
        assertEquals(1000, round.changed().size());
        long requests = alicesRoundTrips() - roundTripsBefore;
        System.out.println("Initial sync of 1,000 contacts: " + requests + " Graph requests");
        assertTrue(requests <= 60, requests + " requests reached the mailbox");
        assertEquals(requests, alice.requestCount(), "the gateway counts what the mailbox saw");
        long tokenRequests = admin("GET", "/tokens", "").getJsonNumber("requests").longValue() - tokensBefore;
        assertTrue(tokenRequests <= 1,
                "at most one token request for the whole sync, not one per request: " + tokenRequests);
    }

    @Test
    void throttlingIsWaitedOutForWholeRequestsAndForBatchItems() {
        OutlookMailbox alice = gateway.open(demo(), ALICE);
        String folder = alice.ensureFolder("Business Central");

        admin("PUT", "/faults", "{\"script\":[\"THROTTLED\",\"THROTTLED\",\"UNAVAILABLE\"]}");
        assertTrue(alice.listFolder(folder).isEmpty());
        assertEquals(3, admin("GET", "/mailboxes/" + ALICE + "/counters", "").getInt("faults"),
                "three faults, then success through the SDK's RetryHandler");

        admin("PUT", "/limits", "{\"requestsPerWindow\":10,\"windowSeconds\":2}");
        int before = alice.requestCount();
        List<String> ids = createdIds(alice.apply(folder, creates(1, 15)));
        assertEquals(15, Set.copyOf(ids).size());
        assertTrue(admin("GET", "/mailboxes/" + ALICE + "/counters", "").getInt("throttled") >= 1,
                "items past the window's budget were throttled");
        assertTrue(alice.requestCount() - before >= 2, "the throttled items went again in a second batch");
    }

    @Test
    void aMailboxThrottlingPastTheBudgetIsReportedForPostponing() {
        OutlookMailbox alice = gateway.open(demo(), ALICE);
        String folder = alice.ensureFolder("Business Central");
        admin("PUT", "/limits", "{\"requestsPerWindow\":1,\"windowSeconds\":600}");

        WriteReport report = alice.apply(folder, creates(1, 3));

        assertTrue(report.mailboxThrottled(), report.toString());
        assertTrue(report.outcomes().stream().allMatch(WriteOutcome.Throttled.class::isInstance), report.toString());
    }
}

package org.contactsync.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contactsync.sandbox.FaultKind;
import org.contactsync.sandbox.RetryAfterForm;
import org.contactsync.sandbox.SandboxSettings;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.junit.jupiter.api.AfterEach;
import org.contactsync.testsupport.WaitsOutRealTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every form of Retry-After the sandbox can send (delay-seconds, 0, an HTTP date, none, negative, garbled) is
 * survived: whole requests through the SDK's RetryHandler, batch items through the gateway's own retry.
 */
@WaitsOutRealTime
class RetryAfterTest {

    private static final String ALICE = "alice@contoso.example";
    private final SandboxOverHttp server;
    private final OutlookContactsGateway gateway;

    RetryAfterTest() throws Exception {
        server = new SandboxOverHttp(SandboxSettings.demo());
        gateway = new OutlookContactsGateway(server.clientsOf(SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void sendRetryAfterAs(RetryAfterForm form, List<FaultKind> script) {
        server.sandbox.setFaults(new SandboxSettings.FaultSettings(script, 0, List.of(), Duration.ZERO, form));
    }

    @Test
    void onlyPositiveSecondsAndFutureDatesAreHintsTheRestIsNone() {
        Instant now = Instant.parse("2026-12-04T16:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("7", now));
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(" 7 ", now));
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse(DateTimeFormatter.RFC_1123_DATE_TIME
                .format(now.plusSeconds(90).atOffset(ZoneOffset.UTC)), now));
        for (String none : new String[]{null, "", "0", "-3", "1.5", "soon", "Fri, 04 Dec 2026 15:59:00 GMT"}) {
            assertEquals(Optional.empty(), RetryAfter.parse(none, now), "no hint in '" + none + "'");
        }
    }

    @Test
    void theBackOffDoublesUpToItsCeilingAndIsJitteredWithinTheUpperHalf() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            long ceiling = Math.min(RetryAfter.LONGEST_BACK_OFF.toMillis(), 1000L << (attempt - 1));
            for (int draw = 0; draw < 50; draw++) {
                long wait = RetryAfter.backOff(attempt).toMillis();
                assertTrue(wait >= ceiling / 2 && wait <= ceiling, "attempt " + attempt + ": " + wait + " ms");
            }
        }
        assertTrue(RetryAfter.backOff(1).compareTo(Duration.ZERO) > 0, "never zero: a zero wait hammers the mailbox");
    }

    @ParameterizedTest
    @EnumSource(RetryAfterForm.class)
    void aThrottledWholeRequestIsRetriedWhateverItsRetryAfterSays(RetryAfterForm form) {
        sendRetryAfterAs(form, List.of(FaultKind.THROTTLED, FaultKind.UNAVAILABLE));
        OutlookMailbox alice = gateway.open(server.settings(), ALICE);

        String folderId = alice.ensureFolder("CRM " + form);

        assertEquals(2, server.sandbox.counters(ALICE).faults(), "a 429 and a 503 were answered");
        assertEquals(4, alice.requestCount(), "the look-up, sent three times, and the create");
        assertTrue(server.sandbox.outlookFolders(ALICE).stream().anyMatch(f -> f.id().equals(folderId)));
    }

    @ParameterizedTest
    @EnumSource(value = RetryAfterForm.class, names = {"SECONDS", "HTTP_DATE"})
    void aThrottledBatchItemWaitsWhatAUsableRetryAfterSays(RetryAfterForm form) {
        WriteOutcome.Throttled throttled = secondItemThrottled(form);

        assertTrue(throttled.retryAfter().compareTo(Duration.ofSeconds(50)) >= 0
                        && throttled.retryAfter().compareTo(Duration.ofSeconds(61)) <= 0,
                "until the mailbox's window ends: " + throttled.retryAfter());
    }

    @ParameterizedTest
    @EnumSource(value = RetryAfterForm.class, names = {"ZERO", "ABSENT", "NEGATIVE", "GARBLED"})
    void aThrottledBatchItemWithoutAUsableRetryAfterBacksOffWithJitter(RetryAfterForm form) {
        WriteOutcome.Throttled throttled = secondItemThrottled(form);

        assertTrue(throttled.retryAfter().compareTo(RetryAfter.FIRST_BACK_OFF.dividedBy(2)) >= 0
                        && throttled.retryAfter().compareTo(RetryAfter.FIRST_BACK_OFF) <= 0,
                "the first back-off: " + throttled.retryAfter());
    }

    /**
     * A whole {@code $batch} answered 429 with a Retry-After longer than the session may wait: Graph carried out none
     * of it, and the mailbox asked to be left alone for ten minutes. Its writes stay undone and throttled (the engine
     * postpones the run) and nothing more goes to the mailbox: no read-back, no second send.
     */
    @Test
    void aWholeBatchThrottledForLongerThanTheBudgetLeavesItsWritesThrottledAndSendsNothingMore() {
        server.sandbox.setLimits(new SandboxSettings.Limits(4, 10_000, Duration.ofMinutes(10), Duration.ZERO, 600));
        OutlookMailbox alice = gateway.open(server.settings(), ALICE);
        String folderId = server.sandbox.outlookFolders(ALICE).get(0).id();
        sendRetryAfterAs(RetryAfterForm.SECONDS, List.of(FaultKind.THROTTLED));

        WriteReport report = alice.apply(folderId, List.of(create("CT1"), create("CT2")));

        assertTrue(report.mailboxThrottled(), report.toString());
        report.outcomes().forEach(outcome -> assertInstanceOf(WriteOutcome.Throttled.class, outcome, report.toString()));
        assertEquals(1, alice.requestCount(), "the throttled $batch, and nothing after it");
        assertTrue(server.sandbox.outlookContacts(ALICE, folderId).isEmpty(), "nothing written");
    }

    /**
     * Two creates in one batch to a mailbox that admits one request per minute: the second is throttled until the
     * window ends. The session may not wait, so the item's outcome shows the wait it would take.
     */
    private WriteOutcome.Throttled secondItemThrottled(RetryAfterForm form) {
        sendRetryAfterAs(form, List.of());
        server.sandbox.setLimits(new SandboxSettings.Limits(4, 2, Duration.ofMinutes(1), Duration.ZERO, 1));
        OutlookMailbox alice = gateway.open(server.settings(), ALICE, new ThrottleBudget(0, Duration.ZERO));
        String folderId = server.sandbox.outlookFolders(ALICE).get(0).id();
        List<OutlookWrite> writes = List.of(create("CT1"), create("CT2"), create("CT3"));

        WriteReport report = alice.apply(folderId, writes);

        assertTrue(report.mailboxThrottled(), report.toString());
        return assertInstanceOf(WriteOutcome.Throttled.class, report.outcomes().stream()
                .filter(WriteOutcome.Throttled.class::isInstance).findFirst().orElseThrow(), report.toString());
    }

    private static OutlookWrite create(String no) {
        return new OutlookWrite.Create(no, FieldValues.of(Map.of(SyncedField.NAME, "Person " + no,
                SyncedField.E_MAIL, no.toLowerCase() + "@example.com")));
    }
}

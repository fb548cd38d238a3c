package org.contactsync.sandbox;

import static org.contactsync.sandbox.SandboxCaller.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exchange's limits (per app and mailbox, the concurrency per app under one setting) and the injected faults. */
class LimitsAndFaultsTest {

    private static final String FOLDERS = "/users/alice@contoso.example/contactFolders";

    private final MutableClock clock = new MutableClock();
    private final Sandbox sandbox = new Sandbox(SandboxSettings.demo(), clock, new Random(7));
    private final SandboxCaller graph = new SandboxCaller(sandbox, SandboxSettings.DEMO_CLIENT_ID);

    @Test
    void aFifthConcurrentRequestToOneMailboxGets429WithAPositiveRetryAfter() throws Exception {
        sandbox.setLimits(new SandboxSettings.Limits(4, 10_000, Duration.ofMinutes(10), Duration.ofMillis(400), 2));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<GraphResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return graph.get(FOLDERS);
            }));
        }
        start.countDown();
        List<GraphResponse> throttled = new ArrayList<>();
        for (Future<GraphResponse> answer : answers) {
            GraphResponse response = answer.get();
            if (response.status() == 429) {
                throttled.add(response);
            } else {
                assertEquals(200, response.status());
            }
        }
        pool.shutdown();
        assertEquals(1, throttled.size());
        assertEquals("ApplicationThrottled", errorCode(throttled.get(0)));
        assertEquals("2", throttled.get(0).headers().get("Retry-After"));
        assertEquals(1, sandbox.counters("alice@contoso.example").throttled());
        assertEquals(200, graph.get("/users/bob@contoso.example/contactFolders").status(), "another mailbox is not affected");
    }

    /**
     * Four requests of the app in alice's mailbox still running when one goes to bob's: per app and mailbox bob's is
     * admitted; per app it is the app's fifth concurrent request and gets 429 MailboxConcurrency. Once one of alice's
     * is done, bob's is admitted under either.
     */
    @ParameterizedTest
    @EnumSource(ConcurrencyScope.class)
    void whileFourRequestsRunInOneMailboxAnotherMailboxIsServedOrThrottledAsTheConcurrencyScopeSays(
            ConcurrencyScope scope) {
        Throttle throttle = new Throttle(clock);
        SandboxSettings.Limits limits = new SandboxSettings.Limits(4, 10_000, Duration.ofMinutes(10), Duration.ZERO, 2);
        List<Throttle.Permit> alices = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            alices.add(throttle.enter(SandboxSettings.DEMO_CLIENT_ID, "alice@contoso.example", "GET", limits, scope));
        }

        if (scope == ConcurrencyScope.APP_AND_MAILBOX) {
            throttle.enter(SandboxSettings.DEMO_CLIENT_ID, "bob@contoso.example", "GET", limits, scope);
        } else {
            GraphError fifth = assertThrows(GraphError.class,
                    () -> throttle.enter(SandboxSettings.DEMO_CLIENT_ID, "bob@contoso.example", "GET", limits, scope));
            assertEquals(429, fifth.status());
            assertEquals("ApplicationThrottled", fifth.code());
            assertEquals("2", fifth.headers().get("Retry-After"));
            assertEquals(1, throttle.counters("bob@contoso.example").throttled());
            throttle.leave(alices.get(0));
            throttle.enter(SandboxSettings.DEMO_CLIENT_ID, "bob@contoso.example", "GET", limits, scope);
        }
        assertThrows(GraphError.class,
                () -> throttle.enter(SandboxSettings.DEMO_CLIENT_ID, "alice@contoso.example", "GET", limits, scope),
                "four of the app's requests run, so a fifth to alice is refused either way");
    }

    @Test
    void theConcurrencyScopeStartsAsConfiguredAndAResetRestoresIt() {
        SandboxSettings demo = SandboxSettings.demo();
        Sandbox configured = new Sandbox(new SandboxSettings(demo.tenant(), demo.apps(), demo.mailboxes(),
                demo.tokenLifetime(), demo.limits(), demo.faults(), demo.adminKey(), demo.batchDispatch(),
                ConcurrencyScope.APP), clock);
        assertEquals(ConcurrencyScope.APP_AND_MAILBOX, sandbox.concurrencyScope(), "the current page's rule by default");
        assertEquals(ConcurrencyScope.APP, configured.concurrencyScope());

        configured.setConcurrencyScope(ConcurrencyScope.APP_AND_MAILBOX);
        configured.reset();

        assertEquals(ConcurrencyScope.APP, configured.concurrencyScope());
    }

    @Test
    void theRequestBudgetPerWindowThrottlesUntilTheWindowEnds() {
        sandbox.setLimits(new SandboxSettings.Limits(4, 3, Duration.ofMinutes(10), Duration.ZERO, 1));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, graph.get(FOLDERS).status());
        }
        GraphResponse over = graph.get(FOLDERS);
        assertEquals(429, over.status());
        assertTrue(Long.parseLong(over.headers().get("Retry-After")) > 0);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(200, graph.get(FOLDERS).status());
        MailboxCounters counters = sandbox.counters("alice@contoso.example");
        assertEquals(5, counters.requests());
        assertEquals(1, counters.throttled());
        assertEquals(5L, counters.byMethod().get("GET"));
    }

    @Test
    void aScriptedSequenceOfFaultsIsServedInOrderThenNormalService() {
        sandbox.setFaults(new SandboxSettings.FaultSettings(List.of(FaultKind.THROTTLED, FaultKind.UNAVAILABLE,
                FaultKind.GATEWAY_TIMEOUT, FaultKind.DROPPED_CONNECTION, FaultKind.SLOW), 0, List.of(), Duration.ofMillis(50)));
        GraphResponse throttled = graph.get(FOLDERS);
        assertEquals(429, throttled.status());
        assertTrue(Integer.parseInt(throttled.headers().get("Retry-After")) > 0);
        GraphResponse unavailable = graph.get(FOLDERS);
        assertEquals(503, unavailable.status());
        assertTrue(unavailable.headers().containsKey("Retry-After"));
        assertEquals(504, graph.get(FOLDERS).status());
        assertTrue(graph.get(FOLDERS).dropConnection());
        long before = System.nanoTime();
        assertEquals(200, graph.get(FOLDERS).status(), "a slow answer is still a right one");
        assertTrue(System.nanoTime() - before >= Duration.ofMillis(50).toNanos());
        assertEquals(200, graph.get(FOLDERS).status());
        assertEquals(5, sandbox.counters("alice@contoso.example").faults());
    }

    @Test
    void theRetryAfterOfThrottledAndUnavailableAnswersTakesTheConfiguredForm() {
        java.util.Map<RetryAfterForm, java.util.Optional<String>> expected = java.util.Map.of(
                RetryAfterForm.SECONDS, java.util.Optional.of("1"),
                RetryAfterForm.ZERO, java.util.Optional.of("0"),
                RetryAfterForm.HTTP_DATE, java.util.Optional.of("Mon, 2 Mar 2026 09:00:01 GMT"),
                RetryAfterForm.ABSENT, java.util.Optional.empty(),
                RetryAfterForm.NEGATIVE, java.util.Optional.of("-1"),
                RetryAfterForm.GARBLED, java.util.Optional.of("soon"));
        for (RetryAfterForm form : RetryAfterForm.values()) {
            sandbox.setFaults(new SandboxSettings.FaultSettings(List.of(FaultKind.THROTTLED, FaultKind.UNAVAILABLE), 0,
                    List.of(), Duration.ZERO, form));
            GraphResponse throttled = graph.get(FOLDERS);
            GraphResponse unavailable = graph.get(FOLDERS);
            assertEquals(429, throttled.status());
            assertEquals(503, unavailable.status());
            assertEquals(expected.get(form), java.util.Optional.ofNullable(throttled.headers().get("Retry-After")), form.name());
            assertEquals(expected.get(form), java.util.Optional.ofNullable(unavailable.headers().get("Retry-After")), form.name());
        }
    }

    @Test
    void aProbabilityOfOneFaultsEveryRequestAndResetRestoresTheConfiguration() {
        sandbox.setFaults(new SandboxSettings.FaultSettings(List.of(), 1.0, List.of(FaultKind.UNAVAILABLE), Duration.ZERO));
        assertEquals(503, graph.get(FOLDERS).status());
        assertEquals(503, graph.get(FOLDERS).status());
        sandbox.reset();
        assertEquals(200, graph.get(FOLDERS).status());
    }

    @Test
    void aMailboxResetEmptiesItAndClearsItsCounters() {
        assertEquals(201, graph.post(FOLDERS, "{\"displayName\":\"CRM\"}").status());
        sandbox.resetMailbox("alice@contoso.example");
        assertEquals(0, sandbox.counters("alice@contoso.example").requests());
        assertEquals(0, SandboxCaller.values(SandboxCaller.ok(graph.get(FOLDERS), 200)).size());
    }
}

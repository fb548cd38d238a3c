package org.contactsync.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * The sandbox's start-up configuration (MicroProfile Config keys {@code contactsync.sandbox.*}, read by
 * {@code org.contactsync.sandbox.rest.SandboxProducer}).
 *
 * @param tenant        the tenant name clients put in the authority URL
 * @param apps          registered applications
 * @param mailboxes     user principal names of the mailboxes that exist
 * @param tokenLifetime how long an access token stays valid
 * @param limits        Exchange's per-mailbox limits (changeable at run time)
 * @param faults        injected faults (changeable at run time)
 * @param adminKey      the key the admin endpoints require in {@code X-Sandbox-Admin-Key}
 * @param batchDispatch how a parallel {@code $batch}'s items reach Exchange (changeable at run time)
 * @param concurrencyScope whose requests the concurrency limit counts together (changeable at run time)
 */
public record SandboxSettings(String tenant, List<SandboxApp> apps, List<String> mailboxes, Duration tokenLifetime,
                              Limits limits, FaultSettings faults, String adminKey, BatchDispatch batchDispatch,
                              ConcurrencyScope concurrencyScope) {

    public SandboxSettings {
        apps = List.copyOf(apps);
        mailboxes = List.copyOf(mailboxes);
    }

    /**
     * With the documented batch dispatch ({@link BatchDispatch#FOUR_AT_A_TIME}) and concurrency per app and mailbox
     * ({@link ConcurrencyScope#APP_AND_MAILBOX}).
     */
    public SandboxSettings(String tenant, List<SandboxApp> apps, List<String> mailboxes, Duration tokenLifetime,
                           Limits limits, FaultSettings faults, String adminKey) {
        this(tenant, apps, mailboxes, tokenLifetime, limits, faults, adminKey, BatchDispatch.FOUR_AT_A_TIME,
                ConcurrencyScope.APP_AND_MAILBOX);
    }

    /** The tenant's directory id, a GUID derived from its name; Entra accepts either in the authority. */
    public String tenantId() {
        return tenantIdOf(tenant);
    }

    public static String tenantIdOf(String tenantName) {
        return java.util.UUID.nameUUIDFromBytes(tenantName.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** The documented demo set-up, also what the unit tests start from. */
    public static SandboxSettings demo() {
        return new SandboxSettings("contoso-sandbox",
                List.of(SandboxApp.parse(DEMO_CLIENT_ID + ":" + DEMO_SECRET + ":Contacts.ReadWrite"),
                        SandboxApp.parse(DEMO_READER_CLIENT_ID + ":" + DEMO_SECRET + ":Contacts.Read"),
                        SandboxApp.parse(DEMO_UNPRIVILEGED_CLIENT_ID + ":" + DEMO_SECRET + ":User.Read.All")),
                List.of("admin@contoso.example", "alice@contoso.example", "bob@contoso.example"),
                Duration.ofSeconds(3599), Limits.exchangeOnline(), FaultSettings.none(), "sandbox-admin-demo-key");
    }

    public static final String DEMO_CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
    public static final String DEMO_READER_CLIENT_ID = "1f6d8a1e-3b5c-4d0a-9f2e-7c4b1a2d3e5f";
    public static final String DEMO_UNPRIVILEGED_CLIENT_ID = "0b2e4c6a-8d1f-4e3a-b5c7-9d0e1f2a3b4c";
    public static final String DEMO_SECRET = "sandbox-demo-secret";

    /**
     * Exchange Online's limits for the Outlook personal contacts API, per app and mailbox.
     *
     * @param concurrentRequests requests one app may have running against one mailbox (Exchange: 4), or against all
     *                           mailboxes together under {@link ConcurrencyScope#APP}
     * @param requestsPerWindow  requests one app may send to one mailbox per window (Exchange: 10,000)
     * @param window             the budget window (Exchange: 10 minutes)
     * @param latency            added to every request, to make the sandbox as slow as a real service
     * @param retryAfterSeconds  the {@code Retry-After} of a concurrency 429; always positive
     */
    public record Limits(int concurrentRequests, int requestsPerWindow, Duration window, Duration latency,
                         int retryAfterSeconds) {

        public Limits {
            if (concurrentRequests < 1 || requestsPerWindow < 1 || window.isNegative() || window.isZero()
                    || latency.isNegative() || retryAfterSeconds < 1) {
                throw new IllegalArgumentException("Sandbox limits must be positive (latency may be zero)");
            }
        }

        public static Limits exchangeOnline() {
            return new Limits(4, 10_000, Duration.ofMinutes(10), Duration.ZERO, 1);
        }
    }

    /**
     * Injected faults: each request first takes the next entry of {@code script}, if any; otherwise, with the given
     * probability, one of {@code randomKinds}. {@code retryAfter} is how every 429 and 503 writes its Retry-After.
     */
    public record FaultSettings(List<FaultKind> script, double probability, List<FaultKind> randomKinds,
                                Duration slowResponse, RetryAfterForm retryAfter) {

        public FaultSettings {
            script = List.copyOf(script);
            randomKinds = List.copyOf(randomKinds);
            java.util.Objects.requireNonNull(retryAfter, "retryAfter");
            if (probability < 0 || probability > 1 || (probability > 0 && randomKinds.isEmpty())) {
                throw new IllegalArgumentException("A fault probability lies in [0, 1] and needs fault kinds");
            }
        }

        /** With Retry-After in delay-seconds, as Graph documents it. */
        public FaultSettings(List<FaultKind> script, double probability, List<FaultKind> randomKinds,
                             Duration slowResponse) {
            this(script, probability, randomKinds, slowResponse, RetryAfterForm.SECONDS);
        }

        public static FaultSettings none() {
            return new FaultSettings(List.of(), 0, List.of(), Duration.ofSeconds(5));
        }
    }
}

package org.contactsync.sandbox.rest;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.contactsync.sandbox.BatchDispatch;
import org.contactsync.sandbox.ConcurrencyScope;
import org.contactsync.sandbox.FaultKind;
import org.contactsync.sandbox.MailboxRules;
import org.contactsync.sandbox.RetryAfterForm;
import org.contactsync.sandbox.Sandbox;
import org.contactsync.sandbox.SandboxApp;
import org.contactsync.sandbox.SandboxSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the one {@link Sandbox} of the server from the {@code contactsync.sandbox.*} keys (defaults: the documented
 * demo tenant, apps, mailboxes and Exchange Online's limits). Created on first use only, so nothing of the sandbox
 * runs while it is switched off.
 */
@ApplicationScoped
public class SandboxProducer {

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.tenant", defaultValue = "contoso-sandbox")
    String tenant;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.apps", defaultValue = DEFAULT_APPS)
    String apps;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.mailboxes",
            defaultValue = "admin@contoso.example,alice@contoso.example,bob@contoso.example")
    String mailboxes;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.token-lifetime-seconds", defaultValue = "3599")
    long tokenLifetimeSeconds;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.limits.concurrent-requests", defaultValue = "4")
    int concurrentRequests;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.limits.requests-per-window", defaultValue = "10000")
    int requestsPerWindow;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.limits.window-seconds", defaultValue = "600")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.limits.latency-millis", defaultValue = "0")
    long latencyMillis;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.limits.retry-after-seconds", defaultValue = "1")
    int retryAfterSeconds;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.faults.script")
    Optional<String> faultScript;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.faults.probability", defaultValue = "0")
    double faultProbability;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.faults.kinds", defaultValue = "THROTTLED,UNAVAILABLE,GATEWAY_TIMEOUT")
    String faultKinds;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.faults.slow-millis", defaultValue = "5000")
    long slowMillis;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.deleted-folders", defaultValue = "ADDRESSABLE")
    String deletedFolders;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.delta.sync-states-kept", defaultValue = "3")
    int syncStatesKept;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.faults.retry-after", defaultValue = "SECONDS")
    String retryAfterForm;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.admin-key", defaultValue = "sandbox-admin-demo-key")
    String adminKey;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.batch.parallel-dispatch", defaultValue = "FOUR_AT_A_TIME")
    String batchDispatch;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.throttling.concurrency-scope", defaultValue = "APP_AND_MAILBOX")
    String concurrencyScope;

    @Inject
    Clock clock;

    static final String DEFAULT_APPS = SandboxSettings.DEMO_CLIENT_ID + ":" + SandboxSettings.DEMO_SECRET
            + ":Contacts.ReadWrite," + SandboxSettings.DEMO_READER_CLIENT_ID + ":" + SandboxSettings.DEMO_SECRET
            + ":Contacts.Read," + SandboxSettings.DEMO_UNPRIVILEGED_CLIENT_ID + ":" + SandboxSettings.DEMO_SECRET
            + ":User.Read.All";

    /** Batch items run at once, as on Graph; on managed threads, so they are the server's and end with it. */
    @Resource
    ManagedThreadFactory threads;

    private ExecutorService batchItemThreads;
    private Sandbox sandbox;

    /**
     * The server's one sandbox, built on first use. Produced {@code @Dependent} (the same instance every time) because
     * {@link Sandbox} is a final plain class that CDI cannot proxy.
     */
    @Produces
    synchronized Sandbox sandbox() {
        if (sandbox == null) {
            batchItemThreads = Executors.newCachedThreadPool(threads);
            sandbox = new Sandbox(settings(), clock, batchItemThreads);
            sandbox.configureMailboxRules(new MailboxRules(
                    MailboxRules.DeletedFolders.valueOf(deletedFolders.trim().toUpperCase(Locale.ROOT)), syncStatesKept));
        }
        return sandbox;
    }

    @PreDestroy
    synchronized void stopBatchItemThreads() {
        if (batchItemThreads != null) {
            batchItemThreads.shutdownNow();
        }
    }

    private SandboxSettings settings() {
        return new SandboxSettings(tenant,
                list(apps).stream().map(SandboxApp::parse).toList(),
                list(mailboxes),
                Duration.ofSeconds(tokenLifetimeSeconds),
                new SandboxSettings.Limits(concurrentRequests, requestsPerWindow, Duration.ofSeconds(windowSeconds),
                        Duration.ofMillis(latencyMillis), retryAfterSeconds),
                new SandboxSettings.FaultSettings(faultKinds(faultScript.orElse("")), faultProbability,
                        faultProbability > 0 ? faultKinds(faultKinds) : List.of(), Duration.ofMillis(slowMillis),
                        RetryAfterForm.valueOf(retryAfterForm.strip().toUpperCase(Locale.ROOT))),
                adminKey, BatchDispatch.valueOf(batchDispatch.strip().toUpperCase(Locale.ROOT)),
                ConcurrencyScope.valueOf(concurrencyScope.strip().toUpperCase(Locale.ROOT)));
    }

    static List<FaultKind> faultKinds(String text) {
        return list(text).stream().map(k -> FaultKind.valueOf(k.toUpperCase(Locale.ROOT))).toList();
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

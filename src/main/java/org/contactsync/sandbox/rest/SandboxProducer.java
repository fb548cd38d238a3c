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
 * Builds the one {@link Sandbox} of the server from the {@code contactsync.sandbox.*} keys (their defaults, in
 * microprofile-config.properties: the documented demo tenant, apps, mailboxes and Exchange Online's limits). Created
 * on first use only, so nothing of the sandbox runs while it is switched off.
 */
@ApplicationScoped
public class SandboxProducer {

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.tenant")
    String tenant;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.apps")
    String apps;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.mailboxes")
    String mailboxes;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.token-lifetime-seconds")
    long tokenLifetimeSeconds;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.limits.concurrent-requests")
    int concurrentRequests;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.limits.requests-per-window")
    int requestsPerWindow;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.limits.window-seconds")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.limits.latency-millis")
    long latencyMillis;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.limits.retry-after-seconds")
    int retryAfterSeconds;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.faults.script")
    Optional<String> faultScript;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.faults.probability")
    double faultProbability;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.faults.kinds")
    String faultKinds;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.faults.slow-millis")
    long slowMillis;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.deleted-folders")
    String deletedFolders;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.delta.sync-states-kept")
    int syncStatesKept;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.faults.retry-after")
    String retryAfterForm;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.admin-key")
    String adminKey;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.batch.parallel-dispatch")
    String batchDispatch;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.throttling.concurrency-scope")
    String concurrencyScope;

    @Inject
    Clock clock;


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

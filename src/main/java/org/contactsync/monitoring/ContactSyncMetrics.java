package org.contactsync.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.graph.GraphTraffic;
import org.contactsync.jobqueue.JobRunEnded;
import org.contactsync.sync.SyncRunEnded;
import org.contactsync.sync.plan.ActionKind;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The application's metrics, served by Payara Micro's MicroProfile Metrics at {@code /metrics} (Prometheus text,
 * {@code mp_scope="application"}): the one place that names them. Features report facts, never registry calls:
 * the engine and the job queue fire {@link SyncRunEnded} and {@link JobRunEnded} in the transaction that records
 * them (counted here once it commits), and {@code graph} tells its traffic through {@link GraphTraffic}. The
 * README's "Metrics and health" lists every name. Durations are counters of milliseconds, not Timers: Payara Micro
 * 6.2025.10 writes a Timer in seconds with its quantiles and max in nanoseconds and its sum a millionth too small
 * (seen on /metrics), which would mislead every dashboard.
 */
@ApplicationScoped
public class ContactSyncMetrics implements GraphTraffic {

    /** How long after Graph's last 429 this server still counts Microsoft 365 as throttling. */
    static final Duration THROTTLED_WINDOW = Duration.ofMinutes(5);

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    ExchangeSyncService setups;

    @Inject
    Clock clock;

    private final AtomicReference<Instant> lastThrottled = new AtomicReference<>();

    /**
     * At start-up, so that the gauge is there before the first run. It reads the database at each scrape: every
     * server shares it, so every server reports the same number.
     */
    void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("contactsync.sync.employees.failing")
                .withDescription("Employees whose last sync (not a preview) failed").build(),
                setups::countLastSyncFailed);
    }

    void runEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SyncRunEnded run) {
        if (run.preview()) {
            return;
        }
        registry.counter(Metadata.builder().withName("contactsync.sync.runs")
                .withDescription("Sync runs ended (previews not counted), by trigger and status").build(),
                new Tag("trigger", run.trigger().name()), new Tag("status", run.status().name())).inc();
        registry.counter(Metadata.builder().withName("contactsync.sync.run.milliseconds")
                .withDescription("Time the counted sync runs took, from the claim to the end, in milliseconds")
                .build()).inc(run.duration().toMillis());
        run.done().forEach((kind, howMany) -> {
            if (kind.changesState() && howMany > 0) {
                actions(kind).inc(howMany);
            }
        });
    }

    private org.eclipse.microprofile.metrics.Counter actions(ActionKind kind) {
        return registry.counter(Metadata.builder().withName("contactsync.sync.actions")
                .withDescription("Contacts and links written by sync runs, per kind of action").build(),
                new Tag("kind", kind.name()));
    }

    void jobRunEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobRunEnded run) {
        registry.counter(Metadata.builder().withName("contactsync.jobqueue.runs")
                .withDescription("Job queue entries' runs ended, by object and the log entry's status").build(),
                new Tag("object", run.objectType().name() + "_" + run.objectId()),
                new Tag("status", run.status().name())).inc();
    }

    @Override
    public void requestSent() {
        registry.counter(Metadata.builder().withName("contactsync.graph.requests")
                .withDescription("HTTP requests sent to Microsoft Graph (a $batch is one, each retry another)")
                .build()).inc();
    }

    @Override
    public void throttled() {
        lastThrottled.set(clock.instant());
        registry.counter(Metadata.builder().withName("contactsync.graph.throttled")
                .withDescription("429 Too Many Requests answers from Microsoft Graph, requests and $batch items")
                .build()).inc();
    }

    @Override
    public void waited(Duration wait) {
        registry.counter(Metadata.builder().withName("contactsync.graph.throttle.waits")
                .withDescription("Waits before sending throttled or unavailable requests again").build()).inc();
        registry.counter(Metadata.builder().withName("contactsync.graph.throttle.wait.milliseconds")
                .withDescription("Time spent in those waits (Retry-After, else back-off), in milliseconds").build())
                .inc(wait.toMillis());
    }

    /** When Graph last answered this server 429, if within {@link #THROTTLED_WINDOW}. */
    Optional<Instant> throttledSince() {
        return Optional.ofNullable(lastThrottled.get())
                .filter(at -> at.isAfter(clock.instant().minus(THROTTLED_WINDOW)));
    }

    long throttledAnswers() {
        return registry.counter("contactsync.graph.throttled").getCount();
    }
}

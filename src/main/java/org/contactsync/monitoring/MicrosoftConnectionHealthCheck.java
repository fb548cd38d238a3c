package org.contactsync.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Microsoft 365 as this server's syncs see it, on {@code /health/ready}: UP, with {@code throttled} true while
 * Microsoft Graph answered 429 in the last five minutes (degraded). Never DOWN because of Graph: MicroProfile Health
 * knows only UP and DOWN, and a DOWN readiness takes the server out of its load balancer; Microsoft 365 is the same
 * for every server, so a DOWN would take all of them out, pages included, while the sync itself already waits and
 * postpones a throttling mailbox. Alert on the data and on the metrics instead. Reads no Graph itself: a probe every
 * few seconds must not add to a throttled tenant's load.
 */
@Readiness
@ApplicationScoped
public class MicrosoftConnectionHealthCheck implements HealthCheck {

    @Inject
    ContactSyncMetrics metrics;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("microsoft-365").up()
                .withData("throttled", metrics.throttledSince().isPresent())
                .withData("throttledAnswers", metrics.throttledAnswers());
        metrics.throttledSince().ifPresent(at -> response.withData("lastThrottledAt", at.toString()));
        return response.build();
    }
}

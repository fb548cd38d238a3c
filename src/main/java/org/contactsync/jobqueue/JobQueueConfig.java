package org.contactsync.jobqueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The job queue's configuration keys ({@code contactsync.jobqueue.*}), read once. */
@ApplicationScoped
public class JobQueueConfig {

    /** Starting and Ending Time, weekdays and Earliest Start are in this zone; none: the server's. */
    @Inject
    @ConfigProperty(name = "contactsync.jobqueue.time-zone")
    Optional<String> timeZone;

    /** How long a "minute between runs" lasts: 60, or a few seconds when tests scale time. */
    @Inject
    @ConfigProperty(name = "contactsync.jobqueue.seconds-per-minute")
    int secondsPerMinute;

    /** How often each server looks for due entries and renews the leases of the runs it has. */
    @Inject
    @ConfigProperty(name = "contactsync.jobqueue.heartbeat-seconds")
    int heartbeatSeconds;

    /** How long a claimed entry stays claimed without a renewal: after that another server recovers it. */
    @Inject
    @ConfigProperty(name = "contactsync.jobqueue.lease-seconds")
    int leaseSeconds;

    public ZoneId zone() {
        return timeZone.filter(zone -> !zone.isBlank()).map(ZoneId::of).orElse(ZoneId.systemDefault());
    }

    public RunTimes runTimes() {
        return new RunTimes(zone(), Duration.ofSeconds(secondsPerMinute));
    }

    public Duration heartbeat() {
        return Duration.ofSeconds(heartbeatSeconds);
    }

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }
}

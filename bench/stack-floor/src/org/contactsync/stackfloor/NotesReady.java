package org.contactsync.stackfloor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A MicroProfile readiness check, as the application registers two. */
@Readiness
@ApplicationScoped
public class NotesReady implements HealthCheck {

    @Inject
    Notes notes;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("notes").status(!notes.all().isEmpty()).build();
    }
}

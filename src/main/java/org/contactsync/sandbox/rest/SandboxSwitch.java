package org.contactsync.sandbox.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Unless {@code contactsync.sandbox.enabled} is true, every sandbox request gets 404 before any resource runs. */
@Provider
@PreMatching
public class SandboxSwitch implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.enabled")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!enabled) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
        }
    }
}

package org.contactsync.sandbox.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The Microsoft 365 sandbox's JAX-RS application. Lists its classes so that it and the product API
 * ({@code /api/v1}) never see each other's resources.
 */
@ApplicationPath(SandboxApplication.PATH)
public class SandboxApplication extends Application {

    public static final String PATH = "/sandbox";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SandboxSwitch.class, GraphResource.class, LoginResource.class, AdminResource.class);
    }

    /** No WADL: Graph has none, and it would name the JAX-RS implementation. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}

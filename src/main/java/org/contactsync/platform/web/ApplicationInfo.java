package org.contactsync.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Facts about this installation that pages show or depend on. */
@Named
@ApplicationScoped
public class ApplicationInfo {

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.enabled")
    boolean sandboxEnabled;

    @Inject
    @ConfigProperty(name = "contactsync.demo-data")
    boolean demoData;

    public boolean isSandboxEnabled() {
        return sandboxEnabled;
    }

    public boolean isDemoData() {
        return demoData;
    }
}

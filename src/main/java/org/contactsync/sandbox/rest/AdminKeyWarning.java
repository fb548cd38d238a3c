package org.contactsync.sandbox.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Warns loudly at start-up when the sandbox is on and its admin endpoints still take the admin key published in
 * the README: anyone who reaches the server could then reset its mailboxes or inject faults.
 */
@ApplicationScoped
public class AdminKeyWarning {

    /** The admin key in microprofile-config.properties and the README. */
    static final String PUBLISHED_KEY = "sandbox-admin-demo-key";
    private static final Logger LOG = Logger.getLogger(AdminKeyWarning.class.getName());

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.enabled")
    boolean sandboxEnabled;

    @Inject
    @ConfigProperty(name = "contactsync.sandbox.admin-key")
    String adminKey;

    void atStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        warning(sandboxEnabled, adminKey).ifPresent(LOG::warning);
    }

    /** The warning for these settings, if they deserve one. */
    static Optional<String> warning(boolean sandboxEnabled, String adminKey) {
        if (!sandboxEnabled || !adminKey.strip().equals(PUBLISHED_KEY)) {
            return Optional.empty();
        }
        return Optional.of("""

                ****************************************************************************************************
                * WARNING: the Microsoft 365 sandbox is on and its admin key is the published one
                * (contactsync.sandbox.admin-key=%s): anyone who reaches this server can reset its
                * mailboxes and inject faults through /sandbox/admin. Fine for the demo and the tests; on a shared
                * machine set a key of your own, e.g. CONTACTSYNC_SANDBOX_ADMIN_KEY=$(openssl rand -hex 24); in
                * production switch the sandbox off (contactsync.sandbox.enabled=false, the default).
                ****************************************************************************************************\
                """.formatted(PUBLISHED_KEY));
    }
}

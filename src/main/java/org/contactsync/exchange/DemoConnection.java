package org.contactsync.exchange;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.contactsync.employee.UserService;
import org.contactsync.platform.SeedingLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code contactsync.demo-data=true} and no saved connection, saves one from {@code contactsync.demo.graph.*}
 * (the sandbox provides them when it is on), so that the demo syncs without setting anything up; once, also with
 * servers starting together ({@link org.contactsync.platform.SeedingLock}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoConnection {

    private static final Logger LOG = Logger.getLogger(DemoConnection.class.getName());

    @Inject
    SeedingLock seedingLock;

    @Inject
    GraphConnectionService connections;

    @Inject
    @ConfigProperty(name = "contactsync.demo-data")
    boolean demoData;

    @Inject
    @ConfigProperty(name = "contactsync.demo.graph.tenant-id")
    Optional<String> tenantId;

    @Inject
    @ConfigProperty(name = "contactsync.demo.graph.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "contactsync.demo.graph.client-secret")
    Optional<String> clientSecret;

    @PostConstruct
    void addDemoConnection() {
        if (!demoData || tenantId.isEmpty() || clientId.isEmpty() || clientSecret.isEmpty()) {
            return;
        }
        seedingLock.holdUntilCommit();
        if (connections.createIfMissing(tenantId.get(), clientId.get(), clientSecret.get(), UserService.SYSTEM)) {
            LOG.info(() -> "Demo Microsoft 365 connection saved for tenant " + tenantId.get() + ".");
        }
    }
}

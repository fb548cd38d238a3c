package org.contactsync.employee;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.contactsync.platform.SeedingLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the very first start of a production installation (no users, no demo data) creates the administrator
 * {@code admin}. Its password comes from {@code contactsync.admin.initial-password}, or is generated and written to
 * the log this one time; either way it must be changed at the first sign-in. Of servers starting together on an
 * empty database one creates it ({@link org.contactsync.platform.SeedingLock}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @Inject
    SeedingLock seedingLock;

    @Inject
    UserService userService;

    @Inject
    @ConfigProperty(name = "contactsync.demo-data")
    boolean demoData;

    @Inject
    @ConfigProperty(name = "contactsync.admin.initial-password")
    Optional<String> initialPassword;

    @PostConstruct
    void createFirstAdmin() {
        if (demoData) {
            return;
        }
        seedingLock.holdUntilCommit();
        userService.createFirstAdmin(initialPassword).ifPresentOrElse(
                generated -> LOG.warning(() -> "First start: created the user 'admin' with the one-time password "
                        + generated + " . It must be changed at the first sign-in; this is the only time it is shown."),
                () -> LOG.fine("Users exist or the initial password is configured; nothing generated."));
    }
}

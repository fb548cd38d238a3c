package org.contactsync.employee;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.contactsync.platform.SeedingLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code contactsync.demo-data=true}, makes sure the demo users exist, with the passwords and web service
 * access keys the README documents. Adds only what is missing, so restarts keep every change and never duplicate;
 * servers starting together take turns ({@link org.contactsync.platform.SeedingLock}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoUsers {

    private static final Logger LOG = Logger.getLogger(DemoUsers.class.getName());

    /**
     * A documented demo account; these values are public on purpose and never used without demo data. The
     * password's hash is stored with it because hashing costs about a second of CPU per user at start-up, before
     * the JIT has warmed (docs/benchmarks.md, section 6); {@code DemoUsersTest} checks each hash against its password.
     */
    record DemoUser(UserDetails details, String password, String passwordHash, String accessKey) {
    }

    static final Set<DemoUser> USERS = Set.of(
            new DemoUser(new UserDetails("admin", "Annie Admin", "admin@contoso.example", true, Set.of(Role.ADMIN)),
                    "admin-demo-2026", "PBKDF2WithHmacSHA256:600000:cXGzo1V+5fWEVQPqWWpa2RWmkuWMiDJObSYK+u7+Onc="
                            + ":K4uB8s4g8VIyzXj38MY/doPVE6dUCXkuqiaRNJLSAWc=",
                    "admin-ws-key-demo-0000000000000000"),
            new DemoUser(new UserDetails("alice", "Alice Andersson", "alice@contoso.example", true,
                    Set.of(Role.EMPLOYEE)), "alice-demo-2026",
                    "PBKDF2WithHmacSHA256:600000:doN1CGeZDmiTAe/ktOHEL6CO3DRUGyJlXPw9o2qDXxE="
                            + ":xt6252gWEUKJsnbNOzi93jyFdVdYjApWcCkL+BhQtms=",
                    "alice-ws-key-demo-000000000000000"),
            new DemoUser(new UserDetails("bob", "Bob Berg", "bob@contoso.example", true, Set.of(Role.EMPLOYEE)),
                    "bob-demo-2026", "PBKDF2WithHmacSHA256:600000:mM/ycqKQwpCCm1fj2iRTdU465yM5XjUXqiI5u1tZ7xk="
                            + ":lTAkWzE/XPC8X8Zip9AL4cd/BU7dMAWa6ssPyM9HCYw=",
                    "bob-ws-key-demo-00000000000000000"));

    @Inject
    SeedingLock seedingLock;

    @Inject
    UserService userService;

    @Inject
    @ConfigProperty(name = "contactsync.demo-data")
    boolean demoData;

    @PostConstruct
    void addDemoUsers() {
        if (!demoData) {
            return;
        }
        seedingLock.holdUntilCommit();
        long added = USERS.stream()
                .filter(u -> userService.addIfMissing(u.details(), u.passwordHash(), u.accessKey()))
                .count();
        LOG.info(() -> "Demo users: " + added + " added, " + (USERS.size() - added) + " already there. Sign in as "
                + USERS.stream().map(u -> u.details().userName() + " / " + u.password()).sorted()
                        .collect(Collectors.joining(", ")) + ".");
    }
}

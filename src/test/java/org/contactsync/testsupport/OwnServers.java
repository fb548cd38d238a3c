package org.contactsync.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A container test class that starts Payara Micro processes of its own ({@link PayaraMicroProcess}) instead of using
 * the Arquillian servers the other classes share: it runs beside them, while they run one after the other
 * (src/test/resources/junit-platform.properties). Such classes mostly wait (for job queue slots, leases, a slow
 * sandbox), so running one beside the shared-server classes costs little wall time on two cores.
 *
 * <p>The lock they all take keeps it to one such class at a time, and runs its methods one after the other: they
 * share the class's servers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("Payara Micro processes of a test class's own")
public @interface OwnServers {
}

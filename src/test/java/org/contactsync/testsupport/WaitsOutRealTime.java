package org.contactsync.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A unit test class that waits out real time its code under test does not let it skip (azure-core's 30 s between
 * token refreshes, the Retry-After seconds Microsoft Graph answers): it and its methods run beside the other tests
 * instead of holding them up (src/test/resources/junit-platform.properties). Its methods must share nothing but
 * what they only read.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
public @interface WaitsOutRealTime {
}

package org.contactsync.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A container test class that gets a server of its own instead of the one the other classes share
 * ({@link SharedServerExtension}), because its tests carry state from one to the next on the demo users (what
 * each is for says {@link #value()}). Such classes run after the sharing ones ({@link SharedServerClassesFirst}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnServer {

    /** Why the class cannot share the server yet. */
    String value();
}

package org.contactsync.testsupport;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the container test classes that share one server ({@link SharedServerExtension}) together and before those
 * with a server of their own ({@link OwnServer}), so that the shared server starts once; by name otherwise, so
 * that every machine runs them in the same order. Set in junit-platform.properties.
 */
public class SharedServerClassesFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor c) -> c.isAnnotated(OwnServer.class))
                .thenComparing(c -> c.getTestClass().getName()));
    }
}

package org.contactsync.testsupport;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * The Bean Validation that services get in tests outside the container: one factory for the whole test JVM, as the
 * container keeps one for the application, so tests neither build nor close their own.
 *
 * <p>It is never closed: closing Hibernate Validator's factory only drops its metadata caches, which go with the
 * JVM anyway, and sharing it saves rebuilding them in every test class.
 */
public final class BeanValidation {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    private BeanValidation() {
    }

    /** A validator from the shared factory (thread-safe, as the specification requires). */
    public static Validator validator() {
        return FACTORY.getValidator();
    }
}

package org.contactsync.contact;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Bean Validation of a contact's text fields by {@link ContactField}: each field's length, {@link
 * org.contactsync.platform.PlainText} and its rule (no letters in phone numbers, one e-mail address). One violation per
 * problem, on the field's property (its JSON name) with the message key as template, as a field constraint gives;
 * the length comes from the catalogue ({@link ContactField#maxLength()}) rather than from the constraint.
 */
@Documented
@Constraint(validatedBy = CatalogueRules.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface CatalogueRules {

    String message() default "{contact.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks every field of the catalogue. */
    final class Validator implements ConstraintValidator<CatalogueRules, Contact> {

        @Override
        public boolean isValid(Contact contact, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            var valid = true;
            for (var field : ContactField.values()) {
                for (var key : field.problems(contact)) {
                    context.buildConstraintViolationWithTemplate("{" + key + "}")
                            .addPropertyNode(field.jsonName()).addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }
    }
}

package org.contactsync.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A one-line text a person typed: no control characters (NUL, tab, CR/LF, DEL, C1), no lone surrogate halves, no
 * U+FFFD (what a server decoder puts where the bytes were not valid UTF-8) and no U+FFFE/U+FFFF. Every text field of
 * the application is one line, as in Business Central (an address has Address and Address 2), so none allows a line
 * break. {@code null} is valid: another constraint says whether the field is required.
 *
 * <p>The message template names the key {@value #MESSAGE_KEY}, which each feature's bundle carries.
 * {@link Validator#isPlain(String)} is the same rule for the fields that are checked in code rather than by Bean Validation.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface PlainText {

    String MESSAGE_KEY = "text.invalidCharacters";

    String message() default "{" + MESSAGE_KEY + "}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Bean Validation's side of {@link PlainText}. */
    final class Validator implements ConstraintValidator<PlainText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isPlain(value);
        }

        /** True when {@code text} has none of the characters this constraint refuses. */
        public static boolean isPlain(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF') {
                    return false;
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;  // a well-formed pair: one character outside the Basic Multilingual Plane
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}

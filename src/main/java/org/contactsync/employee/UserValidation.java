package org.contactsync.employee;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.contactsync.platform.FieldProblem;

/** Bean Validation of a user card, turned into one field problem per field in the reader's language. */
public final class UserValidation {

    private UserValidation() {
    }

    public static List<FieldProblem> problems(Validator validator, UserDetails details) {
        var byField = new LinkedHashMap<String, FieldProblem>();
        validator.validate(details).stream()
                // Sorted so that a field with several violations always shows the same one.
                .sorted(Comparator.<jakarta.validation.ConstraintViolation<UserDetails>, String>comparing(
                        v -> v.getPropertyPath().toString()).thenComparing(v -> v.getMessageTemplate()))
                .forEach(v -> {
                    var field = v.getPropertyPath().toString();
                    var key = v.getMessageTemplate().replaceAll("^\\{|}$", "");
                    byField.putIfAbsent(field, new FieldProblem(field, UserMessages.of(key)));
                });
        var problems = new ArrayList<>(byField.values());
        if (details.roles() != null && details.roles().isEmpty()) {
            problems.add(new FieldProblem("roles", UserMessages.of("user.roles.required")));
        }
        return problems;
    }
}

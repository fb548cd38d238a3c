package org.contactsync.employee.api;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.contactsync.employee.Role;
import org.contactsync.employee.UserDetails;
import org.contactsync.employee.UserMessages;
import org.contactsync.employee.UserService.InitialPassword;
import org.contactsync.employee.UserValidation;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/users}. Absent fields take what a new User Card starts with: no full name, no
 * e-mail, role employee, enabled, and a one-time password.
 */
@Schema(name = "NewUser", description = "A new user")
public record NewUserRequest(
        @Schema(required = true, description = "Letters, digits and . _ @ -; at most 50; kept in lower case")
        String userName,
        @Schema(description = "At most 80 characters") String fullName,
        @Schema(description = "Microsoft 365 e-mail; unique among users") String authenticationEmail,
        @Schema(description = "admin and/or employee", defaultValue = "[\"employee\"]") List<String> roles,
        @Schema(defaultValue = "true") Boolean enabled,
        @Schema(defaultValue = "true", description = "true: a generated password, answered once, to be changed at "
                + "the first sign-in (as the User Card does). false: no password; the user uses the API only (give "
                + "them an access key) until an admin resets their password") Boolean oneTimePassword) {

    /** The card's fields; unknown roles are refused together with every other bad field (see {@link #checked}). */
    UserDetails details(Validator validator) {
        return checked(validator, new UserDetails(userName, Optional.ofNullable(fullName).orElse(""),
                Optional.ofNullable(authenticationEmail).orElse(""), !Boolean.FALSE.equals(enabled),
                roles == null ? UserDetails.NEW_USER_ROLES : knownRoles(roles)), roles);
    }

    InitialPassword initialPassword() {
        return Boolean.FALSE.equals(oneTimePassword) ? InitialPassword.NONE : InitialPassword.ONE_TIME;
    }

    /**
     * {@code details} as they are when every role name given is known. Otherwise refused naming {@code roles}
     * and, so that one answer names every bad field, the card's other problems ({@link UserValidation}, the rules
     * {@code UserService} checks again).
     */
    static UserDetails checked(Validator validator, UserDetails details, List<String> roleNames) {
        var unknown = roleNames == null ? List.<String>of()
                : roleNames.stream().filter(n -> n == null || Role.ofGroupName(n).isEmpty()).toList();
        if (unknown.isEmpty()) {
            return details;
        }
        var problems = new ArrayList<>(UserValidation.problems(validator, details).stream()
                .filter(p -> !p.field().equals("roles")).toList());
        problems.add(new FieldProblem("roles", UserMessages.of("user.api.unknownRole",
                String.valueOf(unknown.get(0)))));
        throw new ApplicationException(Kind.INVALID, UserMessages.of("user.invalid"), problems);
    }

    static Set<Role> knownRoles(List<String> names) {
        return names.stream().filter(n -> n != null).map(Role::ofGroupName).flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }
}

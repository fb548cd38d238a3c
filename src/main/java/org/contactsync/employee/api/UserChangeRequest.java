package org.contactsync.employee.api;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.contactsync.employee.UserDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /api/v1/users/{userName}}, a merge patch: fields present are set, absent (or null) ones
 * keep their value; an empty e-mail removes it. The user name never changes.
 */
@Schema(name = "UserChange", description = "A change of a user: only the fields given")
public record UserChangeRequest(
        @Schema(description = "At most 80 characters") String fullName,
        @Schema(description = "Microsoft 365 e-mail; empty for none") String authenticationEmail,
        @Schema(description = "admin and/or employee: the whole set") List<String> roles,
        Boolean enabled,
        @Schema(description = "The version read; a user changed since is refused with 409") Long version) {

    /**
     * No field but perhaps the version. Refused rather than saved: saving would change nothing but the modified
     * stamp, and a client that sends it most likely meant to change something.
     */
    boolean changesNothing() {
        return Stream.of(fullName, authenticationEmail, roles, enabled).allMatch(v -> v == null);
    }

    /** {@code current} with this change; unknown roles refused with every other bad field, as for a new user. */
    UserDetails applyTo(Validator validator, UserDetails current) {
        return NewUserRequest.checked(validator, new UserDetails(current.userName(),
                Optional.ofNullable(fullName).orElse(current.fullName()),
                Optional.ofNullable(authenticationEmail).orElse(current.authenticationEmail()),
                Optional.ofNullable(enabled).orElse(current.enabled()),
                roles == null ? current.roles() : NewUserRequest.knownRoles(roles)), roles);
    }
}

package org.contactsync.employee.api;

import java.time.Instant;
import java.util.List;
import org.contactsync.employee.Role;
import org.contactsync.employee.User;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as the Users API shows it: the User Card's fields and what is known of its secrets, never the secrets. */
@Schema(name = "User", description = "A user (Business Central's User Card)")
public record UserDto(
        String userName,
        String fullName,
        @Schema(description = "Microsoft 365 e-mail (Authentication Email): the mailbox the user's contacts sync "
                + "with; empty when none") String authenticationEmail,
        @Schema(description = "admin and/or employee") List<String> roles,
        @Schema(description = "A disabled user cannot sign in nor use the API") boolean enabled,
        @Schema(description = "false for a user created without a password, until an admin resets it")
        boolean hasPassword,
        @Schema(description = "The one-time password must be changed at the next sign-in") boolean mustChangePassword,
        @Schema(description = "When the web service access key was last issued; absent when the user has none")
        Instant webServiceKeyChangedAt,
        Instant createdAt,
        String createdBy,
        Instant modifiedAt,
        String modifiedBy,
        @Schema(description = "Send it back in a change to refuse (409) overwriting someone else's change") long version) {

    static UserDto of(User user) {
        return new UserDto(user.getUserName(), user.getFullName(), user.authenticationEmail().orElse(""),
                user.getRoles().stream().sorted().map(Role::groupName).toList(), user.isEnabled(), user.hasPassword(),
                user.isChangePassword(), user.webServiceKeyChanged().orElse(null), user.created().at(),
                user.created().by(), user.modified().at(), user.modified().by(), user.getVersion());
    }
}

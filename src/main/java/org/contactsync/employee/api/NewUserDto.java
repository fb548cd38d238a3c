package org.contactsync.employee.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a create: the new user and, when one was issued, their one-time password, shown only here. */
@Schema(name = "CreatedUser", description = "A new user and the one-time password issued, if any")
public record NewUserDto(
        UserDto user,
        @Schema(description = "Absent when created without a password; shown only in this answer")
        String oneTimePassword) {
}

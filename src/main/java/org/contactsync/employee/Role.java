package org.contactsync.employee;

import java.util.Locale;
import java.util.Optional;

/** What a user may do. The group name is what the identity store hands to the container (roles in web.xml). */
public enum Role {
    /** Manages users and everything an employee does. */
    ADMIN,
    /** Works with contacts and their own user card. */
    EMPLOYEE;

    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a group name ({@code admin}, {@code employee}), as the API writes roles; any case. */
    public static Optional<Role> ofGroupName(String groupName) {
        return java.util.Arrays.stream(values()).filter(r -> r.groupName().equalsIgnoreCase(groupName.strip()))
                .findFirst();
    }
}

package org.contactsync.employee;

import java.util.Locale;

/** What a user may do. The group name is what the identity store hands to the container (roles in web.xml). */
public enum Role {
    /** Manages users and everything an employee does. */
    ADMIN,
    /** Works with contacts and their own user card. */
    EMPLOYEE;

    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.contactsync.employee;

import java.util.Locale;
import java.util.Set;

/** Who is asking: the signed-in user's name and roles, as the container knows them. */
public record Caller(String userName, Set<Role> roles) {

    public Caller {
        userName = userName.toLowerCase(Locale.ROOT);
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean is(String otherUserName) {
        return userName.equals(otherUserName.strip().toLowerCase(Locale.ROOT));
    }
}

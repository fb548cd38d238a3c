package org.contactsync.sandbox;

import java.util.Set;

/** What a valid access token says: which app of which tenant, with which application permissions. */
public record AccessGrant(String clientId, String tenant, Set<String> roles) {

    public AccessGrant {
        roles = Set.copyOf(roles);
    }

    boolean canRead() {
        return roles.contains("Contacts.Read") || canWrite();
    }

    boolean canWrite() {
        return roles.contains("Contacts.ReadWrite");
    }
}

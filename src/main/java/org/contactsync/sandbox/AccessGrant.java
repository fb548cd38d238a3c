package org.contactsync.sandbox;

import java.util.Locale;
import java.util.Set;

/**
 * What a valid access token says (which app of which tenant, with which application permissions) together with the
 * mailboxes Exchange RBAC for Applications grants that app: Exchange checks those per mailbox, as the token carries
 * no sign of them.
 */
public record AccessGrant(String clientId, String tenant, Set<String> roles, Set<String> scopedMailboxes) {

    public AccessGrant {
        roles = Set.copyOf(roles);
        scopedMailboxes = Set.copyOf(scopedMailboxes);
    }

    public AccessGrant(String clientId, String tenant, Set<String> roles) {
        this(clientId, tenant, roles, Set.of());
    }

    boolean canRead(String mailbox) {
        return roles.contains("Contacts.Read") || canWrite(mailbox);
    }

    boolean canWrite(String mailbox) {
        return roles.contains("Contacts.ReadWrite") || scopedMailboxes.contains(mailbox.toLowerCase(Locale.ROOT));
    }
}

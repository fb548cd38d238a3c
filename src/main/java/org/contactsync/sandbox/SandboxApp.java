package org.contactsync.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An application registered in the sandbox tenant: client id, client secret, the application permissions (app
 * roles, e.g. {@code Contacts.ReadWrite}) an administrator consented to, and the mailboxes Exchange RBAC for
 * Applications grants it (a management role assignment of "Application Contacts.ReadWrite" scoped to those
 * mailboxes). The two add up, as Exchange's documentation says of the Entra grant and the RBAC assignment.
 */
public record SandboxApp(String clientId, String clientSecret, Set<String> roles, Set<String> scopedMailboxes) {

    public SandboxApp {
        roles = Set.copyOf(roles);
        scopedMailboxes = scopedMailboxes.stream().map(m -> m.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** An app without an RBAC for Applications assignment. */
    public SandboxApp(String clientId, String clientSecret, Set<String> roles) {
        this(clientId, clientSecret, roles, Set.of());
    }

    /**
     * Parses {@code clientId:secret:Role1 Role2} or {@code clientId:secret:Roles:mailbox1 mailbox2}, the form of one
     * entry of {@code contactsync.sandbox.apps}: the fourth part lists the mailboxes an RBAC for Applications
     * assignment scopes the app to (Roles may then be empty: {@code clientId:secret::alice@contoso.example}).
     */
    public static SandboxApp parse(String entry) {
        String[] parts = entry.trim().split(":", 4);
        if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("A sandbox app is 'clientId:secret:Roles[:Mailboxes]', not '" + entry + "'");
        }
        return new SandboxApp(parts[0].trim(), parts[1].trim(), words(parts, 2), words(parts, 3));
    }

    private static Set<String> words(String[] parts, int index) {
        return parts.length > index && !parts[index].isBlank()
                ? Set.copyOf(Arrays.asList(parts[index].trim().split("\\s+"))) : Set.of();
    }
}

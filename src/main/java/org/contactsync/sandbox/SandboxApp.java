package org.contactsync.sandbox;

import java.util.Set;

/**
 * An application registered in the sandbox tenant: client id, client secret and the application permissions
 * (app roles, e.g. {@code Contacts.ReadWrite}) an administrator consented to.
 */
public record SandboxApp(String clientId, String clientSecret, Set<String> roles) {

    public SandboxApp {
        roles = Set.copyOf(roles);
    }

    /**
     * Parses {@code clientId:secret:Role1 Role2}, the form of one entry of {@code contactsync.sandbox.apps}.
     */
    public static SandboxApp parse(String entry) {
        String[] parts = entry.trim().split(":", 3);
        if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("A sandbox app is 'clientId:secret:Roles', not '" + entry + "'");
        }
        Set<String> roles = parts.length == 3 && !parts[2].isBlank() ? Set.of(parts[2].trim().split("\\s+")) : Set.of();
        return new SandboxApp(parts[0].trim(), parts[1].trim(), roles);
    }
}

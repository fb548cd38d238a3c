package org.contactsync.exchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the connection's secrets may be sent. The client secret (or certificate) goes to the authority host with
 * every token request (always https: azure-identity takes nothing else), the access token to the Graph endpoint:
 * https too, with one exception, the Microsoft 365 sandbox on this machine, which also answers on plain http at a
 * loopback address: allowed only while the sandbox is switched on. A stored secret stays with the application and
 * the hosts it was entered for.
 */
public final class ConnectionEndpoints {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private ConnectionEndpoints() {
    }

    /** Whether the Graph endpoint {@code address} (already checked for its form) may receive the access token. */
    public static boolean mayCarrySecrets(String address, boolean sandboxEnabled) {
        var uri = parse(address);
        if (uri.isEmpty() || uri.get().getHost() == null) {
            return false;
        }
        var scheme = uri.get().getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") && sandboxEnabled && isLoopback(uri.get().getHost());
    }

    /**
     * Whether the submitted connection is the same application at the same place as the stored one: the same
     * tenant, client id, authority host and Graph endpoint (letter case aside). Otherwise the stored secret must
     * not follow it, and the admin enters it again.
     */
    public static boolean sameApplication(GraphConnection stored, ConnectionInput input) {
        return stored.getTenantId().equalsIgnoreCase(input.tenantId())
                && stored.getClientId().equalsIgnoreCase(input.clientId())
                && stored.getAuthorityHost().equalsIgnoreCase(input.authorityHost())
                && stored.getGraphEndpoint().equalsIgnoreCase(input.graphEndpoint());
    }

    /** A loopback name or literal address: never resolved, so a DNS name cannot pretend to be one. */
    static boolean isLoopback(String host) {
        var name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || IPV4_LOOPBACK.matcher(name).matches();
    }

    private static Optional<URI> parse(String address) {
        try {
            return Optional.of(new URI(address));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}

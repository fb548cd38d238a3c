package org.contactsync.graph;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Microsoft 365 tenant: the Entra app registration (tenant, client id, secret or certificate), the
 * authority host that issues its tokens and the Graph endpoint. The secret and the certificate never appear in
 * {@link #toString()}.
 *
 * @param tenantId      the directory (tenant) id or a verified domain name
 * @param clientId      the application (client) id
 * @param credential    a client secret or a certificate
 * @param authorityHost Entra ID's host, https (e.g. {@code https://login.microsoftonline.com})
 * @param graphEndpoint Graph's base URL ending in {@code /v1.0}; https, or http on a loopback host
 */
public record GraphConnectionSettings(String tenantId, String clientId, ClientCredential credential,
                                      String authorityHost, String graphEndpoint) {

    /** Microsoft's global cloud. */
    public static final String GLOBAL_AUTHORITY_HOST = "https://login.microsoftonline.com";
    public static final String GLOBAL_GRAPH_ENDPOINT = "https://graph.microsoft.com/v1.0";

    public GraphConnectionSettings {
        requireText(tenantId, "tenant id");
        requireText(clientId, "client id");
        Objects.requireNonNull(credential, "credential");
        requireText(authorityHost, "authority host");
        requireText(graphEndpoint, "Graph endpoint");
        authorityHost = authorityHost.strip().replaceAll("/+$", "");
        graphEndpoint = graphEndpoint.strip().replaceAll("/+$", "");
        if (!authorityHost.toLowerCase(Locale.ROOT).startsWith("https://")) {
            throw new IllegalArgumentException("The authority host must use https: " + authorityHost);
        }
        URI endpoint = URI.create(graphEndpoint);
        // The SDK cuts exactly five characters ("/v1.0") off request paths to build $batch sub-request URLs.
        if (endpoint.getHost() == null || endpoint.getPath() == null || !endpoint.getPath().endsWith("/v1.0")) {
            throw new IllegalArgumentException("The Graph endpoint must be an absolute URL ending in /v1.0: "
                    + graphEndpoint);
        }
    }

    public static GraphConnectionSettings withSecret(String tenantId, String clientId, String secret,
                                                     String authorityHost, String graphEndpoint) {
        return new GraphConnectionSettings(tenantId, clientId, new ClientSecret(secret), authorityHost, graphEndpoint);
    }

    /** The host of the Graph endpoint: the only host the client attaches tokens for. */
    public String graphHost() {
        return URI.create(graphEndpoint).getHost().toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code .default} scope tokens are requested for: the national cloud's Graph host when the endpoint is one
     * ({@link NationalCloud}), else the global service's (a gateway or the sandbox stands in for it).
     */
    public String graphScope() {
        return NationalCloud.ofGraphHost(graphHost()).orElse(NationalCloud.GLOBAL).scope();
    }

    /**
     * The authority that issues tokens: the one entered, except that the global default with a national cloud's
     * Graph endpoint means that cloud's authority (a token of the global service is not valid there:
     * {@code concepts/deployments.md}).
     */
    public String tokenAuthorityHost() {
        Optional<NationalCloud> cloud = NationalCloud.ofGraphHost(graphHost());
        return authorityHost.equalsIgnoreCase(GLOBAL_AUTHORITY_HOST) && cloud.isPresent()
                ? cloud.get().authorityHost() : authorityHost;
    }

    /** Whether the authority is Microsoft's own (then MSAL's instance discovery may run). */
    public boolean isMicrosoftAuthority() {
        String host = URI.create(tokenAuthorityHost()).getHost().toLowerCase(Locale.ROOT);
        return host.equals("login.microsoftonline.com") || host.equals("login.microsoftonline.us")
                || host.equals("login.chinacloudapi.cn") || host.equals("login.partner.microsoftonline.cn");
    }

    /** The same connection with another client secret (used by tests and by the setup page's "new secret"). */
    public GraphConnectionSettings withCredential(ClientCredential other) {
        return new GraphConnectionSettings(tenantId, clientId, other, authorityHost, graphEndpoint);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is required");
        }
    }

    /** How the app proves who it is. */
    public sealed interface ClientCredential permits ClientSecret, ClientCertificate {
    }

    /** A client secret; {@code toString} hides it. */
    public record ClientSecret(String value) implements ClientCredential {
        public ClientSecret {
            requireText(value, "client secret");
        }

        @Override
        public String toString() {
            return "ClientSecret[***]";
        }
    }

    /** The certificate's container format. */
    public enum CertificateFormat { PEM, PFX }

    /**
     * A certificate with its private key: PEM (certificate and key) or PFX/PKCS#12 bytes, with the PFX password if
     * any; {@code toString} hides the bytes and the password.
     */
    public record ClientCertificate(CertificateFormat format, byte[] bytes, Optional<String> password)
            implements ClientCredential {
        public ClientCertificate {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(password, "password");
            if (bytes == null || bytes.length == 0) {
                throw new IllegalArgumentException("The certificate is required");
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ClientCertificate that && format == that.format
                    && Arrays.equals(bytes, that.bytes) && password.equals(that.password);
        }

        @Override
        public int hashCode() {
            return Objects.hash(format, Arrays.hashCode(bytes), password);
        }

        @Override
        public String toString() {
            return "ClientCertificate[" + format + ", " + bytes.length + " bytes" + (password.isPresent() ? ", password ***" : "") + "]";
        }
    }
}

package org.contactsync.exchange;

import java.util.Optional;

/**
 * What an admin submits on the Microsoft 365 Connection page. Secrets are only ever new values: an empty
 * {@code newClientSecret} (or certificate, or certificate password) keeps the stored one.
 *
 * @param credential            whether the app proves itself with a client secret or a certificate
 * @param newCertificate        an uploaded PEM (certificate and private key) or PFX file
 */
public record ConnectionInput(String tenantId, String clientId, CredentialKind credential,
                              Optional<String> newClientSecret, Optional<UploadedCertificate> newCertificate,
                              Optional<String> newCertificatePassword, String authorityHost, String graphEndpoint) {

    public ConnectionInput {
        tenantId = strip(tenantId);
        clientId = strip(clientId);
        authorityHost = strip(authorityHost).replaceAll("/+$", "");
        graphEndpoint = strip(graphEndpoint).replaceAll("/+$", "");
        newClientSecret = newClientSecret.filter(s -> !s.isEmpty());
        newCertificatePassword = newCertificatePassword.filter(s -> !s.isEmpty());
    }

    /** Never shows the secrets, should the input ever reach a log or an exception message. */
    @Override
    public String toString() {
        return "ConnectionInput[tenantId=" + tenantId + ", clientId=" + clientId + ", credential=" + credential
                + ", newClientSecret=" + (newClientSecret.isPresent() ? "***" : "none") + ", newCertificate="
                + newCertificate + ", newCertificatePassword=" + (newCertificatePassword.isPresent() ? "***" : "none")
                + ", authorityHost=" + authorityHost + ", graphEndpoint=" + graphEndpoint + "]";
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** How the app registration proves who it is. */
    public enum CredentialKind {
        CLIENT_SECRET, CERTIFICATE
    }

    /** An uploaded certificate file; {@code toString} shows no content. */
    public record UploadedCertificate(String fileName, byte[] content) implements java.io.Serializable {

        public UploadedCertificate {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public String toString() {
            return "UploadedCertificate[" + fileName + ", " + content.length + " bytes]";
        }
    }
}

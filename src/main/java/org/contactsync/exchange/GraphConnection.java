package org.contactsync.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.contactsync.platform.AuditStamp;

/**
 * The installation's one Microsoft 365 connection: the Entra app registration (tenant, client id, and a client
 * secret or a certificate) and the endpoints. Secrets are held only as ciphertexts sealed by
 * {@link SecretProtection}; this class never sees a plaintext and has no getter that returns a ciphertext to a page.
 */
@Entity
@Table(name = "graph_connection")
public class GraphConnection {

    static final int THE_ONE = 1;

    @Id
    private int id = THE_ONE;

    @Column(name = "tenant_id", nullable = false, length = 100)
    private String tenantId;

    @Column(name = "client_id", nullable = false, length = 100)
    private String clientId;

    @Column(name = "client_secret_encrypted", length = 2000)
    private String clientSecretEncrypted;

    @Column(name = "certificate_encrypted", length = 120000)
    private String certificateEncrypted;

    @Column(name = "certificate_file_name", length = 250)
    private String certificateFileName;

    @Column(name = "certificate_password_encrypted", length = 2000)
    private String certificatePasswordEncrypted;

    @Column(name = "authority_host", nullable = false, length = 250)
    private String authorityHost;

    @Column(name = "graph_endpoint", nullable = false, length = 250)
    private String graphEndpoint;

    @Column(name = "last_test_outcome", length = 30)
    private String lastTestOutcome;

    @Column(name = "last_test_at")
    private OffsetDateTime lastTestAt;

    @Column(name = "last_test_by", length = 50)
    private String lastTestBy;

    @Embedded
    private AuditStamp modified;

    @Version
    private long version;

    protected GraphConnection() {
        // for JPA
    }

    public GraphConnection(Instant now, String by) {
        touch(now, by);
    }

    void setApplication(String tenantId, String clientId, String authorityHost, String graphEndpoint) {
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.authorityHost = authorityHost;
        this.graphEndpoint = graphEndpoint;
    }

    void setSealedClientSecret(Optional<String> sealed) {
        this.clientSecretEncrypted = sealed.orElse(null);
    }

    void setSealedCertificate(Optional<String> sealedCertificate, Optional<String> fileName,
                              Optional<String> sealedPassword) {
        this.certificateEncrypted = sealedCertificate.orElse(null);
        this.certificateFileName = fileName.orElse(null);
        this.certificatePasswordEncrypted = sealedPassword.orElse(null);
    }

    void recordTest(String outcome, Instant at, String by) {
        this.lastTestOutcome = outcome;
        this.lastTestAt = at.atOffset(ZoneOffset.UTC);
        this.lastTestBy = by;
    }

    void touch(Instant now, String by) {
        this.modified = new AuditStamp(now, by);
    }

    Optional<String> sealedClientSecret() {
        return Optional.ofNullable(clientSecretEncrypted);
    }

    Optional<String> sealedCertificate() {
        return Optional.ofNullable(certificateEncrypted);
    }

    Optional<String> sealedCertificatePassword() {
        return Optional.ofNullable(certificatePasswordEncrypted);
    }

    public boolean hasClientSecret() {
        return clientSecretEncrypted != null;
    }

    public boolean hasCertificate() {
        return certificateEncrypted != null;
    }

    public Optional<String> certificateFileName() {
        return Optional.ofNullable(certificateFileName);
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getClientId() {
        return clientId;
    }

    public String getAuthorityHost() {
        return authorityHost;
    }

    public String getGraphEndpoint() {
        return graphEndpoint;
    }

    /** The name of the last Test connection's outcome. */
    public Optional<String> lastTestOutcome() {
        return Optional.ofNullable(lastTestOutcome);
    }

    public Optional<Instant> lastTestAt() {
        return Optional.ofNullable(lastTestAt).map(OffsetDateTime::toInstant);
    }

    public Optional<String> lastTestBy() {
        return Optional.ofNullable(lastTestBy);
    }

    public AuditStamp modified() {
        return modified;
    }

    public long getVersion() {
        return version;
    }
}

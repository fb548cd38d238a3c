package org.contactsync.exchange.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.exchange.ConnectionInput;
import org.contactsync.exchange.ConnectionInput.CredentialKind;
import org.contactsync.exchange.ConnectionInput.UploadedCertificate;
import org.contactsync.exchange.ConnectionChecks;
import org.contactsync.exchange.ExchangeMessages;
import org.contactsync.exchange.GraphConnection;
import org.contactsync.exchange.GraphConnectionService;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;
import org.primefaces.event.FileUploadEvent;
import org.contactsync.platform.web.ViewerTime;

/**
 * The Microsoft 365 Connection page (admins). Secrets typed or uploaded here live in this bean only until the
 * next save and are never rendered back: the page shows only whether one is stored.
 */
@Named
@ViewScoped
public class ConnectionView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "connection";

    @Inject
    ViewerTime times;

    @Inject
    transient GraphConnectionService connections;

    @Inject
    transient ConnectionChecks connectionChecks;

    @Inject
    transient CurrentCaller caller;

    private boolean loaded;
    private String tenantId;
    private String clientId;
    private CredentialKind credential = CredentialKind.CLIENT_SECRET;
    private String clientSecret;
    private UploadedCertificate uploadedCertificate;
    private String certificatePassword;
    private String authorityHost;
    private String graphEndpoint;
    /** The version read; empty while no connection is saved. */
    private Long version;
    private boolean clientSecretStored;
    private String storedCertificateName = "";
    private String lastTestOutcome = "";
    private String lastTest = "";
    private String modified = "";

    /** f:viewAction: the saved connection, or the configured defaults for a new one. */
    public void load() {
        try {
            var saved = connections.card(caller.get());
            saved.ifPresentOrElse(this::show, this::defaults);
            loaded = true;
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(refusal.kind().status);
        }
    }

    public void save() {
        if (saveForm()) {
            FacesMessages.info(ExchangeMessages.of("connection.saved"));
        }
    }

    /**
     * Tests what the page shows without saving it, and says what was tested: a try-out must not change the
     * connection every employee's sync uses. Save saves. Only a test of exactly the saved connection is recorded.
     */
    public void testConnection() {
        try {
            var tested = connectionChecks.testConnection(caller.get(), input());
            CheckResults.show(tested.result());
            var what = tested.tested();
            FacesMessages.info(ExchangeMessages.of(what.asSaved() ? "connection.tested.saved"
                    : what.typed() ? "connection.tested.typed" : "connection.tested.unsaved",
                    what.settings().tenantId(), what.settings().clientId()));
            if (what.asSaved()) {
                show(connections.card(caller.get()).orElseThrow());
            }
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        } finally {
            forgetTypedSecrets();
        }
    }

    public void uploadCertificate(FileUploadEvent event) {
        var file = event.getFile();
        uploadedCertificate = new UploadedCertificate(file.getFileName(), file.getContent());
    }

    private boolean saveForm() {
        try {
            show(connections.save(caller.get(), input(), Optional.ofNullable(version)));
            return true;
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
            return false;
        } finally {
            forgetTypedSecrets();
        }
    }

    private ConnectionInput input() {
        return new ConnectionInput(tenantId, clientId, credential, Optional.ofNullable(clientSecret),
                Optional.ofNullable(uploadedCertificate), Optional.ofNullable(certificatePassword), authorityHost,
                graphEndpoint);
    }

    /** Write-only: a typed secret is never kept for the next rendering, saved, tested or refused. */
    private void forgetTypedSecrets() {
        clientSecret = null;
        certificatePassword = null;
        uploadedCertificate = null;
    }


    private void defaults() {
        authorityHost = connections.defaultAuthorityHost();
        graphEndpoint = connections.defaultGraphEndpoint();
    }

    private void show(GraphConnection connection) {
        tenantId = connection.getTenantId();
        clientId = connection.getClientId();
        authorityHost = connection.getAuthorityHost();
        graphEndpoint = connection.getGraphEndpoint();
        credential = connection.hasCertificate() ? CredentialKind.CERTIFICATE : CredentialKind.CLIENT_SECRET;
        clientSecretStored = connection.hasClientSecret();
        storedCertificateName = connection.certificateFileName().orElse("");
        version = connection.getVersion();
        lastTestOutcome = connection.lastTestOutcome().orElse("");
        lastTest = times.format(connection.lastTestAt());
        modified = times.format(connection.modified().at());
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        if (!lastTestOutcome.isEmpty()) {
            lastTest = ExchangeMessages.of("connection.lastTest.at", lastTest,
                    ExchangeMessages.of("check." + lastTestOutcome), connection.lastTestBy().orElse("")).in(locale);
        }
        modified = ExchangeMessages.of("connection.modified", modified, connection.modified().by()).in(locale);
    }

    public boolean isSecretKeyMissing() {
        return !connections.canStoreSecrets();
    }

    public CredentialKind[] getCredentialKinds() {
        return CredentialKind.values();
    }

    public boolean isLoaded() {
        return loaded;
    }

    public boolean isSaved() {
        return version != null;
    }

    public boolean isClientSecretStored() {
        return clientSecretStored;
    }

    public boolean isCertificateStored() {
        return !storedCertificateName.isEmpty();
    }

    public String getStoredCertificateName() {
        return storedCertificateName;
    }

    public boolean isCertificateUploaded() {
        return uploadedCertificate != null;
    }

    public String getUploadedCertificateName() {
        return uploadedCertificate == null ? "" : uploadedCertificate.fileName();
    }

    public boolean isTested() {
        return !lastTestOutcome.isEmpty();
    }

    public boolean isLastTestOk() {
        return "OK".equals(lastTestOutcome);
    }

    public String getLastTest() {
        return lastTest;
    }

    public String getModified() {
        return modified;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public CredentialKind getCredential() {
        return credential;
    }

    public void setCredential(CredentialKind credential) {
        this.credential = credential;
    }

    /** Write-only: always empty when the page is rendered. */
    public String getClientSecret() {
        return "";
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    /** Write-only: always empty when the page is rendered. */
    public String getCertificatePassword() {
        return "";
    }

    public void setCertificatePassword(String certificatePassword) {
        this.certificatePassword = certificatePassword;
    }

    public String getAuthorityHost() {
        return authorityHost;
    }

    public void setAuthorityHost(String authorityHost) {
        this.authorityHost = authorityHost;
    }

    public String getGraphEndpoint() {
        return graphEndpoint;
    }

    public void setGraphEndpoint(String graphEndpoint) {
        this.graphEndpoint = graphEndpoint;
    }
}

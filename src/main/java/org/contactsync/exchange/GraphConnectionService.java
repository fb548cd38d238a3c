package org.contactsync.exchange;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.contactsync.employee.Caller;
import org.contactsync.exchange.ConnectionInput.CredentialKind;
import org.contactsync.exchange.ConnectionInput.UploadedCertificate;
import org.contactsync.graph.GraphConnectionSettings;
import org.contactsync.graph.GraphConnectionSettings.CertificateFormat;
import org.contactsync.graph.GraphConnectionSettings.ClientCertificate;
import org.contactsync.graph.GraphConnectionSettings.ClientCredential;
import org.contactsync.graph.GraphConnectionSettings.ClientSecret;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's Microsoft 365 connection: admins read and change it; the sync engine and the Exchange Sync
 * Setup read it as {@link GraphConnectionSettings} (secrets decrypted only then, in memory). Secrets are sealed by
 * {@link SecretProtection} before they reach the entity, and never returned to a page.
 */
@ApplicationScoped
@Transactional
public class GraphConnectionService {

    static final int MAX_CERTIFICATE_BYTES = 64 * 1024;
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** A tenant is its GUID or one of its domain names (contoso.onmicrosoft.com), or a sandbox/test name. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,99}");

    @Inject
    GraphConnectionRepository connections;

    @Inject
    SecretProtection secrets;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "contactsync.graph.authority-host")
    String defaultAuthorityHost;

    @Inject
    @ConfigProperty(name = "contactsync.graph.endpoint")
    String defaultGraphEndpoint;

    /** Whether the Microsoft 365 sandbox is on: then (only) plain http to a loopback address is allowed. */
    @Inject
    @ConfigProperty(name = "contactsync.sandbox.enabled")
    boolean sandboxEnabled;

    protected GraphConnectionService() {
        // for CDI
    }

    /** For tests outside the container, which manage the transaction themselves. */
    public GraphConnectionService(GraphConnectionRepository connections, SecretProtection secrets, Clock clock) {
        this.connections = connections;
        this.secrets = secrets;
        this.clock = clock;
        this.defaultAuthorityHost = GraphConnectionSettings.GLOBAL_AUTHORITY_HOST;
        this.defaultGraphEndpoint = GraphConnectionSettings.GLOBAL_GRAPH_ENDPOINT;
    }

    /** For tests outside the container, with the sandbox switched on or off. */
    public GraphConnectionService(GraphConnectionRepository connections, SecretProtection secrets, Clock clock,
            boolean sandboxEnabled) {
        this(connections, secrets, clock);
        this.sandboxEnabled = sandboxEnabled;
    }

    /** The connection as the admin's page shows it; empty when none was saved yet. */
    public Optional<GraphConnection> card(Caller caller) {
        mayManage(caller);
        return find();
    }

    /** The stored connection (no secrets readable from it). */
    public Optional<GraphConnection> find() {
        return connections.find();
    }

    /**
     * Seals the stored connection's secrets again under the current key where they are sealed under the previous
     * one ({@code contactsync.secret-key.previous}, a key rotation); whether any was.
     */
    public boolean sealStoredSecretsUnderCurrentKey() {
        return find().map(connection -> {
            var secret = connection.sealedClientSecret().flatMap(secrets::sealedUnderCurrentKey);
            var certificate = connection.sealedCertificate().flatMap(secrets::sealedUnderCurrentKey);
            var password = connection.sealedCertificatePassword().flatMap(secrets::sealedUnderCurrentKey);
            secret.ifPresent(sealed -> connection.setSealedClientSecret(Optional.of(sealed)));
            if (certificate.isPresent() || password.isPresent()) {
                connection.setSealedCertificate(certificate.or(connection::sealedCertificate),
                        connection.certificateFileName(), password.or(connection::sealedCertificatePassword));
            }
            return secret.isPresent() || certificate.isPresent() || password.isPresent();
        }).orElse(false);
    }

    /** False while no encryption key is configured (production without contactsync.secret-key). */
    public boolean canStoreSecrets() {
        return secrets.canSeal();
    }

    public String defaultAuthorityHost() {
        return defaultAuthorityHost;
    }

    public String defaultGraphEndpoint() {
        return defaultGraphEndpoint;
    }

    /**
     * Saves the connection read at {@code readVersion} (empty for a new one); refuses invalid input with one
     * problem per field, a change made meanwhile by someone else, and any secret while no key is configured.
     */
    public GraphConnection save(Caller caller, ConnectionInput input, Optional<Long> readVersion) {
        mayManage(caller);
        var existing = find();
        if (!existing.map(GraphConnection::getVersion).equals(readVersion)) {
            throw new ApplicationException(Kind.CONFLICT, ExchangeMessages.of("connection.refused.changedMeanwhile"));
        }
        var problems = problems(input, existing);
        if (!problems.isEmpty()) {
            throw new ApplicationException(Kind.INVALID, ExchangeMessages.of("connection.invalid"), problems);
        }
        var connection = existing.orElseGet(() -> new GraphConnection(clock.instant(), caller.userName()));
        connection.setApplication(input.tenantId(), input.clientId(), input.authorityHost(), input.graphEndpoint());
        if (input.credential() == CredentialKind.CLIENT_SECRET) {
            input.newClientSecret().map(secrets::seal).ifPresent(s -> connection.setSealedClientSecret(Optional.of(s)));
            connection.setSealedCertificate(Optional.empty(), Optional.empty(), Optional.empty());
        } else {
            var certificate = input.newCertificate();
            var sealedCertificate = certificate.map(c -> secrets.seal(c.content()))
                    .or(connection::sealedCertificate);
            var fileName = certificate.map(UploadedCertificate::fileName).or(connection::certificateFileName);
            var sealedPassword = input.newCertificatePassword().map(secrets::seal)
                    .or(() -> certificate.isPresent() ? Optional.empty() : connection.sealedCertificatePassword());
            connection.setSealedCertificate(sealedCertificate, fileName, sealedPassword);
            connection.setSealedClientSecret(Optional.empty());
        }
        connection.touch(clock.instant(), caller.userName());
        if (existing.isEmpty()) {
            connections.add(connection);
        }
        connections.flush();
        return connection;
    }

    /**
     * The connection the page shows, as Test connection tries it, without saving anything: a secret, certificate or
     * certificate password typed on the page is used as typed; where none was typed, the saved one, under the rules
     * Save applies (never for another tenant, app or host). Refused field by field as Save refuses.
     */
    public TrialConnection trial(Caller caller, ConnectionInput input) {
        mayManage(caller);
        var existing = find();
        var problems = problems(input, existing);
        if (!problems.isEmpty()) {
            throw new ApplicationException(Kind.INVALID, ExchangeMessages.of("connection.invalid"), problems);
        }
        var saved = existing.filter(connection -> ConnectionEndpoints.sameApplication(connection, input));
        var credential = input.credential() == CredentialKind.CLIENT_SECRET
                ? input.newClientSecret().<ClientCredential>map(ClientSecret::new)
                        .orElseGet(() -> settings(saved.orElseThrow()).credential())
                : input.newCertificate().<ClientCredential>map(certificate -> new ClientCertificate(
                                format(certificate.content()), certificate.content(), input.newCertificatePassword()))
                        .orElseGet(() -> withPassword(settings(saved.orElseThrow()).credential(),
                                input.newCertificatePassword()));
        boolean typed = input.newClientSecret().isPresent() || input.newCertificate().isPresent()
                || input.newCertificatePassword().isPresent();
        boolean asSaved = !typed && saved.filter(connection -> connection.hasClientSecret()
                == (input.credential() == CredentialKind.CLIENT_SECRET)).isPresent();
        return new TrialConnection(new GraphConnectionSettings(input.tenantId(), input.clientId(), credential,
                input.authorityHost(), input.graphEndpoint()), asSaved, typed);
    }

    /**
     * What Test connection tries.
     *
     * @param settings the values on the page, with the credential it uses
     * @param asSaved  exactly the saved connection: the outcome is recorded on it
     * @param typed    a secret, certificate or password typed on the page (not saved) is part of it
     */
    public record TrialConnection(GraphConnectionSettings settings, boolean asSaved, boolean typed) {
    }

    /** The saved certificate with the password typed on the page, if one was. */
    private static ClientCredential withPassword(ClientCredential saved, Optional<String> typedPassword) {
        if (saved instanceof ClientCertificate certificate && typedPassword.isPresent()) {
            return new ClientCertificate(certificate.format(), certificate.bytes(), typedPassword);
        }
        return saved;
    }

    /** Demo data: a connection from configuration unless one exists. Returns whether it created one. */
    public boolean createIfMissing(String tenantId, String clientId, String clientSecret, String by) {
        if (find().isPresent()) {
            return false;
        }
        var connection = new GraphConnection(clock.instant(), by);
        connection.setApplication(tenantId, clientId, defaultAuthorityHost, defaultGraphEndpoint);
        connection.setSealedClientSecret(Optional.of(secrets.seal(clientSecret)));
        connections.add(connection);
        return true;
    }

    /**
     * The connection with its secret decrypted, for Graph calls; empty when none is saved. A secret sealed under
     * another key is refused with a message asking the admin to enter it again.
     */
    public Optional<GraphConnectionSettings> settings() {
        return find().map(this::settings);
    }

    /** Keeps the outcome of a Test connection (its name) with when and by whom. */
    public void recordTest(Caller caller, String outcome) {
        mayManage(caller);
        find().ifPresent(connection -> connection.recordTest(outcome, clock.instant(), caller.userName()));
    }

    private GraphConnectionSettings settings(GraphConnection connection) {
        try {
            GraphConnectionSettings.ClientCredential credential = connection.sealedClientSecret().isPresent()
                    ? new ClientSecret(secrets.openText(connection.sealedClientSecret().get()))
                    : certificate(connection);
            return new GraphConnectionSettings(connection.getTenantId(), connection.getClientId(), credential,
                    connection.getAuthorityHost(), connection.getGraphEndpoint());
        } catch (SecretCipher.UnreadableSecretException e) {
            throw new ApplicationException(Kind.CONFLICT, ExchangeMessages.of("connection.refused.unreadableSecret"));
        }
    }

    private ClientCertificate certificate(GraphConnection connection) {
        var bytes = secrets.open(connection.sealedCertificate().orElseThrow(() -> new ApplicationException(
                Kind.CONFLICT, ExchangeMessages.of("connection.refused.noCredential"))));
        return new ClientCertificate(format(bytes), bytes,
                connection.sealedCertificatePassword().map(secrets::openText));
    }

    /** PEM files are text starting with a "-----BEGIN" line; anything else is taken for PKCS#12 (PFX). */
    static CertificateFormat format(byte[] certificate) {
        var head = new String(certificate, 0, Math.min(certificate.length, 200), StandardCharsets.US_ASCII);
        return head.contains("-----BEGIN") ? CertificateFormat.PEM : CertificateFormat.PFX;
    }

    private List<FieldProblem> problems(ConnectionInput input, Optional<GraphConnection> existing) {
        var problems = new ArrayList<FieldProblem>();
        if (!GUID.matcher(input.tenantId()).matches() && !TENANT.matcher(input.tenantId()).matches()) {
            problems.add(problem("tenantId", "connection.tenantId.invalid"));
        }
        if (!GUID.matcher(input.clientId()).matches()) {
            problems.add(problem("clientId", "connection.clientId.invalid"));
        }
        if (!input.authorityHost().toLowerCase(java.util.Locale.ROOT).matches("https?://[^/\\s]+")) {
            problems.add(problem("authorityHost", "connection.authorityHost.invalid"));
        } else if (!input.authorityHost().toLowerCase(java.util.Locale.ROOT).startsWith("https:")) {
            // Even the sandbox's authority is https: azure-identity (MSAL) accepts no other.
            problems.add(problem("authorityHost", "connection.authorityHost.notHttps"));
        }
        if (!input.graphEndpoint().matches("https?://[^/\\s]+(/[^\\s]*)?/v1\\.0")) {
            problems.add(problem("graphEndpoint", "connection.graphEndpoint.invalid"));
        } else if (!ConnectionEndpoints.mayCarrySecrets(input.graphEndpoint(), sandboxEnabled)) {
            problems.add(problem("graphEndpoint", "connection.graphEndpoint.notHttps"));
        }
        // A stored secret stays with the application and place it was entered for: never sent anywhere else.
        var stored = existing.filter(connection -> ConnectionEndpoints.sameApplication(connection, input));
        boolean moved = existing.isPresent() && stored.isEmpty();
        if (input.credential() == CredentialKind.CLIENT_SECRET) {
            if (input.newClientSecret().isEmpty() && !stored.map(GraphConnection::hasClientSecret).orElse(false)) {
                problems.add(problem("clientSecret", moved && existing.get().hasClientSecret()
                        ? "connection.clientSecret.reenter" : "connection.clientSecret.required"));
            }
        } else if (input.newCertificate().isPresent()) {
            certificateProblem(input.newCertificate().get(), input.newCertificatePassword()).ifPresent(problems::add);
        } else if (!stored.map(GraphConnection::hasCertificate).orElse(false)) {
            problems.add(problem("certificate", moved && existing.get().hasCertificate()
                    ? "connection.certificate.reenter" : "connection.certificate.required"));
        }
        return problems;
    }

    /** Catches a wrong file or password now rather than at the first sync. */
    private static Optional<FieldProblem> certificateProblem(UploadedCertificate certificate,
                                                            Optional<String> password) {
        var content = certificate.content();
        if (content.length == 0 || content.length > MAX_CERTIFICATE_BYTES) {
            return Optional.of(problem("certificate", "connection.certificate.size"));
        }
        if (format(content) == CertificateFormat.PEM) {
            var text = new String(content, StandardCharsets.US_ASCII);
            return text.contains("PRIVATE KEY-----") && text.contains("-----BEGIN CERTIFICATE-----")
                    ? Optional.empty() : Optional.of(problem("certificate", "connection.certificate.pemIncomplete"));
        }
        try {
            KeyStore.getInstance("PKCS12").load(new ByteArrayInputStream(content),
                    password.orElse("").toCharArray());
            return Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            return Optional.of(problem("certificate", "connection.certificate.unreadable"));
        }
    }

    private static FieldProblem problem(String field, String key) {
        return new FieldProblem(field, ExchangeMessages.of(key));
    }

    private static void mayManage(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ApplicationException(Kind.FORBIDDEN, ExchangeMessages.of("connection.refused.adminOnly"));
        }
    }
}

package org.contactsync.exchange;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts the connection's secrets at rest with {@code contactsync.secret-key}, a key kept outside the database
 * (an environment variable, a system property, or a Payara password alias: {@code ${ALIAS=contactsync-key}}).
 * A malformed key stops the application at start-up. Without a key, demo installations use the published
 * {@link #DEMO_KEY}; production refuses to store a secret at all rather than store it readable.
 *
 * <p>Rotating the key: {@code contactsync.secret-key.previous} names a key that secrets may still be sealed with.
 * They open under either key, and {@link StoredSecretsRekeying} seals them again under the current key when a
 * server starts (README, "Several servers": the steps, also without stopping every server).
 */
@ApplicationScoped
public class SecretProtection {

    /** Published on purpose: only ever used with {@code contactsync.demo-data=true} and no key configured. */
    static final String DEMO_KEY = "ZGVtby1vbmx5LWtleS1jb250YWN0c3luYy0yMDI2ISE=";

    private static final Logger LOG = Logger.getLogger(SecretProtection.class.getName());

    @Inject
    @ConfigProperty(name = "contactsync.secret-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "contactsync.demo-data")
    boolean demoData;

    @Inject
    @ConfigProperty(name = "contactsync.secret-key.previous")
    Optional<String> previousKey;

    private Optional<SecretCipher> cipher = Optional.empty();
    private Optional<SecretCipher> previousCipher = Optional.empty();

    protected SecretProtection() {
        // for CDI
    }

    /** For tests outside the container. */
    public SecretProtection(Optional<String> configuredKey, boolean demoData) {
        this(configuredKey, Optional.empty(), demoData);
    }

    /** For tests outside the container, during a key rotation. */
    public SecretProtection(Optional<String> configuredKey, Optional<String> previousKey, boolean demoData) {
        this.configuredKey = configuredKey;
        this.previousKey = previousKey;
        this.demoData = demoData;
        init();
    }

    @PostConstruct
    void init() {
        previousCipher = previousKey.filter(k -> !k.isBlank()).map(SecretCipher::fromBase64);
        var key = configuredKey.filter(k -> !k.isBlank());
        if (key.isPresent()) {
            cipher = Optional.of(SecretCipher.fromBase64(key.get()));
        } else if (demoData) {
            LOG.warning("contactsync.secret-key is not set: secrets are encrypted with the published demo key. "
                    + "Set a key of your own before storing a real secret.");
            cipher = Optional.of(SecretCipher.fromBase64(DEMO_KEY));
        } else {
            LOG.warning("contactsync.secret-key is not set: the Microsoft 365 connection's secret cannot be saved "
                    + "until it is (generate one with: openssl rand -base64 32).");
        }
    }

    /** Checks the key when the application starts, so that a malformed key stops deployment with its message. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Delivering the event creates this bean, which runs init(): nothing else to do here.
    }

    public boolean canSeal() {
        return cipher.isPresent();
    }

    public String seal(String secret) {
        return seal(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64 ciphertext; refused with a message for the admin when no key is configured. */
    public String seal(byte[] secret) {
        return cipher.orElseThrow(() -> new ApplicationException(Kind.INVALID,
                ExchangeMessages.of("connection.refused.noSecretKey"))).seal(secret);
    }

    /**
     * The plaintext of a sealed secret, sealed under the current or the previous key;
     * {@link SecretCipher.UnreadableSecretException} under any other.
     */
    public byte[] open(String sealed) {
        var current = cipher.orElseThrow(() -> new IllegalStateException("contactsync.secret-key is not set: the "
                + "stored Microsoft 365 secret cannot be decrypted."));
        try {
            return current.open(sealed);
        } catch (SecretCipher.UnreadableSecretException underAnotherKey) {
            return previousCipher.orElseThrow(() -> underAnotherKey).open(sealed);
        }
    }

    /**
     * The secret sealed again under the current key, when it is sealed under the previous one; empty when it is
     * sealed under the current key already, or under neither (then only entering it again helps).
     */
    public Optional<String> sealedUnderCurrentKey(String sealed) {
        if (cipher.isEmpty() || previousCipher.isEmpty() || opensUnder(cipher.get(), sealed)
                || !opensUnder(previousCipher.get(), sealed)) {
            return Optional.empty();
        }
        return Optional.of(cipher.get().seal(previousCipher.get().open(sealed)));
    }

    private static boolean opensUnder(SecretCipher key, String sealed) {
        try {
            key.open(sealed);
            return true;
        } catch (SecretCipher.UnreadableSecretException underAnotherKey) {
            return false;
        }
    }

    public String openText(String sealed) {
        return new String(open(sealed), StandardCharsets.UTF_8);
    }
}

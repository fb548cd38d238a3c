package org.contactsync.exchange;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At start-up, seals the stored Microsoft 365 secrets again under {@code contactsync.secret-key} where they are
 * still sealed under {@code contactsync.secret-key.previous}: the second step of a key rotation (README, "Several
 * servers"). Servers starting together may both do it; each result opens under the current key.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class StoredSecretsRekeying {

    private static final Logger LOG = Logger.getLogger(StoredSecretsRekeying.class.getName());

    @Inject
    GraphConnectionService connections;

    @PostConstruct
    void sealUnderTheCurrentKey() {
        if (connections.sealStoredSecretsUnderCurrentKey()) {
            LOG.info("The Microsoft 365 connection's secrets are now sealed under contactsync.secret-key; "
                    + "contactsync.secret-key.previous can be removed once every server runs with this key.");
        }
    }
}

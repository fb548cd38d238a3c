package org.contactsync.platform;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Lets one server at a time seed the database at start-up (the first administrator, the demo data). Seeding looks
 * at what is there and adds what is missing: two servers starting together on an empty database would both add it,
 * and one fails to deploy on a unique key or the demo contacts come twice. Flyway already serializes the migration.
 *
 * <p>On PostgreSQL a transaction-scoped advisory lock (the database has no portable statement for "wait for the
 * other server", and a lock row would need a table just for this); an embedded H2 database belongs to one server
 * process, so there is nobody to wait for.
 */
@ApplicationScoped
public class SeedingLock {

    /** Any number, the same on every server: the lock's name. */
    private static final long KEY = 0x636f6e7461637473L;

    @PersistenceContext(unitName = "contactsync")
    EntityManager em;

    @EJB
    DatabaseMigration database;

    /**
     * Waits while another server seeds and then holds the lock until the caller's transaction ends, so what the
     * caller reads afterwards includes everything the other server added.
     */
    @Transactional(TxType.MANDATORY)
    public void holdUntilCommit() {
        if (database.onPostgreSQL()) {
            em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(" + KEY + ")) locked")
                    .getSingleResult();
        }
    }
}

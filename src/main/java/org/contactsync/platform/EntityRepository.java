package org.contactsync.platform;

import jakarta.persistence.EntityManager;

/**
 * What every repository has: the container's entity manager, working in the caller's transaction (see this
 * package's data-access convention). A repository is a {@code @Dependent} bean whose one constructor takes the
 * entity manager ({@link PersistenceUnit} produces it), so persistence tests make it with their own.
 */
public abstract class EntityRepository {

    protected final EntityManager em;

    protected EntityRepository(EntityManager em) {
        this.em = em;
    }

    /** Writes pending changes now, so that a constraint violation or a conflict surfaces in the service. */
    public void flush() {
        em.flush();
    }
}

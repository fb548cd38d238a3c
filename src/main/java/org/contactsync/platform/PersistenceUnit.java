package org.contactsync.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The application's one persistence unit as a CDI bean: the container's transaction-scoped entity manager, for the
 * repositories' constructors ({@link EntityRepository}).
 */
@ApplicationScoped
public class PersistenceUnit {

    @Produces
    @PersistenceContext(unitName = "contactsync")
    EntityManager em;
}

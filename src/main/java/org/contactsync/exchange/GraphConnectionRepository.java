package org.contactsync.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The installation's one Microsoft 365 connection row. */
@ApplicationScoped
public class GraphConnectionRepository {

    @PersistenceContext(unitName = "contactsync")
    EntityManager em;

    protected GraphConnectionRepository() {
        // for CDI
    }

    /** For tests outside the container. */
    public GraphConnectionRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<GraphConnection> find() {
        return Optional.ofNullable(em.find(GraphConnection.class, GraphConnection.THE_ONE));
    }

    public void add(GraphConnection connection) {
        em.persist(connection);
    }

    /** Writes pending changes now, so that a conflict surfaces inside the service. */
    public void flush() {
        em.flush();
    }
}

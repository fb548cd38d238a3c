package org.contactsync.exchange;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.contactsync.platform.EntityRepository;

/** The installation's one Microsoft 365 connection row. */
@Dependent
public class GraphConnectionRepository extends EntityRepository {

    @Inject
    public GraphConnectionRepository(EntityManager em) {
        super(em);
    }

    public Optional<GraphConnection> find() {
        return Optional.ofNullable(em.find(GraphConnection.class, GraphConnection.THE_ONE));
    }

    public void add(GraphConnection connection) {
        em.persist(connection);
    }
}

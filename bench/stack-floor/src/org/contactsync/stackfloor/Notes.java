package org.contactsync.stackfloor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * What every application on the decided stack does when it starts: a datasource defined in the WAR, a Flyway
 * migration by a startup singleton, and a row written through JPA in the container's transaction.
 */
@Singleton
@Startup
public class Notes {

    @Resource(lookup = "java:app/jdbc/floor")
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager entityManager;

    @PostConstruct
    void migrateAndSeed() {
        Flyway.configure().dataSource(dataSource).load().migrate();
        entityManager.persist(new Note(1, "The stack floor is up."));
    }

    public List<Note> all() {
        return entityManager.createNamedQuery("Note.all", Note.class).getResultList();
    }
}

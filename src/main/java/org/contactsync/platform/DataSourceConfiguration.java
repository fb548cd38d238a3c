package org.contactsync.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's one datasource, defined inside the WAR so that switching between embedded H2 and PostgreSQL
 * is purely configuration: Payara resolves the {@code MPCONFIG} placeholders from MicroProfile Config (system
 * properties, then environment variables such as {@code CONTACTSYNC_DB_URL}, then the WAR's defaults).
 */
@DataSourceDefinition(
        name = DataSourceConfiguration.JNDI_NAME,
        className = "${MPCONFIG=contactsync.db.class}",
        url = "${MPCONFIG=contactsync.db.url}",
        user = "${MPCONFIG=contactsync.db.user}",
        password = "${MPCONFIG=contactsync.db.password}",
        minPoolSize = 1,
        maxPoolSize = 20)
@Singleton
public class DataSourceConfiguration {

    public static final String JNDI_NAME = "java:app/jdbc/contactsync";
}

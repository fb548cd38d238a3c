package org.contactsync.stackfloor;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/** The datasource, defined inside the WAR as the application defines its own. */
@DataSourceDefinition(name = "java:app/jdbc/floor", className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:mem:floor;DB_CLOSE_DELAY=-1")
@Singleton
public class FloorDataSource {
}

/**
 * What every feature stands on: the datasource and its Flyway migrations, configuration keys, the clock, the
 * user-interface shell (locale, navigation) and error handling. Knows no feature; every feature may use it.
 */
package org.contactsync.platform;

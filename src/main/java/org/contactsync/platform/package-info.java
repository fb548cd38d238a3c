/**
 * What every feature stands on: the datasource and its Flyway migrations, configuration keys, the clock, the
 * user-interface shell (locale, navigation) and error handling, this server's name in leases
 * ({@link org.contactsync.platform.ServerName}), one server at a time seeding a shared database at start-up
 * ({@link org.contactsync.platform.SeedingLock}) and the nightly purge of every feature's
 * {@link org.contactsync.platform.Purgeable} log, the one rule for typed text
 * ({@link org.contactsync.platform.PlainText}) and the security headers of every response
 * ({@code web.SecurityHeaders}). Knows no feature; every feature may use it.
 */
package org.contactsync.platform;

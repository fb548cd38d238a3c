/**
 * {@code /api/v1/contact-sync-setups/{userName}}: each employee's Exchange Sync / Contact Sync Setup over HTTP, for
 * provisioning: read and change the folder name, the filter (with how many contacts it lets through and how many of
 * them will sync), background synchronization and the keep-in-Outlook policy, and validate the mailbox. Employees
 * their own, admins anyone's: every rule and message is {@link org.contactsync.exchange.ExchangeSyncService}'s and
 * {@link org.contactsync.exchange.ConnectionChecks}', as on the pages. A filter field is named {@code filter.<field>}
 * in the JSON and in problem+json ({@link org.contactsync.exchange.api.FilterJson}).
 */
package org.contactsync.exchange.api;

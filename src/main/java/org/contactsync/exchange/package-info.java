/**
 * The Microsoft 365 connection and each employee's Exchange Sync / Contact Sync Setup (Business Central's pages
 * 6700 and 6701, rebuilt on Microsoft Graph).
 *
 * <p>Contract:
 * <ul>
 * <li>{@link org.contactsync.exchange.GraphConnectionService}: the installation's one connection. Admins read and
 * change it; {@code settings()} gives the sync engine the decrypted
 * {@link org.contactsync.graph.GraphConnectionSettings}. Secrets are stored only AES-GCM-sealed by
 * {@link org.contactsync.exchange.SecretProtection} under {@code contactsync.secret-key}, which never is in the
 * database; they are never rendered, logged or returned to a page.</li>
 * <li>{@link org.contactsync.exchange.ExchangeSyncService}: per-employee setups (employees their own, admins
 * anyone's), the filter's count and preview, and the engine's entry points ({@code find},
 * {@code withBackgroundSync}); the engine records its results on {@link org.contactsync.exchange.ExchangeSync}
 * ({@code recordFolder}, {@code folderRenamed}, {@code recordSync}) inside its own transaction.</li>
 * <li>{@link org.contactsync.exchange.SyncFilter}: Business Central filter expressions per Contact field;
 * ({@code org.contactsync.contact.filter}'s syntax); {@code parse()} checks them and gives a
 * {@link org.contactsync.exchange.ParsedSyncFilter} whose
 * {@code toPredicate} is a JPA Criteria predicate on {@code Contact} with bound parameters only.</li>
 * <li>{@link org.contactsync.exchange.ConnectionChecks}: Test connection and Validate Exchange Connection through
 * {@code org.contactsync.graph.GraphConnectionChecks}, outside any database transaction.</li>
 * </ul>
 * Their queries are {@link org.contactsync.exchange.ExchangeSyncRepository}'s (setups, and the contacts a filter
 * lets through) and {@link org.contactsync.exchange.GraphConnectionRepository}'s, as {@code platform}'s data-access
 * convention has it. Uses {@code contact}, {@code employee}, {@code graph} and {@code platform}; used by {@code sync} and the pages.
 */
package org.contactsync.exchange;

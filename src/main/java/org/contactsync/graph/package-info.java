/**
 * The only door to Microsoft Graph: connection settings, azure-identity credentials and Graph clients, connection
 * checks, and the Outlook contacts gateway the sync engine uses. No Graph SDK or azure-identity type leaves this
 * package; callers pass and get plain records ({@link org.contactsync.graph.GraphConnectionSettings},
 * {@link org.contactsync.graph.ConnectionCheckResult}, {@link org.contactsync.graph.OutlookContact} (which the
 * planner compares), {@link org.contactsync.graph.OutlookWrite}, {@link org.contactsync.graph.WriteOutcome},
 * {@link org.contactsync.graph.DeltaRound}), with the synced fields as the contact's field catalogue
 * ({@link org.contactsync.contact.SyncedField}, {@link org.contactsync.contact.FieldValues}) names them.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Clients.</b> One credential per settings, cached, so MSAL's token cache serves every call; tokens are
 * attached only for the Graph endpoint's host; the base URL is set on the adapter before the client is built;
 * instance discovery is off for any authority that is not Microsoft's. Every request asks for immutable ids.</li>
 * <li><b>Checks.</b> {@link org.contactsync.graph.GraphConnectionChecks} never throws; its technical detail never holds
 * the secret.</li>
 * <li><b>Sessions.</b> {@link org.contactsync.graph.OutlookContactsGateway#open} gives an
 * {@link org.contactsync.graph.OutlookMailbox} for one run: it counts its HTTP requests (a {@code $batch} is one),
 * keeps at most four requests in flight per app and mailbox (Exchange's limit) across all sessions, lets the SDK's
 * RetryHandler honour Retry-After for whole requests and itself retries throttled batch items, all within a
 * {@link org.contactsync.graph.ThrottleBudget}; past it, {@link org.contactsync.graph.MailboxThrottledException} or
 * {@link org.contactsync.graph.WriteOutcome.Throttled} tell the engine to postpone the employee. Every request, 429
 * answer and wait is also told to {@link org.contactsync.graph.GraphTraffic} (the application's metrics). Any Retry-After
 * (seconds, date, zero, none, negative, garbled) is read by {@code RetryAfter}; without a usable one the wait backs
 * off with jitter. A POST answered 5xx is never repeated blindly: writes whose answer was lost are read back (a
 * create by its stamp) and sent again only when found not done.</li>
 * <li><b>Clouds.</b> The token scope (and a defaulted authority) follow the Graph endpoint's national cloud.</li>
 * <li><b>Identity.</b> Contacts we create carry the stamp, a single-value extended property
 * {@code String {5d3c9a52-1f0b-4e77-9a6e-0c2f8b7d41a3} Name ContactSyncBcNo} holding the BC contact No.; Fax No. is
 * MAPI's PidTagBusinessFaxNumber ({@code String 0x3A24}). Listings expand both; delta cannot, so the engine completes
 * unknown changed contacts with {@link org.contactsync.graph.OutlookMailbox#withExtendedProperties}.</li>
 * <li><b>Writes.</b> Fully sequential batches of at most 20 (each item {@code dependsOn} the one before it: Graph
 * refuses any shape between fully sequential and fully parallel), up to four batch requests in flight per session;
 * items behind a failed or throttled one (424) go again, so nothing runs twice; item URLs are relative to Graph's
 * version root whatever the endpoint's path; a PATCH carries only the given fields; emailAddresses and businessPhones
 * are rebuilt from Outlook's current entries so that entries beyond the mapped ones stay.</li>
 * </ul>
 *
 * <h2>Layering</h2>
 * Imports {@code platform} and, of the contact, only its field catalogue ({@code SyncedField}, {@code FieldValues},
 * {@code StreetLines}); never {@code sync}, {@code exchange} or a page. The sync engine reaches Outlook through its
 * own port ({@code org.contactsync.sync.OutlookMailboxPort}), whose adapter in {@code sync} calls
 * {@link org.contactsync.graph.OutlookMailbox}: the arrow runs from sync to graph only.
 */
package org.contactsync.graph;

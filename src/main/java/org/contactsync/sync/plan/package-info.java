/**
 * The sync planner: the pure decision core of "Sync with Microsoft 365" and "Full Sync with Microsoft 365".
 *
 * <h2>Contract</h2>
 * {@link org.contactsync.sync.plan.Planner#plan} takes a {@link org.contactsync.sync.plan.SyncSnapshot} (immutable
 * records: Business Central contacts, the Outlook folder's contacts and removals, the link rows, the mode and the
 * employee's policy) and returns a {@link org.contactsync.sync.plan.Plan}: actions in execution order, each with a
 * {@link org.contactsync.sync.plan.Reason}, plus the mass-delete verdict. It knows no JPA entity, no Graph SDK type
 * and does no I/O; the engine builds the snapshot, and the executor runs the plan (and nothing else). A preview is
 * the plan not executed; {@link org.contactsync.sync.plan.Plan#summary()} gives its counts.
 * The field mapping is {@link org.contactsync.contact.SyncedField}.
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>Scope.</b> A BC contact is synced when Type = Person, Name and E-Mail are not empty, it is not Privacy
 * Blocked and it is in the employee's filter (a contact the sync imported from Outlook counts as in the filter).
 * An Outlook contact comes to BC only with a name and an e-mail; others are skipped with the reason.</li>
 * <li><b>Matching</b>, in this order, each contact claimed once: the link; the stamp (BC contact No. in our
 * extended property) on an unlinked Outlook contact; the e-mail (trimmed, ignoring case), lowest BC No. and lowest
 * Graph id first.</li>
 * <li><b>Merging</b> field by field against the link's last synced values: changed only in BC → Outlook; changed
 * only in Outlook → BC on a full sync; changed on both → BC's value, conflict logged. Only changed fields are
 * written; values are compared after {@link org.contactsync.contact.SyncedField#normalise}. An e-mail change
 * keeps the link. Outlook clearing Name or E-Mail is refused (BC's value is written back).</li>
 * <li><b>Incremental</b>: BC changes go out, in-scope contacts not yet in Outlook are created, linked contacts
 * deleted in Outlook are recreated, contacts leaving the sync are removed; nothing is written to BC and nothing
 * new is imported (skipped with "waits for full sync"). <b>Full</b>: both directions.</li>
 * <li><b>Deletes.</b> A linked contact deleted in Outlook and still in scope is recreated (or relinked to a copy
 * found by stamp or e-mail). A BC contact deleted or leaving the filter is deleted from Outlook, or with "keep in
 * Outlook, stop syncing" only unlinked, its link row kept as a tombstone so that the kept contact is never imported
 * back (Business Central's own sync re-imports contacts deleted in BC); leaving scope for any other reason
 * (Company, no Name/E-Mail, Privacy Blocked) always deletes. An unlinked Outlook contact with our stamp whose BC contact is gone or out of scope is
 * treated the same way; a second stamped copy of a synced contact is deleted.</li>
 * <li><b>Duplicates.</b> BC wins: every in-scope BC contact gets its own Outlook contact. An unstamped Outlook
 * contact whose e-mail belongs to a BC contact already synced (or outside the sync) is skipped and logged, never
 * imported as a second BC contact and never deleted (we did not create it).</li>
 * <li><b>Mass-delete guard.</b> More than 10 deletes and more than half of the sync's contacts in the folder (its links
 * still there, whether the run lists the folder or reads a delta) → the plan is blocked until
 * the run is confirmed ({@link org.contactsync.sync.plan.SyncPolicy#massDeleteConfirmed()}).</li>
 * </ol>
 *
 * <h2>What the engine must provide</h2>
 * <ul>
 * <li>Snapshot contents as documented on {@link org.contactsync.sync.plan.SyncSnapshot} and
 * {@link org.contactsync.sync.plan.OutlookSide}; the stamp filled for unlinked Outlook contacts (delta cannot
 * expand extended properties, so read them for unknown ids); Address/Address 2 split with
 * {@link org.contactsync.contact.StreetLines}.</li>
 * <li>Execution per action as documented on {@link org.contactsync.sync.plan.SyncAction}, in plan order per contact,
 * recording the link after each successful write; a new deltaLink only after the whole plan ran.</li>
 * <li>The last sync time and Last Date/Time Modified are not planner input: the planner compares content with the
 * last synced values, so a skewed clock or an interrupted run cannot hide a change. The engine may use them to
 * read less.</li>
 * </ul>
 */
package org.contactsync.sync.plan;

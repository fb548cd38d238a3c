/**
 * The sync's pages: the actions "Sync with Microsoft 365", "Full Sync with Microsoft 365" and their previews with a
 * polled progress bar ({@link org.contactsync.sync.web.SyncActionsView}, included on the Contact Sync Setup and the
 * Contact List through {@code WEB-INF/includes/sync-buttons.xhtml} and {@code sync-progress.xhtml}), and the Sync
 * Log ({@link org.contactsync.sync.web.SyncLogView}, {@code sync/log.xhtml}), and Contact Sync Setup's "next scheduled
 * run" line ({@link org.contactsync.sync.web.BackgroundSyncSchedule}, from the job queue's entry for the sync's job).
 * Thin: every decision is the services'.
 */
package org.contactsync.sync.web;

/**
 * Sync runs over REST: {@code POST /api/v1/sync-runs} starts a run (202 with Location and the run; 409 problem+json
 * naming the running run when one is going), {@code GET /api/v1/sync-runs/{id}} gives its status, progress and
 * counts, {@code GET /api/v1/sync-runs/{id}/log} its per-contact log. Employees sync and read only their own runs;
 * admins anyone's. Refusals come from the services as {@link org.contactsync.platform.ApplicationException}s.
 */
package org.contactsync.sync.api;

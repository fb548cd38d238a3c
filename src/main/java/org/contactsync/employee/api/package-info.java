/**
 * The employee feature's REST resources under {@code /api/v1}: {@code GET /me}, who the API caller is. Callers
 * authenticate with HTTP Basic (user name and web service access key), see {@code employee.security}.
 */
package org.contactsync.employee.api;

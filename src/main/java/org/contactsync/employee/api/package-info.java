/**
 * The employee feature's REST resources under {@code /api/v1}: {@code GET /me}, who the API caller is, and
 * {@code /users}, provisioning users (admins only) through {@link org.contactsync.employee.UserService}, so with the
 * User Card's rules and messages; a secret it issues (one-time password, access key) is in that answer only. Callers
 * authenticate with HTTP Basic (user name and web service access key), see {@code employee.security}.
 */
package org.contactsync.employee.api;

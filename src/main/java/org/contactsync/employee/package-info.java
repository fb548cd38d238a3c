/**
 * Users of Contact Sync (Business Central's Users list and User Card): who may sign in, with which roles, their
 * Microsoft 365 authentication e-mail and their web service access key for the REST API.
 *
 * <p>{@link org.contactsync.employee.UserService} is the only way to change a user; it enforces who may change what
 * ({@link org.contactsync.employee.UserChangePolicy}) and refuses bad input with
 * {@link org.contactsync.platform.ApplicationException}. Passwords are kept as PBKDF2 hashes and access keys as
 * SHA-256 hashes; neither is ever stored, logged or shown back in clear, except the one time a new one is issued.
 * Sign-in itself lives in {@code employee.security}, pages in {@code employee.web}, the API in {@code employee.api}.
 */
package org.contactsync.employee;

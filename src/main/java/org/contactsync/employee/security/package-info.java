/**
 * Sign-in (Jakarta Security). {@link org.contactsync.employee.security.ContactSyncAuthenticationMechanism} is the
 * application's one authentication mechanism and routes by path: pages sign in through the JSF login page (form
 * credentials, session, back to the page asked for), {@code /api/*} takes HTTP Basic with the user name and the web
 * service access key on every call (stateless, 401 problem+json, never a redirect), and {@code /sandbox/*} is left
 * alone (the Microsoft 365 sandbox checks its own tokens). {@link org.contactsync.employee.security.UserIdentityStore}
 * checks both kinds of credential against the {@code app_user} table and hands the roles to the container as
 * groups. {@link org.contactsync.employee.security.SignInThrottle} locks a user name out for a while after
 * repeated wrong passwords, whether or not the name exists; its counts are in the database
 * ({@link org.contactsync.employee.security.SignInAttemptStore}), so every server sharing it locks the name.
 */
package org.contactsync.employee.security;

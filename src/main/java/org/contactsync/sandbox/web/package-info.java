/**
 * The Outlook (sandbox) page: a signed-in user's sandbox mailbox (the mailbox of their Microsoft 365 e-mail), its
 * contact folders and contacts, edited as in Outlook so that two-way sync can be tried; administrators also reset
 * mailboxes and set the sandbox's fault knobs. Texts in {@code messages.properties} (bundle {@code sandboxMsg}).
 */
package org.contactsync.sandbox.web;

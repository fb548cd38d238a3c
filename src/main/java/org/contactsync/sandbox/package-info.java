/**
 * The Microsoft 365 sandbox: an in-memory, Graph-faithful stand-in for Entra ID's client-credentials token endpoint
 * and Microsoft Graph v1.0's Outlook contacts API (mailboxes, contact folders, contacts, delta, {@code $batch}),
 * with Exchange Online's per-mailbox limits and injectable faults. Plain Java, testable without a container:
 * {@link org.contactsync.sandbox.Sandbox} is the whole server, {@link org.contactsync.sandbox.GraphRequest} and
 * {@link org.contactsync.sandbox.GraphResponse} are what travels. Behaviour follows Graph's documentation and
 * metadata, never what the product's own client sends. Uses JSON-P only; never the Graph SDK.
 */
package org.contactsync.sandbox;

package org.contactsync.graph;

/** What a connection check found, in the terms an administrator acts on. */
public enum ConnectionCheckOutcome {
    /** The token was issued and Graph answered as expected. */
    OK,
    /**
     * The token carries no contacts role, and the tester's mailbox opened: Exchange RBAC for Applications scopes the
     * app to chosen mailboxes, a correct set-up; each employee's mailbox is validated on its own.
     */
    MAILBOX_SCOPED,
    /** Connected, but the Graph endpoint is a national cloud that does not offer contact delta, which syncs need. */
    CONTACT_DELTA_NOT_OFFERED,
    /** Entra ID does not know the tenant (AADSTS90002, AADSTS900023). */
    WRONG_TENANT,
    /** The tenant has no application with this client id (AADSTS700016). */
    WRONG_CLIENT_ID,
    /** The client secret or certificate is not the app's (AADSTS7000215, AADSTS7000218, AADSTS700027). */
    WRONG_SECRET,
    /** The client secret has expired (AADSTS7000222). */
    SECRET_EXPIRED,
    /** The app has no Contacts.ReadWrite application permission with admin consent (Graph 401/403). */
    PERMISSION_MISSING,
    /** Entra ID or Graph could not be reached: unknown host, connection refused, timeout, untrusted TLS. */
    UNREACHABLE,
    /** Graph knows no mailbox for that address (ErrorInvalidUser, MailboxNotEnabledForRESTAPI). */
    MAILBOX_NOT_FOUND,
    /** The app may not open that mailbox (403 ErrorAccessDenied: scoped by RBAC for Applications or a policy). */
    ACCESS_DENIED,
    /** Graph kept answering 429 Too Many Requests. */
    THROTTLED,
    /** Anything else; the technical detail says what. */
    UNEXPECTED
}

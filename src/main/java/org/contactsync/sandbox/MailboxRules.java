package org.contactsync.sandbox;

/**
 * How the sandbox's mailboxes behave where Graph's documentation is silent or the public reports leave a number open
 * (docs/graph-fidelity.md, "Settings where the sources disagree"); changeable at run time like the limits.
 *
 * @param deletedFolders what a contact folder moved to Deleted Items answers by its id
 * @param syncStatesKept how many delta sync-state generations Exchange keeps per folder; a token of an older one
 *                       gets 410 (three in every quoted answer: microsoft-graph-docs issues 2350, 2162, 2877)
 */
public record MailboxRules(DeletedFolders deletedFolders, int syncStatesKept) {

    /** What {@code /contactFolders/{id}} of a folder in Deleted Items answers. */
    public enum DeletedFolders {
        /** The folder is still there by its id (parentFolderId: Deleted Items), with its contacts and delta. */
        ADDRESSABLE,
        /** 404 ErrorItemNotFound, as if it were gone. */
        NOT_FOUND
    }

    public MailboxRules {
        if (deletedFolders == null || syncStatesKept < 1) {
            throw new IllegalArgumentException("Mailbox rules need a deleted-folder behaviour and at least one sync state");
        }
    }

    public static MailboxRules exchangeOnline() {
        return new MailboxRules(DeletedFolders.ADDRESSABLE, 3);
    }
}

package org.contactsync.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A contact folder with its contacts and the deletions delta still has to report. Guarded by its mailbox. */
final class ContactFolder {

    /** A deleted contact, remembered so that delta can report it as {@code @removed}. */
    record Tombstone(String id, long changeSequence) {
    }

    final String id;
    String displayName;
    final String parentFolderId;
    final Map<String, StoredContact> contacts = new LinkedHashMap<>();
    final List<Tombstone> tombstones = new ArrayList<>();

    ContactFolder(String id, String displayName, String parentFolderId) {
        this.id = id;
        this.displayName = displayName;
        this.parentFolderId = parentFolderId;
    }
}

package org.contactsync.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contact folder with its contacts, the deletions delta still has to report, and the delta sync states Exchange
 * keeps for it. Guarded by its mailbox.
 */
final class ContactFolder {

    /** A deleted contact, remembered so that delta can report it as {@code @removed}. */
    record Tombstone(String id, long changeSequence) {
    }

    final String id;
    String displayName;
    /** The default Contacts folder's id, or Deleted Items' once the folder was deleted. */
    String parentFolderId;
    final Map<String, StoredContact> contacts = new LinkedHashMap<>();
    final List<Tombstone> tombstones = new ArrayList<>();
    /** The sync-state generations still kept, newest first; every delta page served makes a new one. */
    private final Deque<Long> syncStates = new ArrayDeque<>();
    private long highestSyncState;

    ContactFolder(String id, String displayName, String parentFolderId) {
        this.id = id;
        this.displayName = displayName;
        this.parentFolderId = parentFolderId;
    }

    /** A new sync-state generation; the oldest beyond {@code kept} are dropped. */
    long newSyncState(int kept) {
        syncStates.addFirst(++highestSyncState);
        while (syncStates.size() > kept) {
            syncStates.removeLast();
        }
        return highestSyncState;
    }

    boolean keepsSyncState(long generation) {
        return syncStates.contains(generation);
    }

    void dropSyncStates() {
        syncStates.clear();
    }

    /** Exchange's account of the generations it keeps, as its 410 quotes it: {@code [highest=157][157][156][155]}. */
    String keptSyncStates() {
        StringBuilder text = new StringBuilder("[highest=").append(highestSyncState).append(']');
        syncStates.forEach(g -> text.append('[').append(g).append(']'));
        return text.toString();
    }
}

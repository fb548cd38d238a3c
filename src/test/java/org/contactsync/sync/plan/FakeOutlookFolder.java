package org.contactsync.sync.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.contactsync.contact.FieldValues;
import org.contactsync.graph.OutlookContact;

/**
 * An in-memory Outlook contact folder for the state-machine test: ids, change keys that move on every write, the
 * stamp, and a change log from which delta rounds are cut.
 */
final class FakeOutlookFolder {

    private final Map<String, OutlookContact> contacts = new TreeMap<>();
    private final Set<String> createdBySync = new HashSet<>();
    private final List<String> changeLog = new ArrayList<>();
    private int nextId = 1;
    private int nextVersion = 1;

    String create(FieldValues values, Optional<String> stamp, boolean bySync) {
        String id = String.format("AAMk%04d", nextId++);
        contacts.put(id, new OutlookContact(id, newChangeKey(), stamp, values));
        if (bySync) {
            createdBySync.add(id);
        }
        changeLog.add(id);
        return id;
    }

    /** Writes the given fields, as a PATCH does, and returns the new change key. */
    String update(String id, FieldValues patch) {
        OutlookContact old = require(id);
        String changeKey = newChangeKey();
        contacts.put(id, new OutlookContact(id, changeKey, old.stamp(), old.values().withAll(patch)));
        changeLog.add(id);
        return changeKey;
    }

    void delete(String id) {
        require(id);
        contacts.remove(id);
        changeLog.add(id);
    }

    OutlookContact require(String id) {
        OutlookContact contact = contacts.get(id);
        if (contact == null) {
            throw new AssertionError("No Outlook contact " + id);
        }
        return contact;
    }

    boolean exists(String id) {
        return contacts.containsKey(id);
    }

    boolean createdBySync(String id) {
        return createdBySync.contains(id);
    }

    List<OutlookContact> all() {
        return new ArrayList<>(contacts.values());
    }

    /** Where the change log stands: a delta link. */
    int deltaPosition() {
        return changeLog.size();
    }

    /** The delta since a position: contacts changed (as they are now) and ids removed. */
    OutlookSide deltaSince(int position) {
        Set<String> touched = new LinkedHashSet<>(changeLog.subList(position, changeLog.size()));
        List<OutlookContact> changed = touched.stream().filter(contacts::containsKey).map(contacts::get).toList();
        Set<String> removed = new HashSet<>(touched);
        removed.removeAll(contacts.keySet());
        return OutlookSide.delta(changed, removed);
    }

    private String newChangeKey() {
        return "v" + nextVersion++;
    }
}

package org.contactsync.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.contactsync.contact.FieldValues;
import org.contactsync.graph.ConnectionCheckOutcome;
import org.contactsync.graph.DeltaRound;
import org.contactsync.graph.GraphCallException;
import org.contactsync.graph.MailboxThrottledException;
import org.contactsync.graph.OutlookContact;
import org.contactsync.graph.OutlookWrite;
import org.contactsync.graph.SessionHeartbeat;
import org.contactsync.graph.WriteOutcome;
import org.contactsync.graph.WriteReport;

/**
 * An in-memory Outlook mailbox behind {@link OutlookMailboxPort}, as Graph behaves for the sync: contact folders by
 * id and name, a folder deleted in Outlook that still answers by id from Deleted Items, a folder gone for good (404
 * on delta), delta links cut from a change log (delta carries no stamp, as Graph's cannot expand extended
 * properties), expired delta links (410), writes in batches of 20 counted as one request each, and a mailbox that
 * throttles past a number of writes. Every request asks the heartbeat first, as the Graph session does.
 */
final class InMemoryMailbox implements OutlookMailboxPort {

    private static final int BATCH_SIZE = 20;

    private final Map<String, Folder> folders = new LinkedHashMap<>();
    private final Set<String> expiredDeltaLinks = new HashSet<>();
    private final List<Integer> applied = new ArrayList<>();
    private SessionHeartbeat heartbeat = SessionHeartbeat.none();
    private int requests;
    private int nextId = 1;
    private int writesBeforeThrottling = Integer.MAX_VALUE;
    private boolean throttleReads;
    private boolean refuseEveryRound;
    private final List<String> completed = new ArrayList<>();

    /** A contact folder, its contacts and the ids changed in it, in order (what delta links count from). */
    private static final class Folder {
        private String name;
        private boolean inContacts = true;
        private final Map<String, OutlookContact> contacts = new LinkedHashMap<>();
        private final List<String> changeLog = new ArrayList<>();

        Folder(String name) {
            this.name = name;
        }
    }

    // --- what the test arranges

    String addFolder(String name) {
        String id = "folder-" + nextId++;
        folders.put(id, new Folder(name));
        return id;
    }

    /** A contact as the employee (or an earlier run) made it; stamped when {@code stamp} is given. */
    OutlookContact addContact(String folderId, Optional<String> stamp, FieldValues values) {
        return put(folderId, new OutlookContact("contact-" + nextId++, "ck-" + nextId++, stamp, values));
    }

    /** The employee deleted the folder in Outlook: it moves to Deleted Items and still answers by its id. */
    void deleteFolderIntoDeletedItems(String folderId) {
        folder(folderId).inContacts = false;
    }

    /** The folder is gone for good: Graph answers 404 for it. */
    void removeFolder(String folderId) {
        folders.remove(folderId);
    }

    /** Graph no longer knows this delta link (410 Gone / syncStateNotFound). */
    void expire(String deltaLink) {
        expiredDeltaLinks.add(deltaLink);
    }

    /** Graph answers every delta round, even one from scratch, with 410. */
    void refuseEveryDeltaRound() {
        refuseEveryRound = true;
    }

    /** The employee deletes a contact in Outlook. */
    void deleteContact(String folderId, String graphId) {
        folder(folderId).contacts.remove(graphId);
        folder(folderId).changeLog.add(graphId);
    }

    /** The employee edits a contact in Outlook: a new change key. */
    void editContact(String folderId, String graphId, FieldValues changes) {
        OutlookContact old = folder(folderId).contacts.get(graphId);
        put(folderId, new OutlookContact(graphId, "ck-" + nextId++, old.stamp(), old.values().withAll(changes)));
    }

    /** After this many writes the mailbox throttles past the budget: further writes come back Throttled. */
    void throttleAfterWrites(int writes) {
        writesBeforeThrottling = writes;
    }

    /** Every read throws, as a session whose throttling budget ran out does. */
    void throttleReads() {
        throttleReads = true;
    }

    void heartbeat(SessionHeartbeat heartbeat) {
        this.heartbeat = heartbeat;
    }

    // --- what the test checks

    /** The ids read again for their stamp and Fax No. ({@link #withExtendedProperties}), in order. */
    List<String> completed() {
        return List.copyOf(completed);
    }

    /** The size of every {@link #apply} call, in order. */
    List<Integer> applied() {
        return List.copyOf(applied);
    }

    List<OutlookContact> contactsOf(String folderId) {
        return List.copyOf(folder(folderId).contacts.values());
    }

    Map<String, String> folderNames() {
        Map<String, String> names = new LinkedHashMap<>();
        folders.forEach((id, folder) -> names.put(id, folder.name));
        return names;
    }

    /** The delta link that reports the changes made after this call. */
    String deltaLinkNow(String folderId) {
        return "delta/" + folderId + "/" + folder(folderId).changeLog.size();
    }

    // --- the port

    @Override
    public String ensureFolder(String displayName) {
        request();
        return folders.entrySet().stream()
                .filter(entry -> entry.getValue().inContacts && entry.getValue().name.equals(displayName))
                .map(Map.Entry::getKey).findFirst().orElseGet(() -> addFolder(displayName));
    }

    @Override
    public boolean isInContacts(String folderId) {
        request();
        Folder folder = folders.get(folderId);
        return folder != null && folder.inContacts;
    }

    @Override
    public void renameFolder(String folderId, String displayName) {
        request();
        folder(folderId).name = displayName;
    }

    @Override
    public List<OutlookContact> listFolder(String folderId) {
        read();
        return List.copyOf(existing(folderId).contacts.values());
    }

    @Override
    public DeltaRound delta(String folderId, Optional<String> deltaLink) {
        read();
        Folder folder = existing(folderId);
        String next = deltaLinkNow(folderId);
        if (refuseEveryRound || deltaLink.filter(expiredDeltaLinks::contains).isPresent()) {
            return new DeltaRound.Expired("410 Gone syncStateNotFound");
        }
        if (deltaLink.isEmpty()) {
            return new DeltaRound.Changes(withoutStamps(folder.contacts.values()), Set.of(), next, true);
        }
        int from = Integer.parseInt(deltaLink.get().substring(deltaLink.get().lastIndexOf('/') + 1));
        Set<String> touched = new LinkedHashSet<>(folder.changeLog.subList(from, folder.changeLog.size()));
        List<OutlookContact> changed = touched.stream().filter(folder.contacts::containsKey)
                .map(folder.contacts::get).toList();
        Set<String> removed = new HashSet<>(touched);
        removed.removeAll(folder.contacts.keySet());
        return new DeltaRound.Changes(withoutStamps(changed), removed, next, false);
    }

    @Override
    public List<OutlookContact> withExtendedProperties(String folderId, Collection<OutlookContact> contacts) {
        read();
        Folder folder = existing(folderId);
        contacts.forEach(contact -> completed.add(contact.graphId()));
        return contacts.stream().map(contact -> folder.contacts.get(contact.graphId())).toList();
    }

    @Override
    public WriteReport apply(String folderId, List<OutlookWrite> writes) {
        applied.add(writes.size());
        requests += (writes.size() + BATCH_SIZE - 1) / BATCH_SIZE;
        Folder folder = folder(folderId);
        List<WriteOutcome> outcomes = new ArrayList<>();
        boolean throttled = false;
        for (OutlookWrite write : writes) {
            if (writesBeforeThrottling == 0) {
                outcomes.add(new WriteOutcome.Throttled(write, Duration.ofMinutes(5)));
                throttled = true;
                continue;
            }
            writesBeforeThrottling--;
            outcomes.add(carryOut(folderId, folder, write));
        }
        return new WriteReport(outcomes, throttled);
    }

    @Override
    public int requestCount() {
        return requests;
    }

    private WriteOutcome carryOut(String folderId, Folder folder, OutlookWrite write) {
        if (write instanceof OutlookWrite.Create create) {
            OutlookContact made = addContact(folderId, Optional.of(create.contactNo()), create.values());
            return new WriteOutcome.Created(write, made.graphId(), made.changeKey());
        }
        if (write instanceof OutlookWrite.Update update) {
            OutlookContact old = folder.contacts.get(update.graphId());
            if (old == null) {
                return new WriteOutcome.NotFound(write);
            }
            OutlookContact now = put(folderId, new OutlookContact(old.graphId(), "ck-" + nextId++, old.stamp(),
                    old.values().withAll(update.patch())));
            return new WriteOutcome.Updated(write, now.changeKey());
        }
        String id = ((OutlookWrite.Delete) write).graphId();
        if (folder.contacts.remove(id) == null) {
            return new WriteOutcome.AlreadyGone(write);
        }
        folder.changeLog.add(id);
        return new WriteOutcome.Deleted(write);
    }

    private OutlookContact put(String folderId, OutlookContact contact) {
        Folder folder = folder(folderId);
        folder.contacts.put(contact.graphId(), contact);
        folder.changeLog.add(contact.graphId());
        return contact;
    }

    private static List<OutlookContact> withoutStamps(Collection<OutlookContact> contacts) {
        return contacts.stream().map(contact -> new OutlookContact(contact.graphId(), contact.changeKey(),
                Optional.empty(), contact.values())).toList();
    }

    private void read() {
        if (throttleReads) {
            throw new MailboxThrottledException("alice@contoso.example", null);
        }
        request();
    }

    private void request() {
        if (!heartbeat.beat()) {
            throw new GraphCallException(0, "", "The session stopped: the run lost its lease",
                    ConnectionCheckOutcome.UNREACHABLE, null);
        }
        requests++;
    }

    private Folder existing(String folderId) {
        Folder folder = folders.get(folderId);
        if (folder == null) {
            throw new GraphCallException(404, "ErrorItemNotFound", "The specified object was not found in the store.",
                    ConnectionCheckOutcome.MAILBOX_NOT_FOUND, null);
        }
        return folder;
    }

    private Folder folder(String folderId) {
        return Objects.requireNonNull(folders.get(folderId), "no folder " + folderId);
    }
}

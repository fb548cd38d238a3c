package org.contactsync.sandbox;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One user's mailbox: the default Contacts folder, its child folders and their contacts, the contact folders deleted
 * to Deleted Items, and the change sequence that delta works from. Every method is synchronized; callers that read
 * several things at once synchronize on the mailbox themselves.
 */
public final class Mailbox {

    private static final SecureRandom RANDOM = new SecureRandom();

    final String userPrincipalName;
    final String id;
    private final Clock clock;
    private final Supplier<MailboxRules> rules;
    private final ContactFolder contactsFolder;
    /** The Deleted Items mail folder: where a deleted contact folder goes (contactfolder-delete moves, not purges). */
    private final String deletedItemsId = newItemId("AQMkA");
    private final Map<String, ContactFolder> childFolders = new LinkedHashMap<>();
    private final Map<String, ContactFolder> deletedFolders = new LinkedHashMap<>();
    private long changeSequence;

    Mailbox(String userPrincipalName, Clock clock, Supplier<MailboxRules> rules) {
        this.userPrincipalName = userPrincipalName.toLowerCase(Locale.ROOT);
        this.id = idOf(userPrincipalName);
        this.clock = clock;
        this.rules = rules;
        this.contactsFolder = new ContactFolder(newItemId("AQMkA"), "Contacts", newItemId("AQMkA"));
    }

    /** A user's object id: a GUID derived from the user principal name. */
    static String idOf(String userPrincipalName) {
        return UUID.nameUUIDFromBytes(userPrincipalName.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // Folders ---------------------------------------------------------------------------------------------------

    synchronized ContactFolder contactsFolder() {
        return contactsFolder;
    }

    /** The folders in the default Contacts folder, as {@code GET /users/{id}/contactFolders} lists them. */
    synchronized List<ContactFolder> folders() {
        return List.copyOf(childFolders.values());
    }

    /**
     * A folder by id: the default Contacts folder, one of its folders, or (as {@link MailboxRules#deletedFolders}
     * says) one in Deleted Items.
     */
    synchronized ContactFolder folder(String folderId) {
        if (contactsFolder.id.equals(folderId)) {
            return contactsFolder;
        }
        ContactFolder folder = childFolders.get(folderId);
        if (folder == null && rules.get().deletedFolders() == MailboxRules.DeletedFolders.ADDRESSABLE) {
            folder = deletedFolders.get(folderId);
        }
        if (folder == null) {
            throw GraphError.itemNotFound();
        }
        return folder;
    }

    synchronized ContactFolder createFolder(String displayName) {
        requireUniqueName(displayName, Optional.empty());
        ContactFolder folder = new ContactFolder(newItemId("AAMkA"), displayName, contactsFolder.id);
        childFolders.put(folder.id, folder);
        return folder;
    }

    synchronized ContactFolder renameFolder(String folderId, String displayName) {
        ContactFolder folder = folder(folderId);
        if (folder == contactsFolder) {
            throw new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        requireUniqueName(displayName, Optional.of(folder));
        folder.displayName = displayName;
        return folder;
    }

    /**
     * {@code DELETE /contactFolders/{id}}: the folder and its contacts move to Deleted Items, where Outlook shows them
     * and the employee can restore them; deleted again from there, it is gone.
     */
    synchronized void deleteFolder(String folderId) {
        ContactFolder folder = deletableFolder(folderId);
        if (childFolders.remove(folderId) != null) {
            folder.parentFolderId = deletedItemsId;
            deletedFolders.put(folderId, folder);
        } else {
            deletedFolders.remove(folderId);
        }
    }

    /** {@code POST /contactFolders/{id}/permanentDelete}: the folder and its contacts leave the mailbox. */
    synchronized void permanentlyDeleteFolder(String folderId) {
        deletableFolder(folderId);
        childFolders.remove(folderId);
        deletedFolders.remove(folderId);
    }

    /** Every contact folder of the mailbox, those in Deleted Items included. */
    private Stream<ContactFolder> allFolders() {
        return Stream.of(Stream.of(contactsFolder), childFolders.values().stream(), deletedFolders.values().stream())
                .flatMap(folders -> folders);
    }

    private ContactFolder deletableFolder(String folderId) {
        ContactFolder folder = folder(folderId);
        if (folder == contactsFolder) {
            throw new GraphError(403, "ErrorDeleteDistinguishedFolder", "Distinguished folders cannot be deleted.");
        }
        return folder;
    }

    /** The folder holding a contact, wherever it is in the mailbox ({@code /users/{id}/contacts/{id}}). */
    synchronized String folderOfContact(String contactId) {
        return allFolders()
                .filter(f -> f.contacts.containsKey(contactId))
                .map(f -> f.id)
                .findFirst()
                .orElseThrow(GraphError::itemNotFound);
    }

    private void requireUniqueName(String displayName, Optional<ContactFolder> renamed) {
        if (displayName == null || displayName.isBlank()) {
            throw GraphError.badRequest("ErrorInvalidRequest", "The folder name cannot be empty.");
        }
        boolean taken = childFolders.values().stream()
                .filter(f -> renamed.map(r -> r != f).orElse(true))
                .anyMatch(f -> f.displayName.equalsIgnoreCase(displayName));
        if (taken) {
            throw new GraphError(409, "ErrorFolderExists", "A folder with the specified name already exists.");
        }
    }

    // Contacts --------------------------------------------------------------------------------------------------

    synchronized StoredContact contact(String folderId, String contactId) {
        StoredContact contact = folder(folderId).contacts.get(contactId);
        if (contact == null) {
            throw GraphError.itemNotFound();
        }
        return contact;
    }

    /** Creates a contact from a POST body (already checked by {@link ContactBody}). */
    synchronized StoredContact createContact(String folderId, ContactBody body) {
        ContactFolder folder = folder(folderId);
        StoredContact contact = new StoredContact(newItemId("AAkALg"), folder.id, now());
        contact.properties.putAll(body.properties());
        contact.extendedProperties.putAll(body.extendedProperties());
        if (!body.properties().containsKey("displayName")) {
            contact.properties.put("displayName", generatedDisplayName(contact));
        }
        folder.contacts.put(contact.id, contact);
        markChanged(contact);
        return contact;
    }

    /**
     * Applies a PATCH. Properties not sent keep their values; {@code displayName} is regenerated from the name parts
     * unless sent, as Graph documents ("To preserve a pre-existing value, always include it as displayName").
     */
    synchronized StoredContact updateContact(String folderId, String contactId, ContactBody body, Optional<String> ifMatch) {
        StoredContact contact = contact(folderId, contactId);
        requireCurrentVersion(contact, ifMatch);
        body.properties().forEach((name, value) -> contact.properties.put(name, value));
        contact.extendedProperties.putAll(body.extendedProperties());
        if (!body.properties().containsKey("displayName")) {
            contact.properties.put("displayName", generatedDisplayName(contact));
        }
        contact.lastModified = now();
        markChanged(contact);
        return contact;
    }

    synchronized void deleteContact(String folderId, String contactId, Optional<String> ifMatch) {
        ContactFolder folder = folder(folderId);
        StoredContact contact = contact(folderId, contactId);
        requireCurrentVersion(contact, ifMatch);
        folder.contacts.remove(contactId);
        folder.tombstones.add(new ContactFolder.Tombstone(contactId, ++changeSequence));
    }

    /** The contacts of a folder in a stable order (creation), for lists and paging. */
    synchronized List<StoredContact> contacts(String folderId) {
        return new ArrayList<>(folder(folderId).contacts.values());
    }

    synchronized long changeSequence() {
        return changeSequence;
    }

    /** A new delta sync state of the folder; Exchange keeps only the newest few ({@link MailboxRules#syncStatesKept}). */
    synchronized long newSyncState(String folderId) {
        return folder(folderId).newSyncState(rules.get().syncStatesKept());
    }

    /** 410 SyncStateNotFound, in Exchange's words, unless the folder still keeps this sync state. */
    synchronized void requireSyncState(String folderId, long generation, String restartLink) {
        ContactFolder folder = folder(folderId);
        if (!folder.keepsSyncState(generation)) {
            throw new GraphError(410, "syncStateNotFound", "The sync state generation is not found; generation="
                    + generation + ";" + folder.keptSyncStates() + ".").withHeader("Location", restartLink);
        }
    }

    /** Drops every delta sync state of the mailbox: the next delta request with an old token gets 410. */
    synchronized void expireSyncStates() {
        allFolders()
                .forEach(ContactFolder::dropSyncStates);
    }

    /** Everything in the folder that changed after {@code afterSequence}, up to {@code upToSequence}, in order. */
    synchronized List<Change> changes(String folderId, long afterSequence, long upToSequence, boolean withDeletions) {
        ContactFolder folder = folder(folderId);
        Stream<Change> updated = folder.contacts.values().stream()
                .filter(c -> c.changeSequence > afterSequence && c.changeSequence <= upToSequence)
                .map(c -> new Change(c.changeSequence, c.id, Optional.of(c)));
        Stream<Change> removed = withDeletions
                ? folder.tombstones.stream()
                        .filter(t -> t.changeSequence() > afterSequence && t.changeSequence() <= upToSequence)
                        .map(t -> new Change(t.changeSequence(), t.id(), Optional.empty()))
                : Stream.empty();
        return Stream.concat(updated, removed).sorted((a, b) -> Long.compare(a.sequence(), b.sequence()))
                .collect(Collectors.toList());
    }

    /** One entry of a delta round: a contact as it is now, or (empty) a deletion. */
    record Change(long sequence, String id, Optional<StoredContact> contact) {
    }

    private void requireCurrentVersion(StoredContact contact, Optional<String> ifMatch) {
        if (ifMatch.isPresent() && !ifMatch.get().trim().equals("*") && !ifMatch.get().trim().equals(contact.etag())
                && !ifMatch.get().trim().equals("\"" + contact.changeKey + "\"")) {
            throw new GraphError(412, "ErrorIrresolvableConflict", "The send or update operation could not be performed "
                    + "because the change key passed in the request does not match the current change key for the item.");
        }
    }

    private void markChanged(StoredContact contact) {
        contact.changeSequence = ++changeSequence;
        byte[] key = new byte[22];
        RANDOM.nextBytes(key);
        contact.changeKey = Base64.getEncoder().encodeToString(key);
    }

    /** Outlook's generated name: given, middle and surname; else the company; else the first e-mail address. */
    private static JsonValue generatedDisplayName(StoredContact contact) {
        String name = Stream.of("givenName", "middleName", "surname")
                .map(contact::value)
                .filter(v -> v instanceof JsonString s && !s.getString().isBlank())
                .map(v -> ((JsonString) v).getString().trim())
                .collect(Collectors.joining(" "));
        if (name.isEmpty() && contact.value("companyName") instanceof JsonString company) {
            name = company.getString();
        }
        if (name.isEmpty() && contact.value("emailAddresses") instanceof jakarta.json.JsonArray emails && !emails.isEmpty()) {
            name = emails.getJsonObject(0).getString("address", "");
        }
        return JSON.createValue(name);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** An Exchange-style item id (base64url, immutable, case-sensitive); never reused. */
    private static String newItemId(String prefix) {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(34);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        byte[] filler = new byte[18];
        RANDOM.nextBytes(filler);
        bytes.put(filler);
        return prefix + Base64.getUrlEncoder().encodeToString(bytes.array());
    }
}

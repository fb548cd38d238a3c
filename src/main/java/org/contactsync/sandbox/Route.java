package org.contactsync.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a Graph request goes: the resource kind and the ids in its path. The sandbox serves only the contacts part
 * of Graph; anything else gets Graph's "Resource not found for the segment" error.
 */
record Route(Kind kind, Optional<String> user, Optional<String> folderId, Optional<String> contactId) {

    enum Kind { BATCH, FOLDERS, FOLDER, FOLDER_PERMANENT_DELETE, CONTACTS, CONTACT, DELTA }

    /** Parses a path relative to {@code /v1.0}, already percent-decoded segment by segment. */
    static Route parse(String path) {
        List<String> s = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                s.add(segment);
            }
        }
        if (s.size() == 1 && s.get(0).equals("$batch")) {
            return new Route(Kind.BATCH, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (s.isEmpty()) {
            throw GraphError.segmentNotFound("");
        }
        if (s.get(0).equalsIgnoreCase("me")) {
            throw GraphError.badRequest("BadRequest", "/me request is only valid with delegated authentication flow.");
        }
        if (!s.get(0).equalsIgnoreCase("users") || s.size() < 3) {
            throw GraphError.segmentNotFound(s.get(s.size() - 1));
        }
        Optional<String> user = Optional.of(s.get(1));
        String collection = s.get(2);
        if (collection.equalsIgnoreCase("contacts")) {
            // /users/{id}/contacts: the default Contacts folder; /users/{id}/contacts/{id}: a contact in any folder
            return contacts(user, Optional.empty(), s.subList(3, s.size()), s);
        }
        if (!collection.equalsIgnoreCase("contactFolders")) {
            throw GraphError.segmentNotFound(collection);
        }
        if (s.size() == 3) {
            return new Route(Kind.FOLDERS, user, Optional.empty(), Optional.empty());
        }
        Optional<String> folder = Optional.of(s.get(3));
        if (s.size() == 4) {
            return new Route(Kind.FOLDER, user, folder, Optional.empty());
        }
        if (s.size() == 5 && (s.get(4).equals("permanentDelete") || s.get(4).equals("microsoft.graph.permanentDelete"))) {
            // api-reference/v1.0/api/contactfolder-permanentdelete.md
            return new Route(Kind.FOLDER_PERMANENT_DELETE, user, folder, Optional.empty());
        }
        if (!s.get(4).equalsIgnoreCase("contacts")) {
            throw GraphError.segmentNotFound(s.get(4));
        }
        return contacts(user, folder, s.subList(5, s.size()), s);
    }

    private static Route contacts(Optional<String> user, Optional<String> folder, List<String> rest, List<String> all) {
        if (rest.isEmpty()) {
            return new Route(Kind.CONTACTS, user, folder, Optional.empty());
        }
        if (rest.size() > 1) {
            throw GraphError.segmentNotFound(all.get(all.size() - 1));
        }
        String item = rest.get(0);
        if (item.equalsIgnoreCase("delta") || item.equalsIgnoreCase("delta()")) {
            return new Route(Kind.DELTA, user, folder, Optional.empty());
        }
        return new Route(Kind.CONTACT, user, folder, Optional.of(item));
    }

    boolean isRead(String method) {
        return method.equals("GET");
    }
}

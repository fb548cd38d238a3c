package org.contactsync.sync.plan;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.contactsync.graph.OutlookContact;

/**
 * What the run knows of the Outlook folder.
 *
 * @param contacts        contacts read from the folder; when the same id appears more than once (delta replays) the
 *                        last one counts
 * @param removedIds      ids delta reported as removed
 * @param completeListing true when {@code contacts} is the whole folder (a full listing, or a delta round started
 *                        without a token): a linked id not listed is then gone. False for an incremental delta: a
 *                        linked id not listed is unchanged since the last sync.
 */
public record OutlookSide(Map<String, OutlookContact> contacts, Set<String> removedIds, boolean completeListing) {

    public OutlookSide {
        contacts = Collections.unmodifiableMap(new LinkedHashMap<>(contacts));
        removedIds = Set.copyOf(removedIds);
    }

    /** A side built from a listing in arrival order; later entries for the same id replace earlier ones. */
    public static OutlookSide of(Collection<OutlookContact> listing, Set<String> removedIds, boolean completeListing) {
        Map<String, OutlookContact> byId = new LinkedHashMap<>();
        listing.forEach(contact -> byId.put(contact.graphId(), contact));
        return new OutlookSide(byId, removedIds, completeListing);
    }

    /** The whole folder. */
    public static OutlookSide completeListing(Collection<OutlookContact> listing) {
        return of(listing, Set.of(), true);
    }

    /** The changes of one delta round. */
    public static OutlookSide delta(Collection<OutlookContact> changed, Set<String> removedIds) {
        return of(changed, removedIds, false);
    }
}

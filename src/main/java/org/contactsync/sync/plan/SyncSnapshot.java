package org.contactsync.sync.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one run decides from, read before planning.
 *
 * @param mode        incremental or full
 * @param policy      the employee's choices
 * @param bcContacts  every contact in the employee's filter (in scope or not), plus every contact the planner must
 *                    look at although it is outside the filter: each linked contact, each contact whose No. is the
 *                    stamp of a listed Outlook contact, and each contact whose E-Mail equals the e-mail of a listed
 *                    unlinked Outlook contact. A linked or stamped No. that is absent means the contact was deleted.
 * @param outlook     the folder's contacts and removals
 * @param links       the employee's link rows
 */
public record SyncSnapshot(SyncMode mode, SyncPolicy policy, List<BcContact> bcContacts, OutlookSide outlook,
        List<SyncLink> links) {

    public SyncSnapshot {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(outlook, "outlook");
        bcContacts = List.copyOf(bcContacts);
        links = List.copyOf(links);
        requireUnique(bcContacts.stream().map(BcContact::no).toList(), "contact No.");
        requireUnique(links.stream().map(SyncLink::contactNo).toList(), "linked contact No.");
        requireUnique(links.stream().map(SyncLink::graphId).toList(), "linked Graph id");
    }

    private static void requireUnique(List<String> keys, String what) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                throw new IllegalArgumentException("The snapshot holds the " + what + " " + key + " twice");
            }
        }
    }
}

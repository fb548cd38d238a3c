package org.contactsync.graph;

import java.util.List;
import java.util.Set;

/** The result of one delta round over a folder. */
public sealed interface DeltaRound {

    /**
     * The changes since the deltaLink (or, from scratch, the whole folder). Graph cannot expand extended properties in
     * delta, so {@code changed} carries no stamp and no Fax No.: complete the contacts the engine does not recognise
     * with {@link OutlookMailbox#withExtendedProperties} before planning.
     *
     * @param changed     contacts added or changed, last occurrence per id (delta may replay an item)
     * @param removedIds  ids reported {@code @removed} (deleted or moved out of the folder)
     * @param deltaLink   where the next round starts; store it only after the run's plan was carried out
     * @param fromScratch true when the round started without a deltaLink: {@code changed} is then the whole folder
     */
    record Changes(List<OutlookContact> changed, Set<String> removedIds, String deltaLink, boolean fromScratch)
            implements DeltaRound {
        public Changes {
            changed = List.copyOf(changed);
            removedIds = Set.copyOf(removedIds);
        }
    }

    /**
     * Graph no longer knows the deltaLink (410 Gone or {@code syncStateNotFound}): throw it away, list the folder
     * completely ({@link OutlookMailbox#listFolder}) and start a new round from scratch.
     *
     * @param detail Graph's status, code and message
     */
    record Expired(String detail) implements DeltaRound {
    }
}

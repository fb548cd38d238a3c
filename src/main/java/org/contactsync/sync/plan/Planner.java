package org.contactsync.sync.plan;

import java.util.Optional;

/**
 * The sync's decision core: a pure function from a {@link SyncSnapshot} to a {@link Plan}. It reads nothing, writes
 * nothing and keeps no state, so the same snapshot always gives the same plan. The rules are listed in
 * {@code package-info.java}; {@link PlanningPass} applies them in order.
 */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(SyncSnapshot snapshot) {
        return new PlanningPass(snapshot).plan();
    }

    /** Why the contact does not go to Outlook, or empty when it does (the scope rules every plan applies). */
    public static Optional<Reason> whyNotSynced(BcContact contact, boolean importedFromOutlook) {
        return Scope.exclusion(contact, importedFromOutlook);
    }
}

package org.contactsync.sync.plan;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

import org.contactsync.sync.plan.MassDeleteGuard.MassDeleteVerdict;

/**
 * A plan's counts per action kind (every kind present, zero when none), with the mass-delete verdict.
 *
 * @param counts     actions per kind
 * @param massDelete the guard's verdict
 */
public record PlanSummary(Map<ActionKind, Integer> counts, MassDeleteVerdict massDelete) {

    public PlanSummary {
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    static PlanSummary of(Collection<SyncAction> actions, MassDeleteVerdict massDelete) {
        Map<ActionKind, Integer> counts = new EnumMap<>(ActionKind.class);
        for (ActionKind kind : ActionKind.values()) {
            counts.put(kind, 0);
        }
        actions.forEach(action -> counts.merge(action.kind(), 1, Integer::sum));
        return new PlanSummary(counts, massDelete);
    }

    public int count(ActionKind kind) {
        return counts.get(kind);
    }

    /** How many contacts the run writes on one side. */
    public int writes(Direction direction) {
        return counts.entrySet().stream()
                .filter(entry -> entry.getKey().direction() == direction)
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    /** One English line for the log, e.g. "To Outlook: 2 created, 1 updated; To Business Central: …". */
    public String describe() {
        StringJoiner text = new StringJoiner("; ");
        text.add("To Outlook: " + count(ActionKind.CREATE_IN_OUTLOOK) + " created, "
                + count(ActionKind.UPDATE_IN_OUTLOOK) + " updated, " + count(ActionKind.DELETE_IN_OUTLOOK)
                + " deleted, " + count(ActionKind.RECREATE_IN_OUTLOOK) + " recreated");
        text.add("To Business Central: " + count(ActionKind.CREATE_IN_BC) + " created, "
                + count(ActionKind.UPDATE_IN_BC) + " updated");
        text.add("Links: " + (count(ActionKind.LINK) + count(ActionKind.RELINK)) + " made, "
                + count(ActionKind.UNLINK) + " removed");
        text.add(count(ActionKind.SKIP) + " skipped, " + count(ActionKind.CONFLICT) + " conflicts");
        if (massDelete.blocked()) {
            text.add("blocked: would delete " + massDelete.deletes() + " of " + massDelete.folderSize()
                    + " contacts the sync keeps in the folder");
        }
        return text.toString();
    }
}

package org.contactsync.sync.plan;

import java.util.List;
import java.util.Objects;

import org.contactsync.sync.plan.MassDeleteGuard.MassDeleteVerdict;

/**
 * What a run would do, in execution order. A preview shows it; the executor runs it unless {@link #blocked()}.
 *
 * @param mode       the run's mode
 * @param actions    the actions, in order
 * @param massDelete the mass-delete guard's verdict
 */
public record Plan(SyncMode mode, List<SyncAction> actions, MassDeleteVerdict massDelete) {

    public Plan {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(massDelete, "massDelete");
        actions = List.copyOf(actions);
    }

    /** The mass-delete guard stops this plan until someone confirms it. */
    public boolean blocked() {
        return massDelete.blocked();
    }

    /** Whether executing the plan would change any contact or link (skips and conflicts alone change nothing). */
    public boolean changesAnything() {
        return actions.stream().anyMatch(action -> action.kind().changesState());
    }

    /** The actions of one type, in plan order. */
    public <T extends SyncAction> List<T> actionsOf(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Counts per kind and direction, for the preview and the sync log. */
    public PlanSummary summary() {
        return PlanSummary.of(actions, massDelete);
    }
}

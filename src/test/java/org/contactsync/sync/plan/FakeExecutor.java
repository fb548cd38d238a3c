package org.contactsync.sync.plan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.contactsync.contact.SyncedField;
import org.contactsync.sync.plan.SyncAction.CreateInBc;
import org.contactsync.sync.plan.SyncAction.CreateInOutlook;
import org.contactsync.sync.plan.SyncAction.DeleteInOutlook;
import org.contactsync.sync.plan.SyncAction.Link;
import org.contactsync.sync.plan.SyncAction.Recreate;
import org.contactsync.sync.plan.SyncAction.RefreshLink;
import org.contactsync.sync.plan.SyncAction.Relink;
import org.contactsync.sync.plan.SyncAction.Unlink;
import org.contactsync.sync.plan.SyncAction.UpdateInBc;
import org.contactsync.sync.plan.SyncAction.UpdateInOutlook;

/**
 * Runs plans against the fakes the way the executor is specified to (see {@link SyncAction}), and can crash or be
 * throttled. A crash is modelled as the real executor would suffer it: the Outlook writes of the first
 * {@code outlookCount} actions reached Graph, but the database (BC writes and link rows, committed per chunk) only
 * kept the effects of the first {@code databaseCount <= outlookCount} actions. A throttled run is postponed as the
 * real one is: in its last chunk some Outlook writes were refused (no effect on either side, as a throttled batch
 * item), everything else up to the chunk's end was carried out and committed, and the rest of the plan waits.
 */
final class FakeExecutor {

    private final FakeBusinessCentral bc;
    private final FakeOutlookFolder outlook;
    private final Map<String, SyncLink> links = new TreeMap<>();

    FakeExecutor(FakeBusinessCentral bc, FakeOutlookFolder outlook) {
        this.bc = bc;
        this.outlook = outlook;
    }

    Map<String, SyncLink> links() {
        return links;
    }

    void runAll(Plan plan) {
        run(plan, plan.actions().size(), plan.actions().size());
    }

    void run(Plan plan, int outlookCount, int databaseCount) {
        if (plan.blocked()) {
            throw new AssertionError("A blocked plan was run: " + plan.massDelete());
        }
        for (int i = 0; i < outlookCount; i++) {
            apply(plan.actions().get(i), i < databaseCount);
        }
    }

    /**
     * A run postponed by a throttling mailbox: the actions before {@code end} are carried out and committed, except
     * the Outlook writes at the {@code refused} positions, which did nothing; the actions from {@code end} on wait.
     */
    void runPostponed(Plan plan, int end, Set<Integer> refused) {
        for (int i = 0; i < end; i++) {
            SyncAction action = plan.actions().get(i);
            if (!refused.contains(i)) {
                apply(action, true);
            } else if (!writesToOutlook(action)) {
                throw new AssertionError("Only an Outlook write can be throttled: " + action);
            }
        }
    }

    /** Whether the action needs an Outlook write (the ones a throttling mailbox can refuse). */
    static boolean writesToOutlook(SyncAction action) {
        return action instanceof CreateInOutlook || action instanceof Recreate || action instanceof UpdateInOutlook
                || action instanceof DeleteInOutlook;
    }

    private void apply(SyncAction action, boolean commit) {
        if (action instanceof CreateInOutlook create) {
            String id = outlook.create(create.values(), Optional.of(create.stamp()), true);
            saveLink(commit, new SyncLink(create.contactNo(), id, outlook.require(id).changeKey(),
                    create.values(), false));
        } else if (action instanceof Recreate recreate) {
            String id = outlook.create(recreate.values(), Optional.of(recreate.stamp()), true);
            SyncLink old = links.get(recreate.contactNo());
            saveLink(commit, new SyncLink(recreate.contactNo(), id, outlook.require(id).changeKey(),
                    recreate.values(), old != null && old.importedFromOutlook()));
        } else if (action instanceof UpdateInOutlook update) {
            String changeKey = outlook.update(update.graphId(), update.patch());
            if (commit) {
                SyncLink old = requireLink(update.contactNo(), update.graphId());
                saveLink(true, new SyncLink(old.contactNo(), old.graphId(), changeKey,
                        old.lastSynced().withAll(update.changes()), old.importedFromOutlook()));
            }
        } else if (action instanceof DeleteInOutlook delete) {
            outlook.delete(delete.graphId());
            if (commit) {
                links.values().removeIf(link -> link.graphId().equals(delete.graphId()));
            }
        } else if (commit) {
            applyDatabaseOnly(action);
        }
    }

    private void applyDatabaseOnly(SyncAction action) {
        if (action instanceof CreateInBc create) {
            assertNoBcContactHasEmail(create.values().get(SyncedField.E_MAIL));
            // An imported contact lands outside the employee's filter unless its city happens to match it.
            String no = bc.insert(true, false, create.values().get(SyncedField.CITY).contains("Lund"),
                    create.values());
            saveLink(true, new SyncLink(no, create.graphId(), create.changeKey(), create.values(), true));
        } else if (action instanceof UpdateInBc update) {
            bc.update(update.contactNo(), update.changes());
            SyncLink old = requireLink(update.contactNo(), update.graphId());
            saveLink(true, new SyncLink(old.contactNo(), old.graphId(), old.changeKey(),
                    old.lastSynced().withAll(update.changes()), old.importedFromOutlook()));
        } else if (action instanceof Link link) {
            SyncLink old = links.get(link.contactNo());
            saveLink(true, new SyncLink(link.contactNo(), link.graphId(), link.changeKey(), link.agreed(),
                    old != null && old.importedFromOutlook()));
        } else if (action instanceof Relink relink) {
            SyncLink old = requireLink(relink.contactNo(), relink.previousGraphId());
            saveLink(true, new SyncLink(relink.contactNo(), relink.graphId(), relink.changeKey(), relink.agreed(),
                    old.importedFromOutlook()));
        } else if (action instanceof RefreshLink refresh) {
            SyncLink old = requireLink(refresh.contactNo(), refresh.graphId());
            saveLink(true, new SyncLink(old.contactNo(), old.graphId(), refresh.changeKey(),
                    old.lastSynced().withAll(refresh.agreed()), old.importedFromOutlook()));
        } else if (action instanceof Unlink unlink) {
            SyncLink old = requireLink(unlink.contactNo(), unlink.graphId());
            links.remove(unlink.contactNo());
            if (unlink.keepTombstone()) {
                links.put(old.contactNo(), new SyncLink(old.contactNo(), old.graphId(), old.changeKey(),
                        old.lastSynced(), old.importedFromOutlook(), true));
            }
        }
        // Skip and Conflict are only logged; a conflict's BC value is written by the pair's UpdateInOutlook.
    }

    /** The planner only plans link updates for rows that exist. */
    private SyncLink requireLink(String no, String graphId) {
        SyncLink link = links.get(no);
        if (link == null || !link.graphId().equals(graphId)) {
            throw new AssertionError("Planned for link " + no + " ↔ " + graphId + " but the table has " + link);
        }
        return link;
    }

    private void saveLink(boolean commit, SyncLink link) {
        if (commit) {
            links.put(link.contactNo(), link);
        }
    }

    private void assertNoBcContactHasEmail(String email) {
        for (BcContact contact : bc.all()) {
            if (SyncedField.E_MAIL.same(contact.email(), email)) {
                throw new AssertionError("Import would duplicate BC contact " + contact.no() + " <" + email + ">");
            }
        }
    }
}

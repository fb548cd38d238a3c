package org.contactsync.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.contactsync.graph.WriteOutcome;
import org.contactsync.platform.FieldProblem;
import org.contactsync.sync.BusinessCentralContactsPort.Applied;
import org.contactsync.sync.plan.FieldNote;
import org.contactsync.sync.plan.SyncAction;
import org.contactsync.sync.plan.SyncAction.Conflict;
import org.contactsync.sync.plan.SyncAction.CreateInBc;
import org.contactsync.sync.plan.SyncAction.CreateInOutlook;
import org.contactsync.sync.plan.SyncAction.DeleteInOutlook;
import org.contactsync.sync.plan.SyncAction.Link;
import org.contactsync.sync.plan.SyncAction.Recreate;
import org.contactsync.sync.plan.SyncAction.RefreshLink;
import org.contactsync.sync.plan.SyncAction.Relink;
import org.contactsync.sync.plan.SyncAction.Skip;
import org.contactsync.sync.plan.SyncAction.Unlink;
import org.contactsync.sync.plan.SyncAction.UpdateInBc;
import org.contactsync.sync.plan.SyncAction.UpdateInOutlook;
import org.contactsync.sync.plan.SyncLink;

/**
 * Carries out the database side of a chunk's actions, in plan order, inside the caller's transaction: Business
 * Central writes, link rows as {@link SyncAction} documents them, one log entry per action and the run's counts.
 * An Outlook write's outcome decides whether its link row changes; a write that did not succeed, or a Business
 * Central write the contact rules refuse, is logged as {@link SyncLogEntry#FAILED} and changes nothing.
 */
final class ActionRecorder {

    private final SyncRepository sync;
    private final BusinessCentralContactsPort businessCentral;
    private final SyncRun run;
    private final Instant now;

    ActionRecorder(SyncRepository sync, BusinessCentralContactsPort businessCentral, SyncRun run, Instant now) {
        this.sync = sync;
        this.businessCentral = businessCentral;
        this.run = run;
        this.now = now;
    }

    /** Records one action; {@code outcome} is its Outlook write's outcome (empty for actions without one). */
    void record(SyncAction action, Optional<WriteOutcome> outcome) {
        if (action instanceof CreateInOutlook create) {
            created(create.contactNo(), create.values(), action, outcome);
        } else if (action instanceof Recreate recreate) {
            created(recreate.contactNo(), recreate.values(), action, outcome);
        } else if (action instanceof UpdateInOutlook update) {
            updatedInOutlook(update, outcome);
        } else if (action instanceof DeleteInOutlook delete) {
            deletedInOutlook(delete, outcome);
        } else if (action instanceof CreateInBc create) {
            createInBc(create);
        } else if (action instanceof UpdateInBc update) {
            updateInBc(update);
        } else {
            recordLinkOrLogOnly(action);
        }
    }

    private void created(String no, FieldValues values, SyncAction action, Optional<WriteOutcome> outcome) {
        if (outcome.orElseThrow() instanceof WriteOutcome.Created created) {
            linkTo(no, created.graphId(), created.changeKey(), values);
            done(action, Optional.of(no), Optional.of(created.graphId()), Set.of(), created.foundByStamp()
                    ? "Microsoft Graph's answer was lost; found in Outlook by its stamp, linked" : "");
        } else {
            failed(action, Optional.of(no), Optional.empty(), outcome.get());
        }
    }

    private void updatedInOutlook(UpdateInOutlook update, Optional<WriteOutcome> outcome) {
        if (outcome.orElseThrow() instanceof WriteOutcome.Updated updated) {
            advanceLink(update.contactNo(), link -> updated.changeKey(), update.changes());
            done(update, Optional.of(update.contactNo()), Optional.of(update.graphId()),
                    update.changes().fields(), updated.foundCarriedOut()
                            ? "Microsoft Graph's answer was lost; found carried out in Outlook" : "");
        } else {
            failed(update, Optional.of(update.contactNo()), Optional.of(update.graphId()), outcome.get());
        }
    }

    private void deletedInOutlook(DeleteInOutlook delete, Optional<WriteOutcome> outcome) {
        if (outcome.orElseThrow().succeeded()) {
            sync.removeLinksTo(run.getUserName(), delete.graphId());
            done(delete, delete.contactNo(), Optional.of(delete.graphId()), Set.of(), "");
        } else {
            failed(delete, delete.contactNo(), Optional.of(delete.graphId()), outcome.get());
        }
    }

    private void createInBc(CreateInBc create) {
        Applied applied = businessCentral.createFromSync(create.values(), create.companyName());
        if (applied instanceof Applied.Done done) {
            storeLink(done.contactNo(), current -> Optional.of(new SyncLink(done.contactNo(), create.graphId(),
                    create.changeKey(), create.values(), true)));
            done(create, Optional.of(done.contactNo()), Optional.of(create.graphId()), create.values().fields(),
                    notes(create.notes()));
        } else {
            notApplied(create, Optional.empty(), create.graphId(), applied);
        }
    }

    private void updateInBc(UpdateInBc update) {
        Applied applied = businessCentral.applyFromSync(update.contactNo(), update.changes());
        if (!(applied instanceof Applied.Done)) {
            notApplied(update, Optional.of(update.contactNo()), update.graphId(), applied);
            return;
        }
        advanceLink(update.contactNo(), SyncLink::changeKey, update.changes());
        done(update, Optional.of(update.contactNo()), Optional.of(update.graphId()), update.changes().fields(),
                notes(update.notes()));
    }

    private void notApplied(SyncAction action, Optional<String> no, String graphId, Applied applied) {
        if (applied instanceof Applied.Refused refused) {
            refused(action, no, Optional.of(graphId), refused.problems());
        } else {
            failed(action, no, Optional.of(graphId), "Deleted in Business Central meanwhile");
        }
    }

    private void recordLinkOrLogOnly(SyncAction action) {
        if (action instanceof Link link) {
            linkTo(link.contactNo(), link.graphId(), link.changeKey(), link.agreed());
            done(action, Optional.of(link.contactNo()), Optional.of(link.graphId()), Set.of(), "");
        } else if (action instanceof Relink relink) {
            linkTo(relink.contactNo(), relink.graphId(), relink.changeKey(), relink.agreed());
            done(action, Optional.of(relink.contactNo()), Optional.of(relink.graphId()), Set.of(), "");
        } else if (action instanceof RefreshLink refresh) {
            advanceLink(refresh.contactNo(), link -> refresh.changeKey(), refresh.agreed());
            done(action, Optional.of(refresh.contactNo()), Optional.of(refresh.graphId()), Set.of(), "");
        } else if (action instanceof Unlink unlink) {
            unlink(unlink);
        } else if (action instanceof Skip || action instanceof Conflict) {
            done(action, PlannedEntry.contactNo(action), PlannedEntry.graphId(action), PlannedEntry.fields(action),
                    PlannedEntry.detail(action));
        } else {
            throw new IllegalArgumentException("Unknown action " + action);
        }
    }

    private void unlink(Unlink unlink) {
        sync.link(run.getUserName(), unlink.contactNo()).ifPresent(row -> {
            if (unlink.keepTombstone()) {
                SyncLink link = row.toSyncLink();
                row.assign(new SyncLink(link.contactNo(), link.graphId(), link.changeKey(), link.lastSynced(),
                        link.importedFromOutlook(), true), now);
            } else {
                sync.remove(row);
                // Before a later action of this chunk links another contact to the same Outlook contact.
                sync.flush();
            }
        });
        done(unlink, Optional.of(unlink.contactNo()), Optional.of(unlink.graphId()), Set.of(), "");
    }

    /** Links the contact to an Outlook contact; whether it came from Outlook stays as its current link says. */
    private void linkTo(String no, String graphId, String changeKey, FieldValues agreed) {
        storeLink(no, current -> Optional.of(new SyncLink(no, graphId, changeKey, agreed,
                current.map(SyncLink::importedFromOutlook).orElse(false))));
    }

    /** The contact's current link, if any, with {@code agreed} synced and the change key {@code changeKey} gives. */
    private void advanceLink(String no, Function<SyncLink, String> changeKey, FieldValues agreed) {
        storeLink(no, current -> current.map(link -> new SyncLink(link.contactNo(), link.graphId(),
                changeKey.apply(link), link.lastSynced().withAll(agreed), link.importedFromOutlook(), link.kept())));
    }

    /**
     * Stores the link the action leaves the contact with, made from its current link (none: a new row; the function
     * answers empty: the row stays as it is). The row is read once: a read per contact is a database round trip.
     */
    private void storeLink(String no, Function<Optional<SyncLink>, Optional<SyncLink>> next) {
        Optional<ContactLink> row = sync.link(run.getUserName(), no);
        next.apply(row.map(ContactLink::toSyncLink)).ifPresent(link -> {
            row.ifPresentOrElse(existing -> existing.assign(link, now),
                    () -> sync.add(new ContactLink(run.getUserName(), link, now)));
            sync.flush();
        });
    }

    private void done(SyncAction action, Optional<String> no, Optional<String> graphId, Set<SyncedField> fields,
            String detail) {
        sync.add(new SyncLogEntry(run.getId(), no, graphId, PlannedEntry.outlookContact(action), action.kind().name(),
                action.kind().direction(), fields, action.reason(), detail, now));
        run.count(action.kind(), 1);
    }

    private void failed(SyncAction action, Optional<String> no, Optional<String> graphId, WriteOutcome outcome) {
        failed(action, no, graphId, describe(outcome));
    }

    private void refused(SyncAction action, Optional<String> no, Optional<String> graphId,
            List<FieldProblem> problems) {
        failed(action, no, graphId, "Refused by Business Central: " + problems.stream()
                .map(problem -> problem.field() + ": " + problem.message().in(java.util.Locale.ENGLISH))
                .collect(Collectors.joining("; ")));
    }

    private void failed(SyncAction action, Optional<String> no, Optional<String> graphId, String detail) {
        sync.add(new SyncLogEntry(run.getId(), no, graphId, PlannedEntry.outlookContact(action), SyncLogEntry.FAILED,
                action.kind().direction(),
                Set.of(), action.reason(), action.kind().name() + ": " + detail, now));
        run.countFailed(1);
    }

    private static String describe(WriteOutcome outcome) {
        if (outcome instanceof WriteOutcome.NotFound) {
            return "The Outlook contact was deleted meanwhile; the next run recreates it";
        }
        if (outcome instanceof WriteOutcome.Conflict conflict) {
            return "The Outlook contact changed meanwhile (" + conflict.code() + "); the next run merges it";
        }
        if (outcome instanceof WriteOutcome.Throttled) {
            return "The mailbox kept throttling; the next run carries it out";
        }
        if (outcome instanceof WriteOutcome.Failed failed) {
            return "Microsoft Graph answered " + failed.status() + " " + failed.code() + ": " + failed.message();
        }
        return "Unexpected answer " + outcome;
    }

    private static String notes(List<FieldNote> notes) {
        return notes.stream().map(FieldNote::describe).collect(Collectors.joining("; "));
    }
}

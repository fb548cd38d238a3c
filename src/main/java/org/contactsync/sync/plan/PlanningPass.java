package org.contactsync.sync.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField.OutlookReading;
import org.contactsync.contact.SyncedField;
import org.contactsync.graph.OutlookContact;
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

/**
 * One planning pass over a snapshot. The steps run in the matching order link → stamp → e-mail, and every contact
 * is claimed by at most one pair, so no Outlook contact is matched to two BC contacts or the other way round.
 * Contacts are visited sorted by No. and Graph id, so the plan does not depend on the order of the snapshot.
 */
final class PlanningPass {

    private final SyncSnapshot snapshot;
    private final boolean full;
    private final Map<String, BcContact> bcByNo = new TreeMap<>();
    private final Map<String, List<BcContact>> bcByEmail = new HashMap<>();
    private final Map<String, SyncLink> linkByNo = new TreeMap<>();
    private final Set<String> linkedGraphIds = new HashSet<>();
    private final Map<String, OutlookContact> listed = new TreeMap<>();
    /** Linked, in scope, its Outlook contact gone: relinked to a contact found by stamp or e-mail, else recreated. */
    private final Map<String, SyncLink> awaitingOutlookContact = new TreeMap<>();
    private final Set<String> claimedNos = new HashSet<>();
    private final Set<String> importedEmails = new HashSet<>();
    private final List<SyncAction> actions = new ArrayList<>();

    PlanningPass(SyncSnapshot snapshot) {
        this.snapshot = snapshot;
        this.full = snapshot.mode() == SyncMode.FULL;
        snapshot.bcContacts().forEach(contact -> bcByNo.put(contact.no(), contact));
        bcByNo.values().forEach(contact -> bcByEmail
                .computeIfAbsent(emailKey(contact.email()), key -> new ArrayList<>()).add(contact));
        snapshot.links().forEach(link -> linkByNo.put(link.contactNo(), link));
        snapshot.links().forEach(link -> linkedGraphIds.add(link.graphId()));
        listed.putAll(snapshot.outlook().contacts());
    }

    Plan plan() {
        planLinkedPairs();
        planStampedOutlookContacts();
        planOtherOutlookContacts();
        planRecreates();
        planNewBcContacts();
        return new Plan(snapshot.mode(), actions, massDeleteVerdict());
    }

    // Step 1: pairs the link table already knows.
    private void planLinkedPairs() {
        for (SyncLink link : linkByNo.values()) {
            claimedNos.add(link.contactNo());
            Optional<Reason> exclusion = exclusion(link.contactNo(), link.importedFromOutlook());
            Optional<OutlookContact> outlook = linkedOutlookContact(link);
            if (link.kept()) {
                planKeptPair(link, exclusion, outlook);
            } else if (outlook.isEmpty() && exclusion.isEmpty()) {
                awaitingOutlookContact.put(link.contactNo(), link);
            } else if (outlook.isEmpty()) {
                actions.add(new Unlink(link.contactNo(), link.graphId(), Reason.DELETED_IN_OUTLOOK, false));
            } else if (exclusion.isPresent()) {
                leaveSync(link.graphId(), link.contactNo(), exclusion.get(), true);
            } else {
                mergeLinkedPair(link, bcByNo.get(link.contactNo()), outlook.get());
            }
        }
    }

    /**
     * A tombstone: nothing happens while the BC contact stays out of the sync; it is dropped when the employee
     * deletes the kept Outlook contact, and the pair syncs again (matched anew) when the BC contact is back in scope.
     */
    private void planKeptPair(SyncLink link, Optional<Reason> exclusion, Optional<OutlookContact> outlook) {
        if (outlook.isEmpty()) {
            actions.add(new Unlink(link.contactNo(), link.graphId(), Reason.DELETED_IN_OUTLOOK, false));
            // With the tombstone gone the BC contact is unlinked: back in scope, it is matched or created anew.
            claimedNos.remove(link.contactNo());
        } else if (exclusion.isEmpty()) {
            link(bcByNo.get(link.contactNo()), outlook.get(), Reason.BACK_IN_SCOPE);
        }
    }

    /**
     * The linked Outlook contact as this run knows it: listed; gone (removed by delta, or missing from a complete
     * listing); or, for a delta that did not mention it, unchanged since the last sync (its values are the base,
     * a field without a base value counts as empty).
     */
    private Optional<OutlookContact> linkedOutlookContact(SyncLink link) {
        OutlookContact contact = listed.get(link.graphId());
        if (contact != null) {
            return Optional.of(contact);
        }
        OutlookSide side = snapshot.outlook();
        if (side.completeListing() || side.removedIds().contains(link.graphId())) {
            return Optional.empty();
        }
        return Optional.of(new OutlookContact(link.graphId(), link.changeKey(), Optional.of(link.contactNo()),
                link.lastSynced()));
    }

    // Step 2: unlinked Outlook contacts carrying our stamp (created by the sync, link lost or copied).
    private void planStampedOutlookContacts() {
        for (OutlookContact contact : unlinkedListed()) {
            if (contact.stamp().isEmpty()) {
                continue;
            }
            String no = contact.stamp().get();
            SyncLink waiting = awaitingOutlookContact.remove(no);
            if (waiting != null) {
                relink(waiting, contact, Reason.MATCHED_BY_STAMP);
                continue;
            }
            if (claimedNos.contains(no)) {
                actions.add(new DeleteInOutlook(contact.graphId(), Optional.of(no),
                        Reason.DUPLICATE_CREATED_BY_SYNC));
                continue;
            }
            Optional<Reason> exclusion = exclusion(no, false);
            if (exclusion.isPresent()) {
                leaveSync(contact.graphId(), no, exclusion.get(), false);
            } else {
                claimedNos.add(no);
                link(bcByNo.get(no), contact, Reason.MATCHED_BY_STAMP);
            }
        }
    }

    // Step 3: unlinked Outlook contacts without a stamp: match by e-mail, else import (full sync) or skip.
    private void planOtherOutlookContacts() {
        for (OutlookContact contact : unlinkedListed()) {
            if (contact.stamp().isPresent()) {
                continue;
            }
            Optional<Reason> outOfScope = Scope.exclusion(contact);
            if (outOfScope.isPresent()) {
                actions.add(skip(Optional.empty(), contact, outOfScope.get(), ""));
                continue;
            }
            String email = emailKey(contact.effectiveValues().get(SyncedField.E_MAIL));
            Optional<BcContact> candidate = bcByEmail.getOrDefault(email, List.of()).stream()
                    .filter(bc -> awaitingOutlookContact.containsKey(bc.no())
                            || !claimedNos.contains(bc.no()) && exclusion(bc.no(), false).isEmpty())
                    .findFirst();
            if (candidate.isPresent()) {
                matchByEmail(candidate.get(), contact);
            } else {
                planUnmatched(contact, email);
            }
        }
    }

    private void matchByEmail(BcContact bc, OutlookContact contact) {
        SyncLink waiting = awaitingOutlookContact.remove(bc.no());
        if (waiting != null) {
            relink(waiting, contact, Reason.MATCHED_BY_EMAIL);
        } else {
            claimedNos.add(bc.no());
            link(bc, contact, Reason.MATCHED_BY_EMAIL);
        }
    }

    private void planUnmatched(OutlookContact contact, String email) {
        Optional<BcContact> sameEmail = bcByEmail.getOrDefault(email, List.of()).stream().findFirst();
        if (sameEmail.isPresent()) {
            String no = sameEmail.get().no();
            boolean synced = claimedNos.contains(no) && exclusion(no, isImported(no)).isEmpty();
            Reason reason = synced ? Reason.DUPLICATE_EMAIL : Reason.EMAIL_OF_CONTACT_OUT_OF_SCOPE;
            actions.add(skip(Optional.empty(), contact, reason, "Contact " + no));
        } else if (!full) {
            actions.add(skip(Optional.empty(), contact, Reason.WAITS_FOR_FULL_SYNC, ""));
        } else if (!importedEmails.add(email)) {
            actions.add(skip(Optional.empty(), contact, Reason.DUPLICATE_EMAIL, "Another Outlook contact"));
        } else {
            importFromOutlook(contact);
        }
    }

    private void importFromOutlook(OutlookContact contact) {
        FieldValues outlookValues = contact.effectiveValues();
        if (SyncedField.E_MAIL.readFromOutlook(outlookValues.get(SyncedField.E_MAIL)).tooLong()) {
            actions.add(skip(Optional.empty(), contact, Reason.TOO_LONG_FOR_BC, SyncedField.E_MAIL.bcCaption()));
            return;
        }
        Map<SyncedField, String> values = new EnumMap<>(SyncedField.class);
        List<FieldNote> notes = new ArrayList<>();
        List<SyncAction> refusals = new ArrayList<>();
        for (SyncedField field : SyncedField.values()) {
            OutlookReading reading = field.readFromOutlook(outlookValues.get(field));
            values.put(field, reading.value());
            if (reading.truncated()) {
                notes.add(new FieldNote(field, Reason.TRUNCATED_FOR_BC, reading.outlookLength()));
            } else if (reading.tooLong()) {
                refusals.add(skip(Optional.empty(), contact, Reason.TOO_LONG_FOR_BC, field.bcCaption()));
            }
        }
        actions.addAll(refusals);
        actions.add(new CreateInBc(contact.graphId(), contact.changeKey(), FieldValues.of(values), notes,
                Reason.NEW_IN_OUTLOOK));
    }

    // Step 4: linked contacts deleted in Outlook and found nowhere else come back.
    private void planRecreates() {
        for (SyncLink link : awaitingOutlookContact.values()) {
            actions.add(new Recreate(link.contactNo(), link.graphId(),
                    complete(bcByNo.get(link.contactNo()).values()), Reason.DELETED_IN_OUTLOOK));
        }
    }

    // Step 5: in-scope BC contacts that nothing claimed go to Outlook.
    private void planNewBcContacts() {
        for (BcContact contact : bcByNo.values()) {
            if (!claimedNos.contains(contact.no()) && exclusion(contact.no(), false).isEmpty()) {
                actions.add(new CreateInOutlook(contact.no(), complete(contact.values()), Reason.NEW_IN_BC));
            }
        }
    }

    private void mergeLinkedPair(SyncLink link, BcContact bc, OutlookContact outlook) {
        PairMerge merge = PairMerge.of(bc.values(), outlook.effectiveValues(), link.lastSynced(), full);
        if (!merge.agreed().isEmpty() || !outlook.changeKey().equals(link.changeKey())) {
            actions.add(new RefreshLink(bc.no(), outlook.graphId(), outlook.changeKey(), merge.agreed(),
                    Reason.SYNCED_STATE_RECORDED));
        }
        addWrites(bc.no(), outlook, merge, Reason.CHANGED_IN_OUTLOOK, Reason.CHANGED_IN_BC);
    }

    private void link(BcContact bc, OutlookContact outlook, Reason matchedBy) {
        PairMerge merge = PairMerge.of(bc.values(), outlook.effectiveValues(), FieldValues.empty(), full);
        actions.add(new Link(bc.no(), outlook.graphId(), outlook.changeKey(), merge.agreed(), matchedBy));
        addWrites(bc.no(), outlook, merge, matchedBy, matchedBy);
    }

    private void relink(SyncLink previous, OutlookContact outlook, Reason matchedBy) {
        BcContact bc = bcByNo.get(previous.contactNo());
        PairMerge merge = PairMerge.of(bc.values(), outlook.effectiveValues(), FieldValues.empty(), full);
        actions.add(new Relink(bc.no(), previous.graphId(), outlook.graphId(), outlook.changeKey(), merge.agreed(),
                matchedBy));
        addWrites(bc.no(), outlook, merge, matchedBy, matchedBy);
    }

    private void addWrites(String no, OutlookContact outlook, PairMerge merge, Reason toBcReason,
            Reason toOutlookReason) {
        String graphId = outlook.graphId();
        merge.conflicts().forEach(conflict -> actions.add(new Conflict(no, graphId, conflict.field(),
                conflict.bcValue(), conflict.outlookValue(), conflict.reason())));
        merge.refused().forEach(refused -> actions.add(
                skip(Optional.of(no), outlook, refused.reason(), refused.field().bcCaption())));
        if (!merge.waitingForFullSync().isEmpty()) {
            String fields = merge.waitingForFullSync().stream().map(SyncedField::bcCaption)
                    .collect(Collectors.joining(", "));
            actions.add(skip(Optional.of(no), outlook, Reason.WAITS_FOR_FULL_SYNC, fields));
        }
        if (!merge.toBc().isEmpty()) {
            actions.add(new UpdateInBc(no, graphId, merge.toBc(), merge.notes(), toBcReason));
            merge.toBc().find(SyncedField.E_MAIL).ifPresent(email -> indexPlannedEmail(no, email));
        }
        FieldValues changes = merge.toOutlook();
        if (!changes.isEmpty()) {
            actions.add(new UpdateInOutlook(no, graphId, outlook.changeKey(), changes,
                    patch(changes, outlook.effectiveValues()), toOutlookReason));
        }
    }

    /**
     * E-mail matching and the duplicate check look at BC's e-mails as they will be after this plan, so an e-mail
     * taken from Outlook in this run frees the old address for an Outlook contact that has it.
     */
    private void indexPlannedEmail(String no, String email) {
        BcContact contact = bcByNo.get(no);
        bcByEmail.getOrDefault(emailKey(contact.email()), new ArrayList<>()).remove(contact);
        List<BcContact> sameEmail = bcByEmail.computeIfAbsent(emailKey(email), key -> new ArrayList<>());
        sameEmail.add(contact);
        sameEmail.sort(Comparator.comparing(BcContact::no));
    }

    /** The changed fields plus what Graph needs sent with them, carrying Outlook's current values. */
    private static FieldValues patch(FieldValues changes, FieldValues outlookValues) {
        Map<SyncedField, String> patch = new EnumMap<>(SyncedField.class);
        for (SyncedField changed : changes.fields()) {
            for (SyncedField field : changed.sentTogether()) {
                patch.put(field, changes.find(field).orElse(outlookValues.get(field)));
            }
        }
        return FieldValues.of(patch);
    }

    /**
     * A contact leaving the sync: deleted from Outlook (the folder belongs to the sync), or, when the employee chose
     * to keep such contacts and it left by the filter or a delete in BC, left in Outlook and no longer synced.
     */
    private void leaveSync(String graphId, String no, Reason exclusion, boolean linked) {
        if (snapshot.policy().keepInOutlookWhenUnsynced() && Scope.keepable(exclusion)) {
            actions.add(linked ? new Unlink(no, graphId, Reason.KEPT_IN_OUTLOOK, true)
                    : new Skip(Optional.of(no), Optional.of(graphId), Reason.KEPT_IN_OUTLOOK, exclusion.text(),
                            Optional.empty()));
        } else {
            actions.add(new DeleteInOutlook(graphId, Optional.of(no), exclusion));
        }
    }

    private Optional<Reason> exclusion(String no, boolean importedFromOutlook) {
        BcContact contact = bcByNo.get(no);
        return contact == null ? Optional.of(Reason.DELETED_IN_BC) : Scope.exclusion(contact, importedFromOutlook);
    }

    private boolean isImported(String no) {
        SyncLink link = linkByNo.get(no);
        return link != null && link.importedFromOutlook();
    }

    private List<OutlookContact> unlinkedListed() {
        return listed.values().stream().filter(contact -> !linkedGraphIds.contains(contact.graphId())).toList();
    }

    private static Skip skip(Optional<String> no, OutlookContact contact, Reason reason, String detail) {
        return new Skip(no, Optional.of(contact.graphId()), reason, detail,
                no.isPresent() ? Optional.empty() : nameAndEmail(contact));
    }

    /** How the log names an Outlook contact: "Name <e-mail>", or whichever of the two it has. */
    static Optional<String> nameAndEmail(OutlookContact contact) {
        var values = contact.effectiveValues();
        var name = values.get(SyncedField.NAME).strip();
        var email = values.get(SyncedField.E_MAIL).strip();
        if (name.isEmpty()) {
            return email.isEmpty() ? Optional.empty() : Optional.of("<" + email + ">");
        }
        return Optional.of(email.isEmpty() ? name : name + " <" + email + ">");
    }

    private static String emailKey(String email) {
        return SyncedField.E_MAIL.normalise(email);
    }

    /** Every synced field, empty where the snapshot had none: what a newly created contact is made of. */
    private static FieldValues complete(FieldValues values) {
        Map<SyncedField, String> all = new EnumMap<>(SyncedField.class);
        for (SyncedField field : SyncedField.values()) {
            all.put(field, values.get(field));
        }
        return FieldValues.of(all);
    }

    /**
     * The guard counts the plan's deletes against the contacts the sync keeps in the folder before the run: its
     * links whose Outlook contact is still there. Not the whole folder: a delta lists only the contacts changed since
     * the last run, so contacts the user made there themselves would count in a full listing and not in a delta, and
     * a preview and the run after it would say "49 of 65" and "49 of 64" (issue 13, point 3).
     */
    private MassDeleteGuard.MassDeleteVerdict massDeleteVerdict() {
        int deletes = (int) actions.stream().filter(DeleteInOutlook.class::isInstance).count();
        OutlookSide side = snapshot.outlook();
        int folderSize = (int) linkByNo.values().stream()
                .filter(link -> side.completeListing() ? listed.containsKey(link.graphId())
                        : !side.removedIds().contains(link.graphId()))
                .count();
        return snapshot.policy().massDeleteGuard().judge(deletes, folderSize,
                snapshot.policy().massDeleteConfirmed());
    }
}

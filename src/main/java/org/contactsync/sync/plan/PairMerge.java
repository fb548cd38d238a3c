package org.contactsync.sync.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField.OutlookReading;
import org.contactsync.contact.SyncedField;

/**
 * The field-by-field merge of one Business Central contact with its Outlook contact against their last synced
 * values (the base). Per field:
 * <ul>
 * <li>equal on both sides: nothing to write; the base records the value if it did not already;</li>
 * <li>changed only in Business Central: to Outlook;</li>
 * <li>changed only in Outlook: to Business Central on a full sync (waits on an incremental one);</li>
 * <li>changed on both sides: Business Central's value to Outlook, conflict logged.</li>
 * </ul>
 * Without a base value (a pair just matched) a side "changed" when it is not empty: an empty side takes the other's
 * value, two different values are a conflict Business Central wins.
 */
final class PairMerge {

    private final Map<SyncedField, String> agreed = new EnumMap<>(SyncedField.class);
    private final Map<SyncedField, String> toOutlook = new EnumMap<>(SyncedField.class);
    private final Map<SyncedField, String> toBc = new EnumMap<>(SyncedField.class);
    private final List<FieldNote> notes = new ArrayList<>();
    private final List<Conflicted> conflicts = new ArrayList<>();
    private final List<Refused> refused = new ArrayList<>();
    private final List<SyncedField> waiting = new ArrayList<>();

    /** A field both sides changed: BC's value, Outlook's value, and whether there was a base. */
    record Conflicted(SyncedField field, String bcValue, String outlookValue, Reason reason) {
    }

    /** An Outlook change that cannot be taken to Business Central. */
    record Refused(SyncedField field, Reason reason) {
    }

    private PairMerge() {
    }

    static PairMerge of(FieldValues bc, FieldValues outlook, FieldValues base, boolean writeToBc) {
        PairMerge merge = new PairMerge();
        for (SyncedField field : SyncedField.values()) {
            merge.mergeField(field, bc.get(field), outlook.get(field), base.find(field), writeToBc);
        }
        return merge;
    }

    private void mergeField(SyncedField field, String bcValue, String outlookValue, Optional<String> base,
            boolean writeToBc) {
        OutlookReading reading = field.readFromOutlook(outlookValue);
        if (!reading.tooLong() && field.same(bcValue, reading.value())) {
            if (base.isEmpty() || !field.same(base.get(), bcValue)) {
                agreed.put(field, bcValue);
            }
            return;
        }
        boolean bcChanged = base.map(value -> !field.same(value, bcValue)).orElse(!bcValue.isBlank());
        boolean outlookChanged = base.map(value -> reading.tooLong() || !field.same(value, reading.value()))
                .orElse(!outlookValue.isBlank());
        if (outlookChanged && !bcChanged) {
            takeFromOutlook(field, bcValue, reading, writeToBc);
            return;
        }
        toOutlook.put(field, bcValue);
        if (outlookChanged) {
            Reason reason = base.isPresent() ? Reason.CHANGED_ON_BOTH_SIDES : Reason.DIFFERENT_WHEN_MATCHED;
            conflicts.add(new Conflicted(field, bcValue, outlookValue, reason));
        }
    }

    private void takeFromOutlook(SyncedField field, String bcValue, OutlookReading reading, boolean writeToBc) {
        if (!writeToBc) {
            waiting.add(field);
        } else if (reading.tooLong()) {
            refused.add(new Refused(field, Reason.TOO_LONG_FOR_BC));
        } else if (reading.value().isBlank() && (field == SyncedField.NAME || field == SyncedField.E_MAIL)) {
            // Emptying Name or E-Mail would take the BC contact out of scope and so delete it from Outlook.
            refused.add(new Refused(field, Reason.CLEARED_IN_OUTLOOK));
            toOutlook.put(field, bcValue);
        } else {
            toBc.put(field, reading.value());
            if (reading.truncated()) {
                notes.add(new FieldNote(field, Reason.TRUNCATED_FOR_BC, reading.outlookLength()));
            }
        }
    }

    FieldValues agreed() {
        return FieldValues.of(agreed);
    }

    FieldValues toOutlook() {
        return FieldValues.of(toOutlook);
    }

    FieldValues toBc() {
        return FieldValues.of(toBc);
    }

    List<FieldNote> notes() {
        return List.copyOf(notes);
    }

    List<Conflicted> conflicts() {
        return List.copyOf(conflicts);
    }

    List<Refused> refused() {
        return List.copyOf(refused);
    }

    /** Fields changed only in Outlook that an incremental run leaves for the next full sync. */
    List<SyncedField> waitingForFullSync() {
        return List.copyOf(waiting);
    }
}

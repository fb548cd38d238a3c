package org.contactsync.sync.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.contactsync.graph.OutlookContact;

/** Builders that keep the planner tests short: a person in scope and a linked pair are one line each. */
final class Fixtures {

    private Fixtures() {
    }

    static FieldValues values(Object... fieldsAndValues) {
        Map<SyncedField, String> map = new EnumMap<>(SyncedField.class);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            map.put((SyncedField) fieldsAndValues[i], (String) fieldsAndValues[i + 1]);
        }
        return FieldValues.of(map);
    }

    /** A person's usual values: name parts, Name, E-Mail and a city. */
    static FieldValues person(String first, String surname, String email) {
        return values(SyncedField.FIRST_NAME, first, SyncedField.SURNAME, surname, SyncedField.NAME,
                first + " " + surname, SyncedField.E_MAIL, email, SyncedField.CITY, "Malmö");
    }

    /** The values with every synced field present (empty where missing), as a link stores them after a create. */
    static FieldValues complete(FieldValues values) {
        Map<SyncedField, String> map = new EnumMap<>(SyncedField.class);
        for (SyncedField field : SyncedField.values()) {
            map.put(field, values.get(field));
        }
        return FieldValues.of(map);
    }

    static BcContact bc(String no, FieldValues values) {
        return new BcContact(no, true, false, true, values);
    }

    static OutlookContact outlook(String graphId, FieldValues values) {
        return new OutlookContact(graphId, "ck-" + graphId, Optional.empty(), values);
    }

    static OutlookContact stamped(String graphId, String no, FieldValues values) {
        return new OutlookContact(graphId, "ck-" + graphId, Optional.of(no), values);
    }

    /** A link whose last synced values and change key match {@link #outlook} of the same values. */
    static SyncLink link(String no, String graphId, FieldValues lastSynced) {
        return new SyncLink(no, graphId, "ck-" + graphId, complete(lastSynced), false);
    }

    static SnapshotBuilder full() {
        return new SnapshotBuilder(SyncMode.FULL);
    }

    static SnapshotBuilder incremental() {
        return new SnapshotBuilder(SyncMode.INCREMENTAL);
    }

    /** A snapshot under construction; full syncs default to a complete listing, incremental ones to a delta. */
    static final class SnapshotBuilder {
        private final SyncMode mode;
        private SyncPolicy policy = SyncPolicy.DEFAULT;
        private final List<BcContact> bcContacts = new ArrayList<>();
        private final List<OutlookContact> outlookContacts = new ArrayList<>();
        private final Set<String> removed = new HashSet<>();
        private final List<SyncLink> links = new ArrayList<>();
        private boolean complete;

        SnapshotBuilder(SyncMode mode) {
            this.mode = mode;
            this.complete = mode == SyncMode.FULL;
        }

        SnapshotBuilder policy(SyncPolicy newPolicy) {
            policy = newPolicy;
            return this;
        }

        SnapshotBuilder bc(BcContact... contacts) {
            bcContacts.addAll(List.of(contacts));
            return this;
        }

        SnapshotBuilder outlook(OutlookContact... contacts) {
            outlookContacts.addAll(List.of(contacts));
            return this;
        }

        SnapshotBuilder removed(String... graphIds) {
            removed.addAll(List.of(graphIds));
            return this;
        }

        SnapshotBuilder links(SyncLink... rows) {
            links.addAll(List.of(rows));
            return this;
        }

        SnapshotBuilder deltaOnly() {
            complete = false;
            return this;
        }

        /** A BC contact, its Outlook contact and their link, all agreeing on {@code values}. */
        SnapshotBuilder syncedPair(String no, String graphId, FieldValues values) {
            bcContacts.add(Fixtures.bc(no, values));
            outlookContacts.add(Fixtures.stamped(graphId, no, values));
            links.add(Fixtures.link(no, graphId, values));
            return this;
        }

        SyncSnapshot build() {
            return new SyncSnapshot(mode, policy, bcContacts,
                    OutlookSide.of(outlookContacts, removed, complete), links);
        }

        Plan plan() {
            return Planner.plan(build());
        }
    }
}

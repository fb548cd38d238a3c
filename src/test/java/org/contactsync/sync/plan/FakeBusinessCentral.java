package org.contactsync.sync.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;

/** An in-memory contact table for the state-machine test; stores Code fields upper-case, as BC does. */
final class FakeBusinessCentral {

    private final Map<String, BcContact> contacts = new TreeMap<>();
    private int nextNo = 1;

    String insert(boolean person, boolean privacyBlocked, boolean inFilter, FieldValues values) {
        String no = String.format("CT%04d", nextNo++);
        contacts.put(no, new BcContact(no, person, privacyBlocked, inFilter, asStored(values)));
        return no;
    }

    void update(String no, FieldValues changes) {
        BcContact old = require(no);
        contacts.put(no, new BcContact(no, old.person(), old.privacyBlocked(), old.inFilter(),
                asStored(old.values().withAll(changes))));
    }

    void replace(BcContact contact) {
        contacts.put(contact.no(), new BcContact(contact.no(), contact.person(), contact.privacyBlocked(),
                contact.inFilter(), asStored(contact.values())));
    }

    void delete(String no) {
        contacts.remove(no);
    }

    BcContact require(String no) {
        BcContact contact = contacts.get(no);
        if (contact == null) {
            throw new AssertionError("No BC contact " + no);
        }
        return contact;
    }

    boolean exists(String no) {
        return contacts.containsKey(no);
    }

    List<BcContact> all() {
        return new ArrayList<>(contacts.values());
    }

    /** Like BC, refuses a value longer than its field, and stores Code fields upper-case. */
    private static FieldValues asStored(FieldValues values) {
        FieldValues stored = values;
        for (SyncedField field : values.fields()) {
            if (values.get(field).length() > field.bcLength()) {
                throw new AssertionError(field.bcCaption() + " longer than " + field.bcLength() + ": "
                        + values.get(field));
            }
            if (field.kind() == SyncedField.ValueKind.CODE) {
                stored = stored.with(field, values.get(field).toUpperCase(Locale.ROOT));
            }
        }
        return stored;
    }
}

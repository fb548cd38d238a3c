package org.contactsync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.contactsync.exchange.SyncFilter;
import org.contactsync.sync.plan.BcContact;
import org.contactsync.sync.plan.OutlookSide;
import org.contactsync.sync.plan.SyncLink;

/**
 * An in-memory contact table behind {@link BusinessCentralContactsPort}: each contact says whether it is in the
 * employee's filter (the filter itself is the contact table's business, tested with it); the snapshot's half holds
 * those plus the linked and stamped ones outside it. Writes from sync take the values as given (the contact rules
 * and the company lookup are {@link ContactTableContacts}'s, tested on a database).
 */
final class InMemoryBusinessCentral implements BusinessCentralContactsPort {

    private final Map<String, BcContact> contacts = new TreeMap<>();
    private int nextNo = 1;
    private int reads;

    String addPerson(String name, String email) {
        String no = String.format("CT%04d", nextNo++);
        contacts.put(no, new BcContact(no, true, false, true, FieldValues.of(Map.of(SyncedField.NAME, name,
                SyncedField.E_MAIL, email))));
        return no;
    }

    void delete(String no) {
        contacts.remove(no);
    }

    Optional<BcContact> find(String no) {
        return Optional.ofNullable(contacts.get(no));
    }

    /** How many times a run read its snapshot's half. */
    int reads() {
        return reads;
    }

    @Override
    public List<BcContact> contactsForSync(SyncFilter filter, List<SyncLink> links, OutlookSide outlook) {
        reads++;
        Set<String> seen = links.stream().map(SyncLink::contactNo).collect(Collectors.toSet());
        outlook.contacts().values().forEach(contact -> contact.stamp().ifPresent(seen::add));
        return new ArrayList<>(contacts.values().stream()
                .filter(contact -> contact.inFilter() || seen.contains(contact.no())).toList());
    }

    @Override
    public Applied createFromSync(FieldValues values, String companyName) {
        String no = String.format("CT%04d", nextNo++);
        contacts.put(no, new BcContact(no, true, false, true, values));
        return new Applied.Done(no);
    }

    @Override
    public Applied applyFromSync(String contactNo, FieldValues changes) {
        BcContact old = contacts.get(contactNo);
        if (old == null) {
            return new Applied.NotFound();
        }
        contacts.put(contactNo, new BcContact(contactNo, old.person(), old.privacyBlocked(), old.inFilter(),
                old.values().withAll(changes)));
        return new Applied.Done(contactNo);
    }
}

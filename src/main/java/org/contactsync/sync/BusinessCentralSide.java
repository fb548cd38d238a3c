package org.contactsync.sync;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.contactsync.contact.Contact;
import org.contactsync.exchange.SyncFilter;
import org.contactsync.sync.plan.BcContact;
import org.contactsync.sync.plan.OutlookContact;
import org.contactsync.sync.plan.OutlookSide;
import org.contactsync.sync.plan.SyncLink;
import org.contactsync.sync.plan.SyncSnapshot;
import org.contactsync.sync.plan.SyncedField;

/**
 * The Business Central half of a snapshot, as {@link SyncSnapshot#bcContacts()} documents it: every contact in the
 * employee's filter, plus the contacts outside it that the planner must see (linked, stamped on a listed Outlook
 * contact, or with the e-mail of a listed unlinked Outlook contact).
 */
final class BusinessCentralSide {

    /** Keeps IN lists well below every database's parameter limit. */
    private static final int IN_LIST_SIZE = 500;

    private BusinessCentralSide() {
    }

    static List<BcContact> read(EntityManager em, SyncFilter filter, List<SyncLink> links, OutlookSide outlook) {
        Map<String, BcContact> byNo = new LinkedHashMap<>();
        inFilter(em, filter).forEach(contact -> byNo.put(contact.getNo(), toBc(contact, true)));

        Set<String> linkedIds = links.stream().map(SyncLink::graphId).collect(Collectors.toSet());
        Set<String> extraNos = links.stream().map(SyncLink::contactNo).collect(Collectors.toSet());
        outlook.contacts().values().forEach(contact -> contact.stamp().ifPresent(extraNos::add));
        extraNos.removeAll(byNo.keySet());
        byNos(em, extraNos).forEach(contact -> byNo.put(contact.getNo(), toBc(contact, false)));

        Set<String> emails = outlook.contacts().values().stream()
                .filter(contact -> !linkedIds.contains(contact.graphId()))
                .map(OutlookContact::effectiveValues)
                .map(values -> values.get(SyncedField.E_MAIL).strip().toUpperCase(Locale.ROOT))
                .filter(email -> !email.isEmpty())
                .collect(Collectors.toSet());
        byEmails(em, emails).stream().filter(contact -> !byNo.containsKey(contact.getNo()))
                .forEach(contact -> byNo.put(contact.getNo(), toBc(contact, false)));
        return List.copyOf(byNo.values());
    }

    private static List<Contact> inFilter(EntityManager em, SyncFilter filter) {
        var parsed = filter.parse();
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Contact.class);
        var contact = query.from(Contact.class);
        query.select(contact).where(parsed.toPredicate(cb, contact)).orderBy(cb.asc(contact.get("no")));
        return em.createQuery(query).getResultList();
    }

    private static List<Contact> byNos(EntityManager em, Collection<String> nos) {
        return inChunks(nos, chunk -> em.createQuery("select c from Contact c where c.no in :nos", Contact.class)
                .setParameter("nos", chunk).getResultList());
    }

    private static List<Contact> byEmails(EntityManager em, Collection<String> upperCaseEmails) {
        return inChunks(upperCaseEmails, chunk -> em.createQuery(
                "select c from Contact c where c.searchEmail in :emails order by c.no", Contact.class)
                .setParameter("emails", chunk).getResultList());
    }

    private static List<Contact> inChunks(Collection<String> keys,
            java.util.function.Function<List<String>, List<Contact>> query) {
        List<String> all = List.copyOf(keys);
        List<Contact> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST_SIZE) {
            found.addAll(query.apply(all.subList(from, Math.min(all.size(), from + IN_LIST_SIZE))));
        }
        return found;
    }

    private static BcContact toBc(Contact contact, boolean inFilter) {
        return new BcContact(contact.getNo(), !contact.isCompany(), contact.isPrivacyBlocked(), inFilter,
                BcFields.read(contact));
    }
}

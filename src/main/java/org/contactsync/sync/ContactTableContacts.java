package org.contactsync.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactFilter;
import org.contactsync.contact.ContactRepository;
import org.contactsync.contact.ContactService;
import org.contactsync.contact.ContactSort;
import org.contactsync.contact.ContactType;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.contactsync.exchange.SyncFilter;
import org.contactsync.graph.OutlookContact;
import org.contactsync.platform.FieldProblem;
import org.contactsync.sync.plan.BcContact;
import org.contactsync.sync.plan.OutlookSide;
import org.contactsync.sync.plan.SyncLink;

/**
 * {@link BusinessCentralContactsPort} on the contact table, in the caller's transaction (a new one when there is
 * none): reads by the employee's filter and by No. and e-mail, writes through {@link ContactService}'s rules.
 */
@ApplicationScoped
@Transactional
public class ContactTableContacts implements BusinessCentralContactsPort {

    /** Keeps IN lists well below every database's parameter limit. */
    private static final int IN_LIST_SIZE = 500;

    @PersistenceContext(unitName = "contactsync")
    EntityManager em;

    @Inject
    ContactService contactService;

    /** For CDI. */
    protected ContactTableContacts() {
    }

    /** Outside the container, on the caller's entity manager and transaction. */
    ContactTableContacts(EntityManager em, ContactService contactService) {
        this.em = em;
        this.contactService = contactService;
    }

    @Override
    public List<BcContact> contactsForSync(SyncFilter filter, List<SyncLink> links, OutlookSide outlook) {
        Map<String, BcContact> byNo = new LinkedHashMap<>();
        inFilter(filter).forEach(contact -> byNo.put(contact.getNo(), toBc(contact, true)));

        Set<String> linkedIds = links.stream().map(SyncLink::graphId).collect(Collectors.toSet());
        Set<String> extraNos = links.stream().map(SyncLink::contactNo).collect(Collectors.toSet());
        outlook.contacts().values().forEach(contact -> contact.stamp().ifPresent(extraNos::add));
        extraNos.removeAll(byNo.keySet());
        byNos(extraNos).forEach(contact -> byNo.put(contact.getNo(), toBc(contact, false)));

        Set<String> emails = outlook.contacts().values().stream()
                .filter(contact -> !linkedIds.contains(contact.graphId()))
                .map(OutlookContact::effectiveValues)
                .map(values -> values.get(SyncedField.E_MAIL).strip().toUpperCase(Locale.ROOT))
                .filter(email -> !email.isEmpty())
                .collect(Collectors.toSet());
        byEmails(emails).stream().filter(contact -> !byNo.containsKey(contact.getNo()))
                .forEach(contact -> byNo.put(contact.getNo(), toBc(contact, false)));
        return List.copyOf(byNo.values());
    }

    @Override
    public Applied createFromSync(FieldValues values, String companyName) {
        Contact contact = new Contact(ContactType.PERSON);
        BcFields.assign(contact, values);
        assignCompany(contact, companyName);
        List<FieldProblem> problems = contactService.check(contact);
        if (!problems.isEmpty()) {
            return new Applied.Refused(problems);
        }
        contactService.insertAsGiven(contact);
        return new Applied.Done(contact.getNo());
    }

    @Override
    public Applied applyFromSync(String contactNo, FieldValues changes) {
        ContactRepository contacts = new ContactRepository(em);
        Optional<Contact> found = contacts.findByNo(contactNo);
        if (found.isEmpty()) {
            return new Applied.NotFound();
        }
        Contact contact = found.get();
        BcFields.assign(contact, changes);
        changes.find(SyncedField.COMPANY_NAME).ifPresent(name -> assignCompany(contact, name));
        List<FieldProblem> problems = contactService.check(contact);
        if (!problems.isEmpty()) {
            em.refresh(contact);
            return new Applied.Refused(problems);
        }
        contacts.flush();
        return new Applied.Done(contactNo);
    }

    /** Company No. when exactly one company contact has the name (Business Central's lookup), else none. */
    private void assignCompany(Contact person, String companyName) {
        List<Contact> companies = companyName.isBlank() ? List.of()
                : new ContactRepository(em).find(ContactFilter.NONE.withType(Optional.of(ContactType.COMPANY))
                        .withName(companyName), new ContactSort("no", true), 0, 2).stream()
                        .filter(company -> company.getName().equalsIgnoreCase(companyName.strip()))
                        .toList();
        String companyNo = companies.size() == 1 ? companies.get(0).getNo() : "";
        person.assignCompany(companyNo, companyName);
    }

    private List<Contact> inFilter(SyncFilter filter) {
        var parsed = filter.parse();
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Contact.class);
        var contact = query.from(Contact.class);
        query.select(contact).where(parsed.toPredicate(cb, contact)).orderBy(cb.asc(contact.get("no")));
        return em.createQuery(query).getResultList();
    }

    private List<Contact> byNos(Collection<String> nos) {
        return inChunks(nos, chunk -> em.createQuery("select c from Contact c where c.no in :nos", Contact.class)
                .setParameter("nos", chunk).getResultList());
    }

    private List<Contact> byEmails(Collection<String> upperCaseEmails) {
        return inChunks(upperCaseEmails, chunk -> em.createQuery(
                "select c from Contact c where c.searchEmail in :emails order by c.no", Contact.class)
                .setParameter("emails", chunk).getResultList());
    }

    private static List<Contact> inChunks(Collection<String> keys, Function<List<String>, List<Contact>> query) {
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

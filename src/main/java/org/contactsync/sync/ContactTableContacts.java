package org.contactsync.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactRepository;
import org.contactsync.contact.ContactService;
import org.contactsync.contact.ContactType;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.contactsync.contact.SyncedFieldValues;
import org.contactsync.exchange.SyncFilter;
import org.contactsync.graph.OutlookContact;
import org.contactsync.platform.FieldProblem;
import org.contactsync.sync.plan.BcContact;
import org.contactsync.sync.plan.OutlookSide;
import org.contactsync.sync.plan.SyncLink;

/**
 * {@link BusinessCentralContactsPort} on the contact table, in the caller's transaction (a new one when there is
 * none), through the contact's own API: {@link ContactRepository}'s queries and company lookup,
 * {@link SyncedFieldValues} for the synced fields, {@link ContactService}'s rules for every write.
 */
@ApplicationScoped
@Transactional
public class ContactTableContacts implements BusinessCentralContactsPort {

    @Inject
    ContactRepository contacts;

    @Inject
    ContactService contactService;

    /** For CDI. */
    protected ContactTableContacts() {
    }

    /** Outside the container, in the caller's transaction. */
    ContactTableContacts(ContactRepository contacts, ContactService contactService) {
        this.contacts = contacts;
        this.contactService = contactService;
    }

    @Override
    public List<BcContact> contactsForSync(SyncFilter filter, List<SyncLink> links, OutlookSide outlook) {
        var parsed = filter.parse();
        Map<String, BcContact> byNo = new LinkedHashMap<>();
        contacts.findMatching(parsed::toPredicate).forEach(contact -> byNo.put(contact.getNo(), toBc(contact, true)));

        Set<String> linkedIds = links.stream().map(SyncLink::graphId).collect(Collectors.toSet());
        Set<String> extraNos = links.stream().map(SyncLink::contactNo).collect(Collectors.toSet());
        outlook.contacts().values().forEach(contact -> contact.stamp().ifPresent(extraNos::add));
        extraNos.removeAll(byNo.keySet());
        contacts.findByNos(extraNos).forEach(contact -> byNo.put(contact.getNo(), toBc(contact, false)));

        Set<String> emails = outlook.contacts().values().stream()
                .filter(contact -> !linkedIds.contains(contact.graphId()))
                .map(OutlookContact::effectiveValues)
                .map(values -> values.get(SyncedField.E_MAIL).strip().toUpperCase(Locale.ROOT))
                .filter(email -> !email.isEmpty())
                .collect(Collectors.toSet());
        contacts.findByUpperCaseEmails(emails).stream().filter(contact -> !byNo.containsKey(contact.getNo()))
                .forEach(contact -> byNo.put(contact.getNo(), toBc(contact, false)));
        return List.copyOf(byNo.values());
    }

    /** The contact as the planner sees it for an employee with this filter; empty when there is no such contact. */
    Optional<BcContact> contact(String no, SyncFilter filter) {
        var parsed = filter.parse();
        return contacts.findByNo(no).map(contact -> toBc(contact, !contacts.findMatching((cb, root) -> cb.and(
                parsed.toPredicate(cb, root), cb.equal(root.get("no"), no))).isEmpty()));
    }

    @Override
    public Applied createFromSync(FieldValues values, String companyName) {
        Contact contact = new Contact(ContactType.PERSON);
        SyncedFieldValues.assign(contact, values);
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
        Optional<Contact> found = contacts.findByNo(contactNo);
        if (found.isEmpty()) {
            return new Applied.NotFound();
        }
        Contact contact = found.get();
        SyncedFieldValues.assign(contact, changes);
        changes.find(SyncedField.COMPANY_NAME).ifPresent(name -> assignCompany(contact, name));
        List<FieldProblem> problems = contactService.check(contact);
        if (!problems.isEmpty()) {
            contacts.refresh(contact);
            return new Applied.Refused(problems);
        }
        contacts.flush();
        return new Applied.Done(contactNo);
    }

    /** Company No. when exactly one company contact has the name (Business Central's lookup), else none. */
    private void assignCompany(Contact person, String companyName) {
        String companyNo = contacts.onlyCompanyNamed(companyName).map(Contact::getNo).orElse("");
        person.assignCompany(companyNo, companyName);
    }

    private static BcContact toBc(Contact contact, boolean inFilter) {
        return new BcContact(contact.getNo(), !contact.isCompany(), contact.isPrivacyBlocked(), inFilter,
                SyncedFieldValues.read(contact));
    }
}

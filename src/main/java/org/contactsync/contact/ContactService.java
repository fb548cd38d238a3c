package org.contactsync.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;

/**
 * Creates, changes, deletes and lists contacts with Business Central's rules; each public method is one
 * transaction. Refusals are {@link ApplicationException}s with a message for the user and, for invalid input, one
 * {@link FieldProblem} per field (named as the API and the Contact Card name the field).
 */
@ApplicationScoped
@Transactional
public class ContactService {

    @Inject
    private ContactRepository contacts;

    @Inject
    private Validator validator;

    public ContactService() {
    }

    /** For tests outside the container, which manage the transaction themselves. */
    public ContactService(ContactRepository contacts, Validator validator) {
        this.contacts = contacts;
        this.validator = validator;
    }

    public Optional<Contact> find(String no) {
        return contacts.findByNo(no);
    }

    /** The contact with this No.; NOT_FOUND when there is none. */
    public Contact get(String no) {
        return find(no).orElseThrow(() -> new ApplicationException(Kind.NOT_FOUND,
                ContactMessages.of("contact.notFound", no)));
    }

    public List<Contact> list(ContactFilter filter, ContactSort sort, int offset, int limit) {
        return contacts.find(filter, sort, offset, limit);
    }

    public long count(ContactFilter filter) {
        return contacts.count(filter);
    }

    /** Companies the search box would find by the text (No., Name, ...), for the Company No. lookup. */
    public List<Contact> companies(String startingWith, int max) {
        var filter = ContactFilter.NONE.withSearch(startingWith).withType(Optional.of(ContactType.COMPANY));
        return contacts.find(filter, new ContactSort("name", true), 0, max);
    }

    /** Creates a contact with the next No. of the Contact Nos. series. */
    public Contact create(ContactData data) {
        var contact = new Contact(data.getType());
        data.applyTo(contact);
        var brokenDown = contact.applyNameRules(false);
        var problems = check(contact);
        if (!problems.isEmpty()) {
            throw invalid(brokenDown ? onName(problems) : problems);
        }
        contact.setNo(contacts.nextNo(NumberSeries.CONTACT));
        // Again now that the No. is known: a company is its own company.
        contact.applyNameRules(false);
        contacts.add(contact);
        contacts.flush();
        return contact;
    }

    /**
     * Inserts a contact another system prepared (the Outlook sync) with the next No. of the Contact Nos. series,
     * its values as given: no name breakdown, no reformatting. Callers {@link #check} it first.
     */
    public Contact insertAsGiven(Contact contact) {
        var problems = check(contact);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        contact.setNo(contacts.nextNo(NumberSeries.CONTACT));
        contacts.add(contact);
        contacts.flush();
        return contact;
    }

    /**
     * Changes a contact that the caller read at {@code expectedVersion}. If someone else saved it since, nothing is
     * changed and the caller gets a CONFLICT telling the user to reopen the contact.
     *
     * <p>As on Business Central's card: a Name typed for a person (its parts unchanged) is broken down into First
     * Name, Middle Name and Surname; changed parts make the Name. Type may change where {@link ContactTypeChange}
     * allows it. Nothing is cut: a value longer than its field, also a part of a broken-down Name, is refused.
     */
    public Contact update(String no, long expectedVersion, ContactData data) {
        var contact = get(no);
        if (contact.getVersion() != expectedVersion) {
            throw changedBySomeoneElse(no);
        }
        var typeBefore = contact.getType();
        var nameBefore = contact.getName();
        var nameTyped = nameTyped(contact, data);
        data.applyTo(contact);
        if (data.getType() != typeBefore) {
            var refusal = ContactTypeChange.refusal(typeBefore, data.getType(), personCount(no));
            if (refusal.isPresent()) {
                throw invalid(List.of(new FieldProblem("type", refusal.get())));
            }
            contact.changeType(data.getType());
        }
        var brokenDown = contact.applyNameRules(nameTyped);
        var problems = check(contact);
        if (!problems.isEmpty()) {
            throw invalid(brokenDown ? onName(problems) : problems);
        }
        if (contact.isCompany() && !contact.getName().equals(nameBefore)) {
            // Company Name follows the company (Business Central's DoModify for company contacts).
            contacts.personsOf(no).forEach(person -> person.setCompanyName(contact.getName()));
        }
        try {
            contacts.flush();
        } catch (OptimisticLockException e) {
            throw changedBySomeoneElse(no);
        }
        return contact;
    }

    /**
     * Changes one field of a contact the caller read at {@code expectedVersion}, the others as they are stored: what
     * leaving a field on the Contact Card saves. Refusals as {@link #update}.
     */
    public Contact updateField(String no, long expectedVersion, ContactField field, String value) {
        var data = ContactData.of(get(no));
        data.set(field, value);
        return update(no, expectedVersion, data);
    }

    /** Changes the Type of a contact the caller read at {@code expectedVersion}; refusals as {@link #update}. */
    public Contact updateType(String no, long expectedVersion, ContactType type) {
        var data = ContactData.of(get(no));
        data.setType(type);
        return update(no, expectedVersion, data);
    }

    /** Changes Privacy Blocked of a contact the caller read at {@code expectedVersion}; refusals as {@link #update}. */
    public Contact updatePrivacyBlocked(String no, long expectedVersion, boolean privacyBlocked) {
        var data = ContactData.of(get(no));
        data.setPrivacyBlocked(privacyBlocked);
        return update(no, expectedVersion, data);
    }

    /**
     * What is wrong with one field of contact values not saved yet (a new contact's card, as the field is left);
     * empty when the field is valid. The rules are {@link #check}'s, nothing is stored.
     */
    public List<FieldProblem> problemsOf(ContactData data, ContactField field) {
        var contact = new Contact(data.getType());
        data.applyTo(contact);
        return check(contact).stream().filter(problem -> problem.field().equals(field.jsonName())).toList();
    }

    /** A person's Name was typed when it changed and its parts did not (Business Central's Name OnValidate). */
    private static boolean nameTyped(Contact contact, ContactData data) {
        var parts = List.of(ContactField.FIRST_NAME, ContactField.MIDDLE_NAME, ContactField.SURNAME);
        return data.getType() == ContactType.PERSON
                && (contact.isCompany() || !data.get(ContactField.NAME).strip().equals(contact.getName())
                && parts.stream().allMatch(part -> data.get(part).strip().equals(part.get(contact))));
    }

    /**
     * The problems of a Name broken down into its parts, said of Name, which the person typed: a part too long for
     * its field is refused (Business Central would cut it), a missing name is Name's; a problem Name has already
     * (characters a part took from it) is said once.
     */
    private static List<FieldProblem> onName(List<FieldProblem> problems) {
        var parts = List.of(ContactField.FIRST_NAME, ContactField.MIDDLE_NAME, ContactField.SURNAME);
        var name = ContactField.NAME.jsonName();
        var onName = new ArrayList<FieldProblem>();
        for (var problem : problems) {
            var part = ContactField.named(problem.field()).filter(parts::contains);
            var moved = part.isEmpty() ? problem
                    : problem.message().key().equals(ContactField.TOO_LONG)
                    ? new FieldProblem(name, ContactMessages.of("contact.validation.namePartTooLong",
                            ContactMessages.of(part.get().captionKey()), part.get().maxLength()))
                    : new FieldProblem(name, problem.message());
            if (!onName.contains(moved)) {
                onName.add(moved);
            }
        }
        return onName;
    }

    /**
     * Deletes a contact. A company with persons needs a choice: delete them too, or keep them without a company;
     * without one the deletion is refused (CONFLICT) and nothing changes.
     */
    public void delete(String no, Optional<CompanyPersonsChoice> personsChoice) {
        var contact = get(no);
        if (contact.isCompany()) {
            var persons = contacts.personsOf(contact.getNo());
            if (!persons.isEmpty() && personsChoice.isEmpty()) {
                throw new ApplicationException(Kind.CONFLICT,
                        ContactMessages.of("contact.delete.companyHasPersons", contact.getName(), persons.size()));
            }
            for (var person : persons) {
                if (personsChoice.orElseThrow() == CompanyPersonsChoice.DELETE) {
                    contacts.remove(person);
                } else {
                    person.setCompanyNo("");
                    person.setCompanyName("");
                }
            }
        }
        contacts.remove(contact);
        contacts.flush();
    }

    /** The current Name of each of these contacts that exists, by No.: for pages that list contacts by No. */
    public Map<String, String> names(Collection<String> nos) {
        return contacts.findByNos(nos).stream().collect(Collectors.toMap(Contact::getNo, Contact::getName));
    }

    /** How many persons a company has; the Contact Card asks what to do with them before deleting it. */
    public long personCount(String companyNo) {
        return contacts.count(ContactFilter.NONE.withCompanyNo(companyNo).withType(Optional.of(ContactType.PERSON)));
    }

    /**
     * Bean Validation on the fields, then the rules that need names or the database; a valid person with a Company
     * No. takes its company's Company Name. Empty when the contact may be saved.
     */
    public List<FieldProblem> check(Contact contact) {
        var problems = new ArrayList<FieldProblem>();
        validator.validate(contact).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ContactService::toProblem)
                .forEach(problems::add);
        if (contact.getName().isEmpty() && ContactNames.calculatedName(contact.getFirstName(),
                contact.getMiddleName(), contact.getSurname()).isEmpty()) {
            problems.add(new FieldProblem(contact.isCompany() ? "name" : "surname",
                    ContactMessages.of(contact.isCompany() ? "contact.validation.nameRequired"
                            : "contact.validation.personNameRequired")));
        }
        if (!contact.isCompany() && !contact.getCompanyNo().isEmpty()) {
            checkCompany(contact).ifPresent(problems::add);
        }
        return problems;
    }

    /** A person's Company No. must be a company contact; the person then takes its Company Name. */
    private Optional<FieldProblem> checkCompany(Contact person) {
        var company = contacts.findByNo(person.getCompanyNo());
        if (company.isEmpty() || !company.get().isCompany()) {
            return Optional.of(new FieldProblem("companyNo",
                    ContactMessages.of("contact.validation.companyNo", person.getCompanyNo())));
        }
        person.setCompanyName(company.get().getName());
        return Optional.empty();
    }

    /** A violation as a field problem; "too long" says the field's length, which the catalogue knows. */
    private static FieldProblem toProblem(ConstraintViolation<Contact> violation) {
        var template = violation.getMessageTemplate();
        var key = template.substring(1, template.length() - 1);
        var field = violation.getPropertyPath().toString();
        var message = ContactField.named(field).filter(f -> key.equals(ContactField.TOO_LONG))
                .map(f -> ContactMessages.of(key, f.maxLength()))
                .orElseGet(() -> ContactMessages.of(key));
        return new FieldProblem(field, message);
    }

    private static ApplicationException invalid(List<FieldProblem> problems) {
        return new ApplicationException(Kind.INVALID, ContactMessages.of("contact.invalid"), problems);
    }

    private static ApplicationException changedBySomeoneElse(String no) {
        return new ApplicationException(Kind.CONFLICT, ContactMessages.of("contact.changedBySomeoneElse", no));
    }
}

package org.contactsync.contact;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.contactsync.contact.filter.FilterCriteria;
import org.contactsync.platform.EntityRepository;

/**
 * Reads and writes contacts and takes numbers from their number series. Every query is built with the Criteria
 * API from a {@link ContactFilter} and {@link ContactSort}: user input only ever reaches the database as bound
 * parameters. The filters compare upper-case copies of the columns; the search box looks in one of them,
 * {@code searchText}, which holds every searchable value.
 */
@Dependent
public class ContactRepository extends EntityRepository {

    /** Keeps IN lists well below every database's parameter limit. */
    private static final int IN_LIST_SIZE = 500;

    @Inject
    public ContactRepository(EntityManager em) {
        super(em);
    }

    public Optional<Contact> findByNo(String no) {
        return Optional.ofNullable(em.find(Contact.class, no.strip().toUpperCase(Locale.ROOT)));
    }

    /** One page of contacts in the given order. */
    public List<Contact> find(ContactFilter filter, ContactSort sort, int offset, int limit) {
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Contact.class);
        var contact = query.from(Contact.class);
        query.select(contact).where(predicates(cb, contact, filter)).orderBy(order(cb, contact, sort));
        return em.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(ContactFilter filter) {
        var cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        var contact = query.from(Contact.class);
        query.select(cb.count(contact)).where(predicates(cb, contact, filter));
        return em.createQuery(query).getSingleResult();
    }

    /** The persons who belong to a company. */
    public List<Contact> personsOf(String companyNo) {
        var filter = ContactFilter.NONE.withCompanyNo(companyNo).withType(Optional.of(ContactType.PERSON));
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Contact.class);
        var contact = query.from(Contact.class);
        query.select(contact).where(predicates(cb, contact, filter)).orderBy(cb.asc(contact.get("no")));
        return em.createQuery(query).getResultList();
    }

    /** Every contact the predicate lets through, by No. (the sync's filter is such a predicate). */
    public List<Contact> findMatching(BiFunction<CriteriaBuilder, Root<Contact>, Predicate> predicate) {
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Contact.class);
        var contact = query.from(Contact.class);
        query.select(contact).where(predicate.apply(cb, contact)).orderBy(cb.asc(contact.get("no")));
        return em.createQuery(query).getResultList();
    }

    /** The contacts with these Nos., as many as there are. */
    public List<Contact> findByNos(Collection<String> nos) {
        return inChunks(nos, chunk -> em.createQuery("select c from Contact c where c.no in :nos", Contact.class)
                .setParameter("nos", chunk).getResultList());
    }

    /** The contacts whose E-Mail, upper-cased as {@code searchEmail} keeps it, is one of these, by No. */
    public List<Contact> findByUpperCaseEmails(Collection<String> upperCaseEmails) {
        return inChunks(upperCaseEmails, chunk -> em.createQuery(
                "select c from Contact c where c.searchEmail in :emails order by c.no", Contact.class)
                .setParameter("emails", chunk).getResultList());
    }

    /** The company contact of that name (ignoring case), when exactly one has it: Business Central's lookup. */
    public Optional<Contact> onlyCompanyNamed(String name) {
        if (name.isBlank()) {
            return Optional.empty();
        }
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Contact.class);
        var contact = query.from(Contact.class);
        query.select(contact).where(cb.equal(contact.get("type"), ContactType.COMPANY),
                cb.equal(contact.get("searchName"), name.strip().toUpperCase(Locale.ROOT)));
        List<Contact> companies = em.createQuery(query).setMaxResults(2).getResultList();
        return companies.size() == 1 ? Optional.of(companies.get(0)) : Optional.empty();
    }

    private static List<Contact> inChunks(Collection<String> keys, Function<List<String>, List<Contact>> query) {
        List<String> all = List.copyOf(keys);
        List<Contact> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST_SIZE) {
            found.addAll(query.apply(all.subList(from, Math.min(all.size(), from + IN_LIST_SIZE))));
        }
        return found;
    }

    public void add(Contact contact) {
        em.persist(contact);
    }

    public void remove(Contact contact) {
        em.remove(contact);
    }

    /** Throws away the contact's unsaved changes: it is as the database has it. */
    public void refresh(Contact contact) {
        em.refresh(contact);
    }

    /**
     * Takes the next number of a series under a row lock (SELECT ... FOR UPDATE) held until the caller's
     * transaction ends: a concurrent create waits and then gets the following number.
     */
    public String nextNo(String seriesCode) {
        var series = em.find(NumberSeries.class, seriesCode, LockModeType.PESSIMISTIC_WRITE);
        if (series == null) {
            throw new IllegalStateException("Number series " + seriesCode + " is missing");
        }
        return series.takeNext();
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<Contact> contact, ContactFilter filter) {
        var where = new ArrayList<Predicate>();
        if (!filter.search().isEmpty()) {
            // One column holds all searchable values: one LIKE, which PostgreSQL answers from a trigram index.
            where.add(cb.like(contact.get("searchText"), containsPattern(filter.search()), FilterCriteria.LIKE_ESCAPE));
        }
        filter.type().ifPresent(type -> where.add(cb.equal(contact.get("type"), type)));
        filter.columnExpressions().forEach((column, expression) ->
                where.add(FilterCriteria.predicate(cb, filterColumn(cb, contact, column), expression)));
        if (!filter.companyNo().isEmpty()) {
            where.add(cb.equal(contact.get("companyNo"), filter.companyNo().toUpperCase(Locale.ROOT)));
        }
        filter.modifiedSince().ifPresent(since -> where.add(cb.greaterThanOrEqualTo(
                contact.<LocalDateTime>get("lastModifiedAt"), LocalDateTime.ofInstant(since, ZoneOffset.UTC))));
        return where.toArray(Predicate[]::new);
    }

    /** A column filter's column: codes stored upper-case; texts with their upper-cased copy for ignoring case. */
    private static FilterCriteria.Column filterColumn(CriteriaBuilder cb, Root<Contact> contact, String column) {
        return switch (column) {
            case "no", "salespersonCode", "territoryCode" -> FilterCriteria.Column.code(contact.get(column));
            case "name" -> FilterCriteria.Column.text(contact.get("name"), contact.get("searchName"));
            case "companyName" -> FilterCriteria.Column.text(contact.get("companyName"),
                    contact.get("searchCompanyName"));
            case "email" -> FilterCriteria.Column.text(contact.get("email"), contact.get("searchEmail"));
            case "city" -> FilterCriteria.Column.text(contact.get("city"), contact.get("searchCity"));
            case "phoneNo" -> FilterCriteria.Column.text(contact.get("phoneNo"), cb.upper(contact.get("phoneNo")));
            default -> throw new IllegalArgumentException("No column filter " + column);
        };
    }

    /** Upper-cased, LIKE wildcards in the user's text escaped, then "anywhere in the text". */
    static String containsPattern(String text) {
        return "%" + FilterCriteria.escapeLike(text.strip().toUpperCase(Locale.ROOT)) + "%";
    }

    private static List<Order> order(CriteriaBuilder cb, Root<Contact> contact, ContactSort sort) {
        var orders = new ArrayList<Order>();
        for (var attribute : ContactSort.ATTRIBUTES.get(sort.field())) {
            orders.add(sort.ascending() ? cb.asc(contact.get(attribute)) : cb.desc(contact.get(attribute)));
        }
        orders.add(sort.ascending() ? cb.asc(contact.get("no")) : cb.desc(contact.get("no")));
        return orders;
    }
}

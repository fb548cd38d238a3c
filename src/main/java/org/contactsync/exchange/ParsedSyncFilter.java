package org.contactsync.exchange;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.contactsync.contact.Contact;
import org.contactsync.contact.filter.FilterCriteria;
import org.contactsync.contact.filter.FilterExpression;

/**
 * A checked {@link SyncFilter}: a parsed expression per filtered field, turned into a JPA Criteria predicate on
 * {@link Contact} by {@link FilterCriteria} (the Contact List's column filters use the same translation).
 */
public final class ParsedSyncFilter {

    private final Map<FilterField, FilterExpression> expressions;

    ParsedSyncFilter(Map<FilterField, FilterExpression> expressions) {
        var copy = new EnumMap<FilterField, FilterExpression>(FilterField.class);
        copy.putAll(expressions);
        this.expressions = Collections.unmodifiableMap(copy);
    }

    /** The contacts the filter lets through (all of them for an empty filter); for the sync engine's query too. */
    public Predicate toPredicate(CriteriaBuilder cb, Root<Contact> contact) {
        var fieldPredicates = new ArrayList<Predicate>();
        expressions.forEach((field, expression) -> fieldPredicates.add(field.kind == FilterField.Kind.OPTION
                ? contact.get(field.attribute).in(ContactTypeFilter.matchingTypes(expression))
                : FilterCriteria.predicate(cb, column(cb, contact, field), expression)));
        return cb.and(fieldPredicates.toArray(Predicate[]::new));
    }

    /** A text or code field as the translation sees it: codes upper-case, text with its upper-cased copy for @. */
    private static FilterCriteria.Column column(CriteriaBuilder cb, Root<Contact> contact, FilterField field) {
        Expression<String> stored = contact.get(field.attribute);
        return field.kind == FilterField.Kind.CODE ? FilterCriteria.Column.code(stored)
                : FilterCriteria.Column.text(stored, field.upperCaseAttribute.<Expression<String>>map(contact::get)
                        .orElseGet(() -> cb.upper(stored)));
    }
}

package org.contactsync.exchange;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.contactsync.contact.ContactType;
import org.contactsync.contact.filter.FilterExpression;
import org.contactsync.contact.filter.FilterExpression.AllOf;
import org.contactsync.contact.filter.FilterExpression.AnyOf;
import org.contactsync.contact.filter.FilterExpression.Comparison;
import org.contactsync.contact.filter.FilterExpression.Operator;

/**
 * A filter on Contact Type, which has two values: evaluated here against both, so the query only asks for
 * {@code type in (...)}. Takes {@code Company} and {@code Person} in any case, or Business Central's option numbers
 * {@code 0} and {@code 1}, with equal or not equal, combined with {@code |} and {@code &}.
 */
final class ContactTypeFilter {

    private ContactTypeFilter() {
    }

    /** Anything else than an option value compared with = or &lt;&gt; (a range, {@code <}, a wildcard, a typo). */
    static final class NotAnOptionException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotAnOptionException() {
            super("Contact Type takes Company or Person with = or <>");
        }
    }

    static Set<ContactType> matchingTypes(FilterExpression expression) {
        var matching = EnumSet.noneOf(ContactType.class);
        for (var type : ContactType.values()) {
            if (matches(expression, type)) {
                matching.add(type);
            }
        }
        return matching;
    }

    private static boolean matches(FilterExpression expression, ContactType type) {
        if (expression instanceof AnyOf any) {
            // Evaluate every alternative (no short cut), so that an invalid one is reported either way.
            return any.alternatives().stream().map(e -> matches(e, type)).reduce(false, Boolean::logicalOr);
        }
        if (expression instanceof AllOf all) {
            return all.conditions().stream().map(e -> matches(e, type)).reduce(true, Boolean::logicalAnd);
        }
        if (expression instanceof Comparison comparison && !comparison.value().hasWildcards()
                && (comparison.operator() == Operator.EQUAL || comparison.operator() == Operator.NOT_EQUAL)) {
            boolean equal = option(comparison.value().literalText()) == type;
            return comparison.operator() == Operator.EQUAL ? equal : !equal;
        }
        throw new NotAnOptionException();
    }

    private static ContactType option(String value) {
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "COMPANY", "0" -> ContactType.COMPANY;
            case "PERSON", "1" -> ContactType.PERSON;
            default -> throw new NotAnOptionException();
        };
    }
}

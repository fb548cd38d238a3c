package org.contactsync.exchange;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.contactsync.contact.Contact;
import org.contactsync.exchange.filter.FilterExpression;
import org.contactsync.exchange.filter.FilterExpression.AllOf;
import org.contactsync.exchange.filter.FilterExpression.AnyOf;
import org.contactsync.exchange.filter.FilterExpression.Comparison;
import org.contactsync.exchange.filter.FilterExpression.Range;
import org.contactsync.exchange.filter.FilterText;

/**
 * A checked {@link SyncFilter}: a parsed expression per filtered field, turned into a JPA Criteria predicate on
 * {@link Contact}. Every value reaches the database as a bound parameter; wildcards become LIKE patterns in which
 * the user's own {@code %}, {@code _} and {@code \} are escaped.
 */
public final class ParsedSyncFilter {

    static final char LIKE_ESCAPE = '\\';

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
                : new FieldTranslation(cb, contact, field).predicate(expression)));
        return cb.and(fieldPredicates.toArray(Predicate[]::new));
    }

    /** One text or code field's expression in Criteria terms. */
    private record FieldTranslation(CriteriaBuilder cb, Root<Contact> contact, FilterField field) {

        Predicate predicate(FilterExpression expression) {
            if (expression instanceof AnyOf any) {
                return cb.or(all(any.alternatives()));
            }
            if (expression instanceof AllOf all) {
                return cb.and(all(all.conditions()));
            }
            if (expression instanceof Comparison comparison) {
                return comparison(comparison);
            }
            return range((Range) expression);
        }

        private Predicate[] all(List<FilterExpression> expressions) {
            return expressions.stream().map(this::predicate).toArray(Predicate[]::new);
        }

        private Predicate comparison(Comparison comparison) {
            var column = column(comparison.ignoreCase());
            var value = comparison.value();
            if (value.hasWildcards()) {
                var pattern = likePattern(value, comparison.ignoreCase());
                return switch (comparison.operator()) {
                    case EQUAL -> cb.like(column, pattern, LIKE_ESCAPE);
                    case NOT_EQUAL -> cb.notLike(column, pattern, LIKE_ESCAPE);
                    default -> throw new IllegalStateException("The parser allows wildcards only with = and <>");
                };
            }
            var text = value(value, comparison.ignoreCase());
            return switch (comparison.operator()) {
                case EQUAL -> cb.equal(column, text);
                case NOT_EQUAL -> cb.notEqual(column, text);
                case LESS -> cb.lessThan(column, text);
                case LESS_OR_EQUAL -> cb.lessThanOrEqualTo(column, text);
                case GREATER -> cb.greaterThan(column, text);
                case GREATER_OR_EQUAL -> cb.greaterThanOrEqualTo(column, text);
            };
        }

        private Predicate range(Range range) {
            var column = column(range.ignoreCase());
            var bounds = new ArrayList<Predicate>();
            range.from().ifPresent(from -> bounds.add(
                    cb.greaterThanOrEqualTo(column, value(from, range.ignoreCase()))));
            range.to().ifPresent(to -> bounds.add(cb.lessThanOrEqualTo(column, value(to, range.ignoreCase()))));
            return cb.and(bounds.toArray(Predicate[]::new));
        }

        /** Codes are stored upper-case; text ignoring case uses the upper-cased copy when Contact keeps one. */
        private Expression<String> column(boolean ignoreCase) {
            if (field.kind == FilterField.Kind.TEXT && ignoreCase) {
                return field.upperCaseAttribute.<Expression<String>>map(contact::get)
                        .orElseGet(() -> cb.upper(contact.get(field.attribute)));
            }
            return contact.get(field.attribute);
        }

        private boolean upperCase(boolean ignoreCase) {
            return field.kind == FilterField.Kind.CODE || ignoreCase;
        }

        private String value(FilterText text, boolean ignoreCase) {
            var literal = text.literalText();
            return upperCase(ignoreCase) ? literal.toUpperCase(Locale.ROOT) : literal;
        }

        private String likePattern(FilterText text, boolean ignoreCase) {
            var pattern = new StringBuilder();
            for (var part : text.parts()) {
                if (part instanceof FilterText.Literal literal) {
                    var chars = upperCase(ignoreCase) ? literal.text().toUpperCase(Locale.ROOT) : literal.text();
                    pattern.append(escapeLike(chars));
                } else {
                    pattern.append(part == FilterText.Wildcard.ANY_RUN ? '%' : '_');
                }
            }
            return pattern.toString();
        }
    }

    static String escapeLike(String literal) {
        return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

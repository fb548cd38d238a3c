package org.contactsync.contact.filter;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.contactsync.contact.filter.FilterExpression.AllOf;
import org.contactsync.contact.filter.FilterExpression.AnyOf;
import org.contactsync.contact.filter.FilterExpression.Comparison;
import org.contactsync.contact.filter.FilterExpression.Range;

/**
 * A {@link FilterExpression} on one column as a JPA Criteria predicate, as Business Central means it: code columns
 * hold upper case, so their values are upper-cased; text columns compare as typed unless the condition starts with
 * {@code @}. Every value reaches the database as a bound parameter; wildcards become LIKE patterns in which the
 * user's own {@code %}, {@code _} and {@code \} are escaped. Contact Sync Setup's filter and the Contact List's
 * column filters both go through here.
 */
public final class FilterCriteria {

    public static final char LIKE_ESCAPE = '\\';

    /**
     * A column to filter: as stored, and upper-cased (a kept copy, or {@code upper(column)}) for {@code @}. A code
     * column is stored in upper case; {@code @} changes nothing there.
     */
    public record Column(Expression<String> stored, Expression<String> upperCased, boolean code) {

        public static Column code(Expression<String> stored) {
            return new Column(stored, stored, true);
        }

        public static Column text(Expression<String> stored, Expression<String> upperCased) {
            return new Column(stored, upperCased, false);
        }
    }

    private FilterCriteria() {
    }

    /** The rows whose column the expression lets through. */
    public static Predicate predicate(CriteriaBuilder cb, Column column, FilterExpression expression) {
        return new Translation(cb, column).predicate(expression);
    }

    /** The literal as LIKE reads it: its {@code %}, {@code _} and {@code \} escaped with {@link #LIKE_ESCAPE}. */
    public static String escapeLike(String literal) {
        return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Translation(CriteriaBuilder cb, Column column) {

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
            var compared = column(comparison.ignoreCase());
            var value = comparison.value();
            if (value.hasWildcards()) {
                var pattern = likePattern(value, comparison.ignoreCase());
                return switch (comparison.operator()) {
                    case EQUAL -> cb.like(compared, pattern, LIKE_ESCAPE);
                    case NOT_EQUAL -> cb.notLike(compared, pattern, LIKE_ESCAPE);
                    default -> throw new IllegalStateException("The parser allows wildcards only with = and <>");
                };
            }
            var text = value(value, comparison.ignoreCase());
            return switch (comparison.operator()) {
                case EQUAL -> cb.equal(compared, text);
                case NOT_EQUAL -> cb.notEqual(compared, text);
                case LESS -> cb.lessThan(compared, text);
                case LESS_OR_EQUAL -> cb.lessThanOrEqualTo(compared, text);
                case GREATER -> cb.greaterThan(compared, text);
                case GREATER_OR_EQUAL -> cb.greaterThanOrEqualTo(compared, text);
            };
        }

        private Predicate range(Range range) {
            var compared = column(range.ignoreCase());
            var bounds = new ArrayList<Predicate>();
            range.from().ifPresent(from -> bounds.add(
                    cb.greaterThanOrEqualTo(compared, value(from, range.ignoreCase()))));
            range.to().ifPresent(to -> bounds.add(cb.lessThanOrEqualTo(compared, value(to, range.ignoreCase()))));
            return cb.and(bounds.toArray(Predicate[]::new));
        }

        private Expression<String> column(boolean ignoreCase) {
            return !column.code() && ignoreCase ? column.upperCased() : column.stored();
        }

        private boolean upperCase(boolean ignoreCase) {
            return column.code() || ignoreCase;
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
}

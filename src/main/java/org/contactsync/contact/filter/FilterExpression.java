package org.contactsync.contact.filter;

import java.util.List;
import java.util.Optional;

/** A parsed Business Central filter expression on one field (the tree {@link FilterParser} builds). */
public sealed interface FilterExpression {

    /** {@code A|B}: any of the alternatives. */
    record AnyOf(List<FilterExpression> alternatives) implements FilterExpression {
        public AnyOf {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** {@code A&B}: all of the conditions. */
    record AllOf(List<FilterExpression> conditions) implements FilterExpression {
        public AllOf {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * {@code X}, {@code =X}, {@code <>X}, {@code <X}, {@code <=X}, {@code >X}, {@code >=X}; a value with wildcards
     * only with equal or not equal. {@code ignoreCase} is BC's {@code @}.
     */
    record Comparison(Operator operator, FilterText value, boolean ignoreCase) implements FilterExpression {
    }

    /** {@code X..Y}, {@code ..Y}, {@code X..}: both ends included, at least one end present. */
    record Range(Optional<FilterText> from, Optional<FilterText> to, boolean ignoreCase) implements FilterExpression {
    }

    enum Operator {
        EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        public final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** Only equality takes wildcards (as a pattern match), as in Business Central. */
        public boolean takesWildcards() {
            return this == EQUAL || this == NOT_EQUAL;
        }
    }
}

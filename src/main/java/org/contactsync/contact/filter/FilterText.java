package org.contactsync.contact.filter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A value of a filter: literal text and the wildcards {@code *} (any run of characters) and {@code ?} (exactly one
 * character). Every character of a literal is meant literally, whatever it means to SQL ({@code %}, {@code _},
 * quotes, backslashes).
 */
public record FilterText(List<Part> parts) {

    /** A piece of a value. */
    public sealed interface Part permits Literal, Wildcard {
    }

    public record Literal(String text) implements Part {
    }

    public enum Wildcard implements Part {
        /** {@code *} */
        ANY_RUN,
        /** {@code ?} */
        ANY_ONE
    }

    public FilterText {
        parts = List.copyOf(parts);
    }

    public static FilterText literal(String text) {
        return new FilterText(text.isEmpty() ? List.of() : List.of(new Literal(text)));
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(Wildcard.class::isInstance);
    }

    /** The text without its wildcards; for a value without wildcards, the value itself. */
    public String literalText() {
        return parts.stream().filter(Literal.class::isInstance).map(p -> ((Literal) p).text())
                .collect(Collectors.joining());
    }

    /** The value as the user would write it (wildcards as {@code *} and {@code ?}); for messages and tests. */
    @Override
    public String toString() {
        return parts.stream()
                .map(p -> p instanceof Literal literal ? literal.text() : p == Wildcard.ANY_RUN ? "*" : "?")
                .collect(Collectors.joining());
    }
}

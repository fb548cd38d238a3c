package org.contactsync.contact.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.contactsync.contact.filter.FilterExpression.AllOf;
import org.contactsync.contact.filter.FilterExpression.AnyOf;
import org.contactsync.contact.filter.FilterExpression.Comparison;
import org.contactsync.contact.filter.FilterExpression.Operator;
import org.contactsync.contact.filter.FilterExpression.Range;
import org.contactsync.contact.filter.FilterSyntaxException.Problem;
import org.contactsync.contact.filter.FilterText.Literal;
import org.contactsync.contact.filter.FilterText.Wildcard;

/**
 * Parses Business Central's filter syntax for one field into a {@link FilterExpression}. Hand-written because no
 * library knows this syntax; it is a small recursive-descent parser with no knowledge of databases.
 *
 * <p>Supported, as Business Central documents it ("Sorting, searching, and filtering lists"):
 * <pre>
 *   expression := alternative ('|' alternative)*       A|B      either
 *   alternative := term ('&amp;' term)*                 &gt;A&amp;&lt;C   both
 *   term       := '(' expression ')' | condition       30|(&gt;=10&amp;&lt;=20)
 *   condition  := ['@'] ( operator value                =X &lt;&gt;X &lt;X &lt;=X &gt;X &gt;=X
 *                       | value '..' [value]           X..Y  X..
 *                       | '..' value                   ..Y
 *                       | value )                      X (equal)
 *   value      := quoted | plain                       '' is the empty value
 * </pre>
 * A plain value runs to the next {@code | & ( )} or {@code ..}; its leading and trailing spaces are dropped; in it
 * {@code *} stands for any run of characters and {@code ?} for exactly one, every other character for itself
 * (an apostrophe inside a plain value, as in O'Brien, too). A quoted value starts with {@code '} and ends at the
 * next single {@code '}; inside it every character is literal, wildcards and operators included, and {@code ''}
 * stands for one apostrophe. {@code @} makes the condition ignore case. Wildcards are allowed with equal and not
 * equal only.
 */
public final class FilterParser {

    /** As long as Business Central's filter fields on a page. */
    public static final int MAX_LENGTH = 250;

    private final String input;
    private int pos;

    private FilterParser(String input) {
        this.input = input;
    }

    /** The expression, or empty when the text is blank (no filter). */
    public static Optional<FilterExpression> parse(String text) throws FilterSyntaxException {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.length() > MAX_LENGTH) {
            throw new FilterSyntaxException(Problem.TOO_LONG, MAX_LENGTH + 1);
        }
        var parser = new FilterParser(text);
        var expression = parser.expression();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.error(Problem.UNEXPECTED_CHARACTER);
        }
        return Optional.of(expression);
    }

    private FilterExpression expression() throws FilterSyntaxException {
        var alternatives = new ArrayList<FilterExpression>();
        alternatives.add(alternative());
        while (take("|")) {
            alternatives.add(alternative());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
    }

    private FilterExpression alternative() throws FilterSyntaxException {
        var conditions = new ArrayList<FilterExpression>();
        conditions.add(term());
        while (take("&")) {
            conditions.add(term());
        }
        return conditions.size() == 1 ? conditions.get(0) : new AllOf(conditions);
    }

    private FilterExpression term() throws FilterSyntaxException {
        skipSpaces();
        if (take("(")) {
            var inner = expression();
            skipSpaces();
            if (!take(")")) {
                throw error(atEnd() ? Problem.MISSING_CLOSING_PARENTHESIS : Problem.UNEXPECTED_CHARACTER);
            }
            return inner;
        }
        return condition();
    }

    private FilterExpression condition() throws FilterSyntaxException {
        skipSpaces();
        if (atEnd() || atDelimiter() && !input.startsWith("..", pos)) {
            throw error(Problem.EMPTY_CONDITION);
        }
        boolean ignoreCase = take("@");
        var operator = operator();
        if (operator.isPresent()) {
            int at = pos;
            var value = value().orElseThrow(() -> new FilterSyntaxException(Problem.MISSING_VALUE, at + 1));
            if (value.hasWildcards() && !operator.get().takesWildcards()) {
                throw new FilterSyntaxException(Problem.WILDCARD_NOT_ALLOWED, at + 1);
            }
            return new Comparison(operator.get(), value, ignoreCase);
        }
        int fromAt = pos;
        var from = value();
        if (take("..")) {
            int toAt = pos;
            var to = value();
            if (from.isEmpty() && to.isEmpty()) {
                throw new FilterSyntaxException(Problem.MISSING_VALUE, toAt + 1);
            }
            requireNoWildcards(from, fromAt);
            requireNoWildcards(to, toAt);
            return new Range(from, to, ignoreCase);
        }
        return new Comparison(Operator.EQUAL, from.orElseThrow(() -> error(Problem.EMPTY_CONDITION)), ignoreCase);
    }

    private static void requireNoWildcards(Optional<FilterText> value, int at) throws FilterSyntaxException {
        if (value.filter(FilterText::hasWildcards).isPresent()) {
            throw new FilterSyntaxException(Problem.WILDCARD_NOT_ALLOWED, at + 1);
        }
    }

    private Optional<Operator> operator() {
        // Longest first, so that <> and <= are not read as <.
        for (var symbol : List.of("<>", "<=", ">=", "<", ">", "=")) {
            if (take(symbol)) {
                return Optional.of(switch (symbol) {
                    case "<>" -> Operator.NOT_EQUAL;
                    case "<=" -> Operator.LESS_OR_EQUAL;
                    case ">=" -> Operator.GREATER_OR_EQUAL;
                    case "<" -> Operator.LESS;
                    case ">" -> Operator.GREATER;
                    default -> Operator.EQUAL;
                });
            }
        }
        return Optional.empty();
    }

    /** A quoted or plain value; empty when there is none before the next delimiter. */
    private Optional<FilterText> value() throws FilterSyntaxException {
        skipSpaces();
        if (!atEnd() && input.charAt(pos) == '\'') {
            return Optional.of(quoted());
        }
        return plain();
    }

    private FilterText quoted() throws FilterSyntaxException {
        int start = pos;
        pos++;
        var text = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new FilterSyntaxException(Problem.UNCLOSED_QUOTE, start + 1);
            }
            char c = input.charAt(pos++);
            if (c != '\'') {
                text.append(c);
            } else if (!atEnd() && input.charAt(pos) == '\'') {
                text.append('\'');
                pos++;
            } else {
                break;
            }
        }
        skipSpaces();
        if (!atEnd() && !atDelimiter()) {
            throw error(Problem.UNEXPECTED_CHARACTER);
        }
        return FilterText.literal(text.toString());
    }

    private Optional<FilterText> plain() {
        int start = pos;
        while (!atEnd() && !atDelimiter()) {
            pos++;
        }
        var raw = input.substring(start, pos).strip();
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        var parts = new ArrayList<FilterText.Part>();
        var literal = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(c == '*' ? Wildcard.ANY_RUN : Wildcard.ANY_ONE);
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return Optional.of(new FilterText(parts));
    }

    private boolean atDelimiter() {
        char c = input.charAt(pos);
        return c == '|' || c == '&' || c == '(' || c == ')' || input.startsWith("..", pos);
    }

    private boolean take(String symbol) {
        skipSpaces();
        if (input.startsWith(symbol, pos)) {
            pos += symbol.length();
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (!atEnd() && input.charAt(pos) == ' ') {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private FilterSyntaxException error(Problem problem) {
        return new FilterSyntaxException(problem, pos + 1);
    }
}

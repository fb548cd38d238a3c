package org.contactsync.contact.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    private static FilterExpression parse(String text) throws FilterSyntaxException {
        return FilterParser.parse(text).orElseThrow();
    }

    private static Comparison equal(String value) {
        return new Comparison(Operator.EQUAL, FilterText.literal(value), false);
    }

    private static Optional<FilterText> text(String value) {
        return Optional.of(FilterText.literal(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankIsNoFilter(String text) throws FilterSyntaxException {
        assertEquals(Optional.empty(), FilterParser.parse(text));
        assertEquals(Optional.empty(), FilterParser.parse(null));
    }

    @Test
    void plainValueIsEquality() throws FilterSyntaxException {
        assertEquals(equal("CT000010"), parse("CT000010"));
        assertEquals(equal("Alice Andersson"), parse("  Alice Andersson "));
    }

    @Test
    void wildcards() throws FilterSyntaxException {
        assertEquals(new Comparison(Operator.EQUAL,
                new FilterText(List.of(new Literal("A"), Wildcard.ANY_RUN)), false), parse("A*"));
        assertEquals(new Comparison(Operator.EQUAL,
                new FilterText(List.of(Wildcard.ANY_RUN, new Literal("son"))), false), parse("*son"));
        assertEquals(new Comparison(Operator.EQUAL,
                new FilterText(List.of(Wildcard.ANY_RUN, new Literal("ab"), Wildcard.ANY_RUN)), false), parse("*ab*"));
        assertEquals(new Comparison(Operator.EQUAL,
                new FilterText(List.of(new Literal("Hans"), Wildcard.ANY_ONE, new Literal("n"))), false),
                parse("Hans?n"));
    }

    @Test
    void ranges() throws FilterSyntaxException {
        assertEquals(new Range(text("10000"), text("20000"), false), parse("10000..20000"));
        assertEquals(new Range(Optional.empty(), text("X"), false), parse("..X"));
        assertEquals(new Range(text("X"), Optional.empty(), false), parse("X.."));
        assertEquals(new Range(text("A"), text("C"), false), parse(" A .. C "));
    }

    @ParameterizedTest
    @CsvSource({"<>X,NOT_EQUAL", ">X,GREATER", ">=X,GREATER_OR_EQUAL", "<X,LESS", "<=X,LESS_OR_EQUAL", "=X,EQUAL"})
    void comparisons(String text, Operator operator) throws FilterSyntaxException {
        assertEquals(new Comparison(operator, FilterText.literal("X"), false), parse(text));
    }

    @Test
    void notEqualTakesWildcards() throws FilterSyntaxException {
        assertEquals(new Comparison(Operator.NOT_EQUAL,
                new FilterText(List.of(new Literal("A"), Wildcard.ANY_RUN)), false), parse("<>A*"));
    }

    @Test
    void emptyValue() throws FilterSyntaxException {
        assertEquals(new Comparison(Operator.EQUAL, FilterText.literal(""), false), parse("''"));
        assertEquals(new Comparison(Operator.NOT_EQUAL, FilterText.literal(""), false), parse("<>''"));
    }

    @Test
    void alternativesAndConjunctions() throws FilterSyntaxException {
        assertEquals(new AnyOf(List.of(equal("A"), equal("B"))), parse("A|B"));
        assertEquals(new AllOf(List.of(new Comparison(Operator.GREATER, FilterText.literal("A"), false),
                new Comparison(Operator.LESS, FilterText.literal("C"), false))), parse(">A&<C"));
        // & binds tighter than |, as in Business Central.
        assertEquals(new AnyOf(List.of(equal("A"), new AllOf(List.of(equal("B"), equal("C"))))), parse("A|B&C"));
    }

    @Test
    void parenthesesGroup() throws FilterSyntaxException {
        assertEquals(new AnyOf(List.of(equal("30"), new AllOf(List.of(
                        new Comparison(Operator.GREATER_OR_EQUAL, FilterText.literal("10"), false),
                        new Comparison(Operator.LESS_OR_EQUAL, FilterText.literal("20"), false))))),
                parse("30|(>=10&<=20)"));
        assertEquals(new AllOf(List.of(new AnyOf(List.of(equal("A"), equal("B"))), equal("C"))), parse("(A|B)&C"));
    }

    @Test
    void atIgnoresCase() throws FilterSyntaxException {
        assertEquals(new Comparison(Operator.EQUAL,
                new FilterText(List.of(new Literal("lo"), Wildcard.ANY_RUN)), true), parse("@lo*"));
        assertEquals(new Comparison(Operator.NOT_EQUAL, FilterText.literal("x"), true), parse("@<>x"));
        assertEquals(new Range(text("a"), text("c"), true), parse("@a..c"));
    }

    @Test
    void theNumbersOfTwoSeries() throws FilterSyntaxException {
        assertEquals(new AnyOf(List.of(
                new Comparison(Operator.EQUAL, new FilterText(List.of(new Literal("CT00001"), Wildcard.ANY_RUN)), false),
                new Comparison(Operator.EQUAL, new FilterText(List.of(new Literal("CT00002"), Wildcard.ANY_RUN)), false))),
                parse("CT00001*|CT00002*"));
    }

    @Test
    void quotesMakeEverythingLiteral() throws FilterSyntaxException {
        assertEquals(equal("A&B|C*(D)..E"), parse("'A&B|C*(D)..E'"));
        assertEquals(equal("It's"), parse("'It''s'"));
        assertEquals(new Comparison(Operator.NOT_EQUAL, FilterText.literal("x|y"), false), parse("<>'x|y'"));
        assertEquals(new AnyOf(List.of(equal("a|b"), equal("c"))), parse("'a|b'|c"));
    }

    @Test
    void apostropheInsideAPlainValueIsLiteral() throws FilterSyntaxException {
        assertEquals(equal("O'Brien"), parse("O'Brien"));
    }

    @Test
    void sqlAndLikeCharactersAreLiteralText() throws FilterSyntaxException {
        assertEquals(equal("'; drop table contact; --"), parse("'''; drop table contact; --'"));
        assertEquals(new Comparison(Operator.EQUAL, new FilterText(List.of(Wildcard.ANY_RUN,
                new Literal("'; drop table contact; --"))), false), parse("*'; drop table contact; --"));
        assertEquals(equal("100%"), parse("100%"));
        assertEquals(equal("a_b"), parse("a_b"));
        assertEquals(equal("C:\\dir\\"), parse("C:\\dir\\"));
        assertEquals(equal("\" or 1=1"), parse("\" or 1=1"));
    }

    @Test
    void aSingleDotIsText() throws FilterSyntaxException {
        assertEquals(equal("Co. Ltd"), parse("Co. Ltd"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
        "'abc#UNCLOSED_QUOTE#1",
        "'; drop table contact; --#UNCLOSED_QUOTE#1",
        "(A|B#MISSING_CLOSING_PARENTHESIS#5",
        "A)|B#UNEXPECTED_CHARACTER#2",
        "'a'b#UNEXPECTED_CHARACTER#4",
        "<>#MISSING_VALUE#3",
        "A|<#MISSING_VALUE#4",
        "..#MISSING_VALUE#3",
        "A|#EMPTY_CONDITION#3",
        "|A#EMPTY_CONDITION#1",
        "A||B#EMPTY_CONDITION#3",
        "A&#EMPTY_CONDITION#3",
        "()#EMPTY_CONDITION#2",
        ">A*#WILDCARD_NOT_ALLOWED#2",
        "A*..B#WILDCARD_NOT_ALLOWED#1",
        "A..B?#WILDCARD_NOT_ALLOWED#4",
        "A..B..C#UNEXPECTED_CHARACTER#5"})
    void invalidExpressionsSayWhatAndWhere(String text, Problem problem, int position) {
        var error = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(text));
        assertEquals(problem, error.problem(), text);
        assertEquals(position, error.position(), text);
    }

    @Test
    void tooLong() {
        var error = assertThrows(FilterSyntaxException.class,
                () -> FilterParser.parse("A".repeat(FilterParser.MAX_LENGTH + 1)));
        assertEquals(Problem.TOO_LONG, error.problem());
        assertTrue(FilterParser.MAX_LENGTH >= 250);
    }
}

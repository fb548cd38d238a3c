package org.contactsync.contact.filter;

import org.contactsync.contact.ContactMessages;
import org.contactsync.platform.LocalizedMessage;

/**
 * A filter expression that is not valid Business Central filter syntax: what is wrong ({@link #problem()}) and
 * where (1-based character {@link #position()}). The caller adds the field and puts it in the reader's language.
 */
public class FilterSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What can be wrong; each has a text {@code filter.problem.<NAME>} in the contact bundle. */
    public enum Problem {
        /** A value starting with ' has no closing '. */
        UNCLOSED_QUOTE,
        /** A ( without its ). */
        MISSING_CLOSING_PARENTHESIS,
        /** A character where none of that kind may stand (for example a ) without a ( or text after a quote). */
        UNEXPECTED_CHARACTER,
        /** An operator such as {@code <>} or {@code ..} with nothing to compare to. */
        MISSING_VALUE,
        /** Nothing between two {@code |} or {@code &}, or at either end of one. */
        EMPTY_CONDITION,
        /** {@code *} or {@code ?} with {@code <}, {@code >}, {@code <=}, {@code >=} or in a range. */
        WILDCARD_NOT_ALLOWED,
        /** Longer than {@link FilterParser#MAX_LENGTH} characters. */
        TOO_LONG
    }

    private final Problem problem;
    private final int position;

    public FilterSyntaxException(Problem problem, int position) {
        super(problem + " at character " + position);
        this.problem = problem;
        this.position = position;
    }

    public Problem problem() {
        return problem;
    }

    public int position() {
        return position;
    }

    /** For the reader: "{field}: the filter "{text}" is not valid: {what is wrong} (at character {position})." */
    public LocalizedMessage message(LocalizedMessage fieldCaption, String text) {
        return ContactMessages.of("filter.invalid", fieldCaption, text, position,
                ContactMessages.of("filter.problem." + problem.name()));
    }
}

package org.contactsync.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.contactsync.contact.filter.FilterExpression;
import org.contactsync.contact.filter.FilterParser;
import org.contactsync.contact.filter.FilterSyntaxException;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;

/**
 * An employee's saved contact filter as typed: one Business Central filter expression per {@link FilterField}
 * (blank = that field does not filter). {@link #parse()} checks it and gives the form a query can use.
 */
public record SyncFilter(Map<FilterField, String> expressions) {

    public static final SyncFilter NONE = new SyncFilter(Map.of());

    public SyncFilter {
        var copy = new EnumMap<FilterField, String>(FilterField.class);
        expressions.forEach((field, text) -> {
            if (text != null && !text.isBlank()) {
                copy.put(field, text.strip());
            }
        });
        expressions = Collections.unmodifiableMap(copy);
    }

    /** The expression on the field, {@code ""} when it does not filter. */
    public String text(FilterField field) {
        return expressions.getOrDefault(field, "");
    }

    /** The checked filter; refused with one problem per invalid field (which field, what, where). */
    public ParsedSyncFilter parse() {
        var parsed = new EnumMap<FilterField, FilterExpression>(FilterField.class);
        var problems = new ArrayList<FieldProblem>();
        expressions.forEach((field, text) -> {
            try {
                FilterParser.parse(text).ifPresent(expression -> parsed.put(field, expression));
                if (field.kind == FilterField.Kind.OPTION) {
                    Optional.ofNullable(parsed.get(field)).ifPresent(ContactTypeFilter::matchingTypes);
                }
            } catch (FilterSyntaxException e) {
                problems.add(new FieldProblem(field.inputId, e.message(ExchangeMessages.of(field.captionKey()), text)));
            } catch (ContactTypeFilter.NotAnOptionException e) {
                problems.add(new FieldProblem(field.inputId, ExchangeMessages.of("filter.invalidType",
                        ExchangeMessages.of(field.captionKey()), text)));
            }
        });
        if (!problems.isEmpty()) {
            throw new ApplicationException(Kind.INVALID, ExchangeMessages.of("filter.invalidSummary"), problems);
        }
        return new ParsedSyncFilter(parsed);
    }
}

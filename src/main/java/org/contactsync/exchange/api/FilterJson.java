package org.contactsync.exchange.api;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.contactsync.exchange.ExchangeMessages;
import org.contactsync.exchange.FilterField;
import org.contactsync.exchange.SyncFilter;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;

/**
 * The contact filter in the API's JSON: an object with one expression per Contact field, keyed by the field's name
 * ({@link FilterField#attribute}: {@code territoryCode}, {@code city}, ...). The page names a filter field by its
 * input's id ({@code filterTerritoryCode}); the API names it {@code filter.territoryCode}, so refusals are renamed
 * here, in one place.
 */
final class FilterJson {

    private FilterJson() {
    }

    /** Every field, in the page's order, with its expression ({@code ""} when it does not filter). */
    static Map<String, String> of(SyncFilter filter) {
        var json = new LinkedHashMap<String, String>();
        for (var field : FilterField.values()) {
            json.put(field.attribute, filter.text(field));
        }
        return json;
    }

    /**
     * {@code current} with the expressions {@code changes} gives (a merge patch: absent fields keep theirs, empty or
     * null ones stop filtering). A field that does not exist is refused, naming it.
     */
    static SyncFilter merged(SyncFilter current, Map<String, String> changes) {
        var unknown = changes.keySet().stream().filter(key -> field(key).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            var known = Arrays.stream(FilterField.values()).map(f -> f.attribute).collect(Collectors.joining(", "));
            throw new ApplicationException(Kind.INVALID, ExchangeMessages.of("setup.invalid"), unknown.stream()
                    .map(key -> new FieldProblem("filter." + key, ExchangeMessages.of("setup.api.noFilterField",
                            known))).toList());
        }
        var expressions = new EnumMap<FilterField, String>(FilterField.class);
        expressions.putAll(current.expressions());
        changes.forEach((key, text) -> expressions.put(field(key).orElseThrow(), text == null ? "" : text));
        return new SyncFilter(expressions);
    }

    /** The refusal with each filter field named as the API names it; other fields as they were. */
    static ApplicationException withApiFieldNames(ApplicationException refusal) {
        List<FieldProblem> renamed = refusal.fieldProblems().stream()
                .map(p -> Arrays.stream(FilterField.values()).filter(f -> f.inputId.equals(p.field())).findFirst()
                        .map(f -> new FieldProblem("filter." + f.attribute, p.message())).orElse(p))
                .toList();
        return new ApplicationException(refusal.kind(), refusal.userMessage(), renamed);
    }

    private static Optional<FilterField> field(String attribute) {
        return Arrays.stream(FilterField.values()).filter(f -> f.attribute.equals(attribute)).findFirst();
    }
}

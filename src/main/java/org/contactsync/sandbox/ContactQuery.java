package org.contactsync.sandbox;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData query options the sandbox supports on contacts: {@code $select}, {@code $filter} (the forms Graph
 * documents for contacts: {@code emailAddresses/any(a:a/address eq '…')},
 * {@code singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')} and {@code property eq '…'}
 * on a string property), {@code $orderby} on a string property and
 * {@code $expand=singleValueExtendedProperties($filter=id eq '…')}. A small parser for exactly these forms, because
 * no OData library targets a Jakarta EE server without pulling in a second REST stack. String comparisons ignore case,
 * as Exchange does; extended property ids are compared in Graph's spelling ({@link ExtendedPropertyIds}), so only
 * their Name part is case-sensitive.
 */
final class ContactQuery {

    private static final String QUOTED = "'((?:[^']|'')*)'";
    private static final Pattern EMAIL_FILTER = Pattern.compile(
            "(?i)\\s*emailAddresses/any\\(\\s*(\\w+)\\s*:\\s*\\1/address\\s+eq\\s+" + QUOTED + "\\s*\\)\\s*");
    private static final Pattern EXTENDED_FILTER = Pattern.compile(
            "(?i)\\s*singleValueExtendedProperties/any\\(\\s*(\\w+)\\s*:\\s*\\1/id\\s+eq\\s+" + QUOTED
                    + "\\s+and\\s+\\1/value\\s+eq\\s+" + QUOTED + "\\s*\\)\\s*");
    private static final Pattern PROPERTY_FILTER = Pattern.compile("\\s*(\\w+)\\s+(?i:eq)\\s+" + QUOTED + "\\s*");
    private static final String ID_EQ = "id\\s+eq\\s+" + QUOTED;
    private static final Pattern EXPAND = Pattern.compile("\\s*singleValueExtendedProperties\\(\\s*\\$filter\\s*=\\s*"
            + ID_EQ + "(?:\\s+or\\s+" + ID_EQ + ")*\\s*\\)\\s*");
    private static final Pattern EXPANDED_ID = Pattern.compile(ID_EQ);
    private static final Pattern ORDER_BY = Pattern.compile("\\s*(\\w+)(?:\\s+(asc|desc))?\\s*", Pattern.CASE_INSENSITIVE);

    private ContactQuery() {
    }

    static Predicate<StoredContact> filter(Optional<String> filter) {
        if (filter.isEmpty() || filter.get().isBlank()) {
            return c -> true;
        }
        String text = filter.get();
        Matcher m = EMAIL_FILTER.matcher(text);
        if (m.matches()) {
            String address = unquote(m.group(2));
            return c -> c.value("emailAddresses") instanceof JsonArray emails && emails.stream()
                    .map(JsonValue::asJsonObject)
                    .anyMatch(e -> e.getString("address", "").equalsIgnoreCase(address));
        }
        m = EXTENDED_FILTER.matcher(text);
        if (m.matches()) {
            String id = ExtendedPropertyIds.canonicalOrAsGiven(unquote(m.group(2)));
            String value = unquote(m.group(3));
            return c -> Optional.ofNullable(c.extendedProperties.get(id)).filter(value::equalsIgnoreCase).isPresent();
        }
        m = PROPERTY_FILTER.matcher(text);
        if (m.matches()) {
            String property = requireStringProperty(m.group(1));
            String value = unquote(m.group(2));
            return c -> c.value(property) instanceof JsonString s && s.getString().equalsIgnoreCase(value);
        }
        throw GraphError.invalidFilter();
    }

    /** The properties of {@code $select}, or empty for all; unknown names are refused as Graph refuses them. */
    static Set<String> select(Optional<String> select) {
        Set<String> names = new LinkedHashSet<>();
        select.filter(s -> !s.isBlank()).ifPresent(s -> {
            for (String name : s.split(",")) {
                String trimmed = name.trim();
                if (!ContactSchema.isProperty(trimmed)) {
                    throw noSuchProperty(trimmed);
                }
                names.add(trimmed);
            }
        });
        return names;
    }

    /**
     * The extended property ids of {@code $expand=singleValueExtendedProperties($filter=id eq '…' or id eq '…')}, if
     * asked (Graph accepts several ids joined with {@code or}).
     */
    static List<String> expandedExtendedProperties(Optional<String> expand) {
        if (expand.isEmpty() || expand.get().isBlank()) {
            return List.of();
        }
        if (!EXPAND.matcher(expand.get()).matches()) {
            throw GraphError.badRequest("ErrorInvalidUrlQuery", "The sandbox supports only "
                    + "$expand=singleValueExtendedProperties($filter=id eq '…' [or id eq '…']); Graph cannot return all "
                    + "extended properties of an item in one call either.");
        }
        List<String> ids = new java.util.ArrayList<String>();
        Matcher m = EXPANDED_ID.matcher(expand.get());
        while (m.find()) {
            ids.add(ExtendedPropertyIds.canonicalOrAsGiven(unquote(m.group(1))));
        }
        return ids;
    }

    static Optional<Comparator<StoredContact>> orderBy(Optional<String> orderBy) {
        if (orderBy.isEmpty() || orderBy.get().isBlank()) {
            return Optional.empty();
        }
        Matcher m = ORDER_BY.matcher(orderBy.get());
        if (!m.matches()) {
            throw GraphError.badRequest("ErrorInvalidUrlQuery", "The sandbox orders by one string property.");
        }
        String property = requireStringProperty(m.group(1));
        Comparator<StoredContact> byValue = Comparator.comparing(
                c -> c.value(property) instanceof JsonString s ? s.getString().toLowerCase(Locale.ROOT) : "");
        return Optional.of("desc".equalsIgnoreCase(m.group(2)) ? byValue.reversed() : byValue);
    }

    /** Folder lists filter only on {@code displayName eq '…'}. */
    static Predicate<ContactFolder> folderFilter(Optional<String> filter) {
        if (filter.isEmpty() || filter.get().isBlank()) {
            return f -> true;
        }
        Matcher m = PROPERTY_FILTER.matcher(filter.get());
        if (!m.matches() || !m.group(1).equals("displayName")) {
            throw GraphError.invalidFilter();
        }
        String name = unquote(m.group(2));
        return f -> f.displayName.equalsIgnoreCase(name);
    }

    private static String requireStringProperty(String property) {
        if (ContactSchema.typeOf(property).filter(t -> t == ContactSchema.Type.STRING).isEmpty()) {
            throw ContactSchema.isProperty(property) ? GraphError.invalidFilter() : noSuchProperty(property);
        }
        return property;
    }

    private static GraphError noSuchProperty(String property) {
        return GraphError.badRequest("RequestBroker--ParseUri", "Could not find a property named '" + property
                + "' on type 'Microsoft.OutlookServices.Contact'.");
    }

    private static String unquote(String quoted) {
        return quoted.replace("''", "'");
    }
}

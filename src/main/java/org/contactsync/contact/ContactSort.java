package org.contactsync.contact;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sort order of the contact list: a field the list can sort by and a direction. Without one the list uses
 * Business Central's order (Company Name, Company No., Type, Name), which shows persons under their company.
 * Every order ends with No. so that pages never overlap.
 */
public record ContactSort(String field, boolean ascending) {

    /** Sortable fields → the entity attributes that order them (indexed upper-case copies where they exist). */
    static final Map<String, List<String>> ATTRIBUTES = Map.of(
            "no", List.of("no"),
            "name", List.of("searchName"),
            "companyName", List.of("companyName", "companyNo", "type", "name"),
            "email", List.of("searchEmail"),
            "city", List.of("searchCity"),
            "phoneNo", List.of("phoneNo"),
            "salespersonCode", List.of("salespersonCode"),
            "territoryCode", List.of("territoryCode"),
            "lastModifiedAt", List.of("lastModifiedAt"));

    public static final ContactSort DEFAULT = new ContactSort("companyName", true);

    /** The sort for a field name from a page or a request; empty when the list cannot sort by it. */
    public static Optional<ContactSort> of(String field, boolean ascending) {
        return ATTRIBUTES.containsKey(field) ? Optional.of(new ContactSort(field, ascending)) : Optional.empty();
    }

    public static java.util.Set<String> fields() {
        return ATTRIBUTES.keySet();
    }
}

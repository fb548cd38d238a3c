package org.contactsync.exchange;

import java.util.Optional;

/**
 * The Contact fields the Contact Sync Setup filters on (Business Central's sync filter page plus No., Name and
 * Type). Code fields hold upper case, so their filters are compared in upper case; text fields are compared as
 * typed unless the condition starts with {@code @}.
 */
public enum FilterField {
    NO("filterNo", "no", Kind.CODE, Optional.empty()),
    NAME("filterName", "name", Kind.TEXT, Optional.of("searchName")),
    TYPE("filterType", "type", Kind.OPTION, Optional.empty()),
    COMPANY_NO("filterCompanyNo", "companyNo", Kind.CODE, Optional.empty()),
    COMPANY_NAME("filterCompanyName", "companyName", Kind.TEXT, Optional.of("searchCompanyName")),
    SALESPERSON_CODE("filterSalespersonCode", "salespersonCode", Kind.CODE, Optional.empty()),
    TERRITORY_CODE("filterTerritoryCode", "territoryCode", Kind.CODE, Optional.empty()),
    CITY("filterCity", "city", Kind.TEXT, Optional.of("searchCity")),
    POST_CODE("filterPostCode", "postCode", Kind.CODE, Optional.empty()),
    COUNTY("filterCounty", "county", Kind.TEXT, Optional.empty()),
    COUNTRY_REGION_CODE("filterCountryRegionCode", "countryRegionCode", Kind.CODE, Optional.empty());

    /** How a field's values compare. */
    public enum Kind {
        /** Upper-case codes: every filter value is upper-cased. */
        CODE,
        /** Free text: case-sensitive, {@code @} ignores case. */
        TEXT,
        /** Contact Type: Company or Person (or BC's 0 and 1), equal or not equal only. */
        OPTION
    }

    /** The input's id on the Contact Sync Setup page, and the field a {@code FieldProblem} names. */
    public final String inputId;
    /** The {@code Contact} attribute filtered. */
    public final String attribute;
    public final Kind kind;
    /** An upper-cased copy of the attribute ({@code Contact} keeps one for some), used to ignore case. */
    public final Optional<String> upperCaseAttribute;

    FilterField(String inputId, String attribute, Kind kind, Optional<String> upperCaseAttribute) {
        this.inputId = inputId;
        this.attribute = attribute;
        this.kind = kind;
        this.upperCaseAttribute = upperCaseAttribute;
    }

    /** Bundle key of the field's caption. */
    public String captionKey() {
        return "filter.field." + attribute;
    }
}

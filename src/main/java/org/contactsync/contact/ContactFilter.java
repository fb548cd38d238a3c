package org.contactsync.contact;

import java.time.Instant;
import java.util.Optional;

/**
 * Which contacts a list shows. {@code search} is the search box: text anywhere in No., Name, Company Name, E-Mail,
 * Phone No. or City, ignoring case. The other texts are column filters, each a case-insensitive prefix ({@code companyNo} must match
 * exactly). Empty texts and empty optionals do not filter.
 */
public record ContactFilter(String search, Optional<ContactType> type, String no, String name, String companyNo,
                            String companyName, String email, String city, String phoneNo, String salespersonCode,
                            String territoryCode, Optional<Instant> modifiedSince) {

    public static final ContactFilter NONE = new ContactFilter("", Optional.empty(), "", "", "", "", "", "", "", "",
            "", Optional.empty());

    public ContactFilter {
        search = blankIfNull(search);
        no = blankIfNull(no);
        name = blankIfNull(name);
        companyNo = blankIfNull(companyNo);
        companyName = blankIfNull(companyName);
        email = blankIfNull(email);
        city = blankIfNull(city);
        phoneNo = blankIfNull(phoneNo);
        salespersonCode = blankIfNull(salespersonCode);
        territoryCode = blankIfNull(territoryCode);
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }

    public ContactFilter withSearch(String value) {
        return new ContactFilter(value, type, no, name, companyNo, companyName, email, city, phoneNo,
                salespersonCode, territoryCode, modifiedSince);
    }

    public ContactFilter withType(Optional<ContactType> value) {
        return new ContactFilter(search, value, no, name, companyNo, companyName, email, city, phoneNo,
                salespersonCode, territoryCode, modifiedSince);
    }

    public ContactFilter withName(String value) {
        return new ContactFilter(search, type, no, value, companyNo, companyName, email, city, phoneNo,
                salespersonCode, territoryCode, modifiedSince);
    }

    public ContactFilter withCompanyNo(String value) {
        return new ContactFilter(search, type, no, name, value, companyName, email, city, phoneNo,
                salespersonCode, territoryCode, modifiedSince);
    }

    public ContactFilter withEmail(String value) {
        return new ContactFilter(search, type, no, name, companyNo, companyName, value, city, phoneNo,
                salespersonCode, territoryCode, modifiedSince);
    }

    public ContactFilter withCity(String value) {
        return new ContactFilter(search, type, no, name, companyNo, companyName, email, value, phoneNo,
                salespersonCode, territoryCode, modifiedSince);
    }

    public ContactFilter withModifiedSince(Optional<Instant> value) {
        return new ContactFilter(search, type, no, name, companyNo, companyName, email, city, phoneNo,
                salespersonCode, territoryCode, value);
    }

    /** Sets a column filter by the name of the list column it belongs to. */
    public ContactFilter withColumn(String column, String value) {
        return switch (column) {
            case "no" -> new ContactFilter(search, type, value, name, companyNo, companyName, email, city, phoneNo,
                    salespersonCode, territoryCode, modifiedSince);
            case "name" -> withName(value);
            case "companyName" -> new ContactFilter(search, type, no, name, companyNo, value, email, city, phoneNo,
                    salespersonCode, territoryCode, modifiedSince);
            case "email" -> withEmail(value);
            case "city" -> withCity(value);
            case "phoneNo" -> new ContactFilter(search, type, no, name, companyNo, companyName, email, city, value,
                    salespersonCode, territoryCode, modifiedSince);
            case "salespersonCode" -> new ContactFilter(search, type, no, name, companyNo, companyName, email, city,
                    phoneNo, value, territoryCode, modifiedSince);
            case "territoryCode" -> new ContactFilter(search, type, no, name, companyNo, companyName, email, city,
                    phoneNo, salespersonCode, value, modifiedSince);
            default -> throw new IllegalArgumentException("No column filter " + column);
        };
    }
}

package org.contactsync.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contactsync.contact.filter.FilterExpression;
import org.contactsync.contact.filter.FilterExpression.Comparison;
import org.contactsync.contact.filter.FilterExpression.Operator;
import org.contactsync.contact.filter.FilterParser;
import org.contactsync.contact.filter.FilterSyntaxException;
import org.contactsync.contact.filter.FilterText;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.FieldProblem;

/**
 * Which contacts a list shows. {@code search} is the search box: text anywhere in No., Name, Company Name, E-Mail,
 * Phone No. or City, ignoring case. The column filters ({@code no}, {@code name}, {@code companyName}, {@code email},
 * {@code city}, {@code phoneNo}, {@code salespersonCode}, {@code territoryCode}) take Business Central's filter syntax,
 * as Contact Sync Setup does ({@link #columnExpressions()}); {@code companyNo} must match exactly. Empty texts and
 * empty optionals do not filter.
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

    /**
     * The column filters that filter, by column name, as Business Central's list reads them: a plain value (no
     * operator, wildcard, range, quote, {@code |} or {@code &}, as "berg") is found anywhere in the column ignoring
     * case, as {@code @*berg*}; anything else means what it means in Business Central ({@code *berg},
     * {@code CT000100..CT000150}, {@code A|B}, {@code <>X}, {@code @lind*}), parsed by the same {@link FilterParser}
     * as Contact Sync Setup's filter.
     *
     * @throws ApplicationException INVALID, naming each column whose filter is not valid syntax, and why
     */
    public Map<String, FilterExpression> columnExpressions() {
        var texts = new LinkedHashMap<String, String>();
        texts.put("no", no);
        texts.put("name", name);
        texts.put("companyName", companyName);
        texts.put("email", email);
        texts.put("city", city);
        texts.put("phoneNo", phoneNo);
        texts.put("salespersonCode", salespersonCode);
        texts.put("territoryCode", territoryCode);
        var expressions = new LinkedHashMap<String, FilterExpression>();
        List<FieldProblem> problems = new ArrayList<>();
        texts.forEach((column, text) -> {
            try {
                FilterParser.parse(text).ifPresent(expression -> expressions.put(column, anywhereIfPlain(text,
                        expression)));
            } catch (FilterSyntaxException e) {
                problems.add(new FieldProblem(column, e.message(ContactMessages.of("contact.field." + column), text)));
            }
        });
        if (!problems.isEmpty()) {
            throw new ApplicationException(ApplicationException.Kind.INVALID,
                    ContactMessages.of("contact.list.invalidFilter"), problems);
        }
        return expressions;
    }

    /** A plain value becomes {@code @*value*}; the parser reads {@code =berg} and {@code 'berg'} as it reads berg. */
    private static FilterExpression anywhereIfPlain(String text, FilterExpression expression) {
        boolean plain = expression instanceof Comparison comparison && comparison.operator() == Operator.EQUAL
                && !comparison.ignoreCase() && !comparison.value().hasWildcards()
                && !text.startsWith("=") && !text.startsWith("'");
        if (!plain) {
            return expression;
        }
        var value = ((Comparison) expression).value();
        var parts = new ArrayList<FilterText.Part>();
        parts.add(FilterText.Wildcard.ANY_RUN);
        parts.addAll(value.parts());
        parts.add(FilterText.Wildcard.ANY_RUN);
        return new Comparison(Operator.EQUAL, new FilterText(parts), true);
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

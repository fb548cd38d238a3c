package org.contactsync.contact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.contactsync.platform.PlainText;

/**
 * The catalogue of a contact's text fields, the one place their shape is declared (besides the table's migration):
 * the name the API and the Contact Card give the field (JSON member, input id, caption key {@code
 * contact.field.<name>}), Business Central's caption and length, the rule its value follows, and the accessors on
 * {@link Contact}. Bean Validation ({@link CatalogueRules}), {@link ContactData}, the API's reader and writer, the Contact
 * Card's inputs and the sync's {@link SyncedField} all read it.
 *
 * <p>The order is the API's and the Contact Card's. Type and Privacy Blocked are not text and are not here; No.,
 * Search Name and Last Date/Time Modified are derived and are not here either.
 */
public enum ContactField {
    NAME("name", "Name", 100, Rule.TEXT, Contact::getName, Contact::setName),
    NAME_2("name2", "Name 2", 50, Rule.TEXT, Contact::getName2, Contact::setName2),
    FIRST_NAME("firstName", "First Name", 30, Rule.TEXT, Contact::getFirstName, Contact::setFirstName),
    MIDDLE_NAME("middleName", "Middle Name", 30, Rule.TEXT, Contact::getMiddleName, Contact::setMiddleName),
    SURNAME("surname", "Surname", 30, Rule.TEXT, Contact::getSurname, Contact::setSurname),
    COMPANY_NO("companyNo", "Company No.", 20, Rule.TEXT, Contact::getCompanyNo, Contact::setCompanyNo),
    /** Follows the company (the service sets it from Company No.), so nobody types it. */
    COMPANY_NAME("companyName", "Company Name", 100, Rule.TEXT, Contact::getCompanyName),
    JOB_TITLE("jobTitle", "Job Title", 30, Rule.TEXT, Contact::getJobTitle, Contact::setJobTitle),
    ADDRESS("address", "Address", 100, Rule.TEXT, Contact::getAddress, Contact::setAddress),
    ADDRESS_2("address2", "Address 2", 50, Rule.TEXT, Contact::getAddress2, Contact::setAddress2),
    CITY("city", "City", 30, Rule.TEXT, Contact::getCity, Contact::setCity),
    POST_CODE("postCode", "Post Code", 20, Rule.TEXT, Contact::getPostCode, Contact::setPostCode),
    COUNTY("county", "County", 30, Rule.TEXT, Contact::getCounty, Contact::setCounty),
    COUNTRY_REGION_CODE("countryRegionCode", "Country/Region Code", 10, Rule.TEXT, Contact::getCountryRegionCode,
            Contact::setCountryRegionCode),
    PHONE_NO("phoneNo", "Phone No.", 30, Rule.PHONE, Contact::getPhoneNo, Contact::setPhoneNo),
    MOBILE_PHONE_NO("mobilePhoneNo", "Mobile Phone No.", 30, Rule.PHONE, Contact::getMobilePhoneNo,
            Contact::setMobilePhoneNo),
    FAX_NO("faxNo", "Fax No.", 30, Rule.PHONE, Contact::getFaxNo, Contact::setFaxNo),
    E_MAIL("email", "E-Mail", 80, Rule.EMAIL, Contact::getEmail, Contact::setEmail),
    E_MAIL_2("email2", "E-Mail 2", 80, Rule.EMAIL, Contact::getEmail2, Contact::setEmail2),
    HOME_PAGE("homePage", "Home Page", 255, Rule.TEXT, Contact::getHomePage, Contact::setHomePage),
    SALESPERSON_CODE("salespersonCode", "Salesperson Code", 20, Rule.TEXT, Contact::getSalespersonCode,
            Contact::setSalespersonCode),
    TERRITORY_CODE("territoryCode", "Territory Code", 10, Rule.TEXT, Contact::getTerritoryCode,
            Contact::setTerritoryCode);

    static final String TOO_LONG = "contact.validation.tooLong";

    /**
     * What a value must look like besides fitting its length and being {@link PlainText}, with the message key when
     * it does not, and the HTML input type the Contact Card offers for it.
     */
    public enum Rule {
        TEXT(Optional.empty(), "text"),
        /** Letters are not allowed in phone and fax numbers (Business Central's Phone No. validation). */
        PHONE(Optional.of(new Format(Pattern.compile("[^\\p{L}]*"), "contact.validation.phoneLetters")), "tel"),
        /** One address: something before a single @, a domain with at least one dot, no spaces; or empty. */
        EMAIL(Optional.of(new Format(Pattern.compile("|[^@\\s;,]+@[^@\\s;,.]+(\\.[^@\\s;,.]+)+"),
                "contact.validation.email")), "email");

        private final Optional<Format> format;
        private final String inputType;

        Rule(Optional<Format> format, String inputType) {
            this.format = format;
            this.inputType = inputType;
        }
    }

    private record Format(Pattern pattern, String messageKey) {
    }

    private static final List<ContactField> EDITABLE = Arrays.stream(values())
            .filter(field -> field.setter.isPresent()).toList();

    private final String jsonName;
    private final String bcCaption;
    private final int maxLength;
    private final Rule rule;
    private final Function<Contact, String> getter;
    private final Optional<BiConsumer<Contact, String>> setter;

    ContactField(String jsonName, String bcCaption, int maxLength, Rule rule, Function<Contact, String> getter,
                 BiConsumer<Contact, String> setter) {
        this(jsonName, bcCaption, maxLength, rule, getter, Optional.of(setter));
    }

    /** A field nobody sets directly: the contact derives it. */
    ContactField(String jsonName, String bcCaption, int maxLength, Rule rule, Function<Contact, String> getter) {
        this(jsonName, bcCaption, maxLength, rule, getter, Optional.empty());
    }

    ContactField(String jsonName, String bcCaption, int maxLength, Rule rule, Function<Contact, String> getter,
                 Optional<BiConsumer<Contact, String>> setter) {
        this.jsonName = jsonName;
        this.bcCaption = bcCaption;
        this.maxLength = maxLength;
        this.rule = rule;
        this.getter = getter;
        this.setter = setter;
    }

    /** The fields a person (Contact Card, API) or the sync may set: all but Company Name. */
    public static List<ContactField> editable() {
        return EDITABLE;
    }

    /** The field the API and the Contact Card call {@code jsonName}. */
    public static Optional<ContactField> named(String jsonName) {
        return Arrays.stream(values()).filter(field -> field.jsonName.equals(jsonName)).findFirst();
    }

    /** The JSON member of the API, the input's id on the Contact Card and the last part of its caption key. */
    public String jsonName() {
        return jsonName;
    }

    /** The field's caption on Business Central's Contact Card (English), as the sync log writes it. */
    public String bcCaption() {
        return bcCaption;
    }

    /** The key of the field's caption on this application's pages, in the contact bundle ({@code contactMsg}). */
    public String captionKey() {
        return "contact.field." + jsonName;
    }

    /** Business Central's length of the field (Text[n] / Code[n]). */
    public int maxLength() {
        return maxLength;
    }

    public Rule rule() {
        return rule;
    }

    /** The type of the Contact Card's input: tel, email or text. */
    public String inputType() {
        return rule.inputType;
    }

    public String get(Contact contact) {
        return getter.apply(contact);
    }

    /**
     * Sets the value as the contact's setter keeps it (stripped; a Code field upper-cased).
     *
     * @throws UnsupportedOperationException for a field that is not {@link #editable()}
     */
    public void set(Contact contact, String value) {
        setter.orElseThrow(() -> new UnsupportedOperationException(jsonName + " is derived"))
                .accept(contact, value);
    }

    /** The message keys of what is wrong with this field's value on the contact; empty when it is valid. */
    List<String> problems(Contact contact) {
        var value = get(contact);
        var problems = new ArrayList<String>();
        if (value.length() > maxLength) {
            problems.add(TOO_LONG);
        }
        if (!PlainText.Validator.isPlain(value)) {
            problems.add(PlainText.MESSAGE_KEY);
        }
        rule.format.filter(format -> !format.pattern().matcher(value).matches())
                .ifPresent(format -> problems.add(format.messageKey()));
        return problems;
    }
}

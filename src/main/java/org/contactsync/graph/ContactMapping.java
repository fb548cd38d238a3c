package org.contactsync.graph;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.PhysicalAddress;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.StreetLines;
import org.contactsync.contact.SyncedField;

/**
 * {@link SyncedField}'s mapping applied to the SDK's {@link Contact}: the body of a create (every mapped field, File As
 * and the stamp), the body of a PATCH (only the given fields; the collections emailAddresses and businessPhones
 * rebuilt from Outlook's current entries so that entries beyond the mapped ones survive; File As following a new name
 * unless the employee filed the contact otherwise), and a contact read back.
 */
final class ContactMapping {

    /**
     * The stamp: a named single-value extended property in our own property set holding the BC contact No. of a
     * contact this application created. The GUID is fixed forever; changing it would orphan every stamp.
     */
    static final String STAMP_PROPERTY_ID = "String {5d3c9a52-1f0b-4e77-9a6e-0c2f8b7d41a3} Name ContactSyncBcNo";

    /** Everything a listing or a delta round selects: the mapped properties and the version. */
    static final String[] SELECTED = {"id", "changeKey", "givenName", "middleName", "surname", "displayName",
            "companyName", "jobTitle", "businessAddress", "businessPhones", "mobilePhone", "emailAddresses",
            "businessHomePage"};

    /** The extended properties a read expands: the stamp and the fax (delta cannot expand them). */
    static final String EXPAND_EXTENDED = "singleValueExtendedProperties($filter=id eq '" + STAMP_PROPERTY_ID
            + "' or id eq '" + SyncedField.FAX_PROPERTY_ID + "')";

    private static final Set<SyncedField> ADDRESS = Set.of(SyncedField.ADDRESS, SyncedField.ADDRESS_2,
            SyncedField.CITY, SyncedField.POST_CODE, SyncedField.COUNTY, SyncedField.COUNTRY_REGION_CODE);

    /** The fields File As is made from. */
    private static final Set<SyncedField> FILED_UNDER = Set.of(SyncedField.FIRST_NAME, SyncedField.MIDDLE_NAME,
            SyncedField.SURNAME, SyncedField.COMPANY_NAME);

    /** What a PATCH that {@link #needsCurrent needs Outlook's current contact} reads first. */
    static final String[] CURRENT_SELECTED = {"id", "emailAddresses", "businessPhones", "givenName", "middleName",
            "surname", "companyName", "fileAs"};

    private ContactMapping() {
    }

    /**
     * Outlook's current state of a contact that a PATCH builds on: its collections, kept whole when the PATCH
     * rewrites the mapped entries, and (when read) its name and File As.
     */
    record Collections(List<EmailAddress> emailAddresses, List<String> businessPhones, Optional<FiledName> name) {
        Collections {
            emailAddresses = List.copyOf(emailAddresses);
            businessPhones = List.copyOf(businessPhones);
        }

        Collections(List<EmailAddress> emailAddresses, List<String> businessPhones) {
            this(emailAddresses, businessPhones, Optional.empty());
        }

        static Collections none() {
            return new Collections(List.of(), List.of());
        }

        static Collections of(Contact contact) {
            return new Collections(
                    Optional.ofNullable(contact.getEmailAddresses()).orElse(List.of()),
                    Optional.ofNullable(contact.getBusinessPhones()).orElse(List.of()),
                    Optional.of(FiledName.of(contact)));
        }
    }

    /** A contact's name parts and File As, as Outlook has them. */
    record FiledName(FieldValues name, String fileAs) {

        static FiledName of(Contact contact) {
            Map<SyncedField, String> name = new EnumMap<>(SyncedField.class);
            name.put(SyncedField.FIRST_NAME, contact.getGivenName());
            name.put(SyncedField.MIDDLE_NAME, contact.getMiddleName());
            name.put(SyncedField.SURNAME, contact.getSurname());
            name.put(SyncedField.COMPANY_NAME, contact.getCompanyName());
            return new FiledName(FieldValues.of(name), Optional.ofNullable(contact.getFileAs()).orElse(""));
        }

        /**
         * Whether File As is still what Outlook makes of the name (or empty): then it follows a new name, as Outlook's
         * own does; a File As the employee chose in Outlook is left alone.
         */
        boolean followsName() {
            return fileAs.isBlank() || fileAs.equals(ContactMapping.fileAs(name));
        }
    }

    /**
     * File As as classic Outlook sets it from the name by default, "Last, First" (Surname, GivenName MiddleName;
     * MS-OXOCNTC PidLidFileUnderId 0x8017, EWS FileAsMapping LastCommaFirst); the company name when there is no name.
     */
    static String fileAs(FieldValues values) {
        String first = String.join(" ", values.get(SyncedField.FIRST_NAME).strip(),
                values.get(SyncedField.MIDDLE_NAME).strip()).strip();
        String surname = values.get(SyncedField.SURNAME).strip();
        if (!surname.isEmpty() && !first.isEmpty()) {
            return surname + ", " + first;
        }
        String name = surname + first;
        return name.isEmpty() ? values.get(SyncedField.COMPANY_NAME).strip() : name;
    }

    /** The body of a create: every non-empty mapped field, File As, and the stamp. */
    static Contact forCreate(String contactNo, FieldValues values) {
        Contact contact = new Contact();
        FieldValues present = withoutEmpty(values);
        write(contact, present, present.fields(), Collections.none());
        String fileAs = fileAs(values);
        if (!fileAs.isEmpty()) {
            contact.setFileAs(fileAs);
        }
        List<SingleValueLegacyExtendedProperty> extended = new ArrayList<>(
                Optional.ofNullable(contact.getSingleValueExtendedProperties()).orElse(List.of()));
        extended.add(extendedProperty(STAMP_PROPERTY_ID, contactNo));
        contact.setSingleValueExtendedProperties(extended);
        return contact;
    }

    /**
     * The body of a PATCH: the Graph properties of the given fields, nothing else. A collection or the business
     * address is sent whole, so the patch must hold every field of that property ({@link SyncedField#sentTogether()});
     * collection entries beyond the mapped ones are kept from {@code current}. A new name brings a new File As when
     * Outlook's current one {@link FiledName#followsName follows the name}.
     */
    static Contact forPatch(FieldValues patch, Collections current) {
        Contact contact = new Contact();
        write(contact, patch, patch.fields(), current);
        if (patch.fields().stream().anyMatch(FILED_UNDER::contains)) {
            current.name().filter(FiledName::followsName)
                    .ifPresent(name -> contact.setFileAs(fileAs(name.name().withAll(patch))));
        }
        return contact;
    }

    /**
     * Whether a PATCH of these fields needs Outlook's current contact first ({@link #CURRENT_SELECTED}): it rewrites a
     * collection, or it changes what File As is made from.
     */
    static boolean needsCurrent(FieldValues patch) {
        return patch.fields().stream().anyMatch(f -> f.graphProperty().equals("emailAddresses")
                || f.graphProperty().equals("businessPhones") || FILED_UNDER.contains(f));
    }

    private static void write(Contact contact, FieldValues values, Set<SyncedField> fields, Collections current) {
        for (SyncedField field : fields) {
            String value = values.get(field);
            switch (field) {
                case FIRST_NAME -> contact.setGivenName(value);
                case MIDDLE_NAME -> contact.setMiddleName(value);
                case SURNAME -> contact.setSurname(value);
                case NAME -> contact.setDisplayName(value);
                case COMPANY_NAME -> contact.setCompanyName(value);
                case JOB_TITLE -> contact.setJobTitle(value);
                case MOBILE_PHONE_NO -> contact.setMobilePhone(value);
                case HOME_PAGE -> contact.setBusinessHomePage(value);
                case FAX_NO -> contact.setSingleValueExtendedProperties(
                        List.of(extendedProperty(SyncedField.FAX_PROPERTY_ID, value)));
                case E_MAIL, E_MAIL_2 -> contact.setEmailAddresses(emailAddresses(values, current));
                case PHONE_NO -> contact.setBusinessPhones(businessPhones(values, current));
                case ADDRESS, ADDRESS_2, CITY, POST_CODE, COUNTY, COUNTRY_REGION_CODE ->
                        contact.setBusinessAddress(businessAddress(values));
                default -> throw new IllegalStateException("No Graph mapping for " + field);
            }
        }
    }

    /** E-Mail and E-Mail 2 as entries 0 and 1 (keeping their display names), then Outlook's further entries. */
    private static List<EmailAddress> emailAddresses(FieldValues values, Collections current) {
        List<EmailAddress> entries = new ArrayList<>();
        List<SyncedField> mapped = List.of(SyncedField.E_MAIL, SyncedField.E_MAIL_2);
        for (int i = 0; i < mapped.size(); i++) {
            String address = values.get(mapped.get(i)).strip();
            if (!address.isEmpty()) {
                EmailAddress entry = new EmailAddress();
                entry.setAddress(address);
                if (i < current.emailAddresses().size() && current.emailAddresses().get(i).getName() != null) {
                    entry.setName(current.emailAddresses().get(i).getName());
                }
                entries.add(entry);
            }
        }
        current.emailAddresses().stream().skip(mapped.size()).forEach(entries::add);
        return entries;
    }

    /** Phone No. as entry 0, exactly as typed, then Outlook's further business phones. */
    private static List<String> businessPhones(FieldValues values, Collections current) {
        List<String> phones = new ArrayList<>();
        String phone = values.get(SyncedField.PHONE_NO);
        if (!phone.isBlank()) {
            phones.add(phone);
        }
        current.businessPhones().stream().skip(1).forEach(phones::add);
        return phones;
    }

    private static PhysicalAddress businessAddress(FieldValues values) {
        PhysicalAddress address = new PhysicalAddress();
        address.setStreet(StreetLines.join(values.get(SyncedField.ADDRESS), values.get(SyncedField.ADDRESS_2)));
        address.setCity(values.get(SyncedField.CITY));
        address.setPostalCode(values.get(SyncedField.POST_CODE));
        address.setState(values.get(SyncedField.COUNTY));
        address.setCountryOrRegion(values.get(SyncedField.COUNTRY_REGION_CODE));
        return address;
    }

    private static SingleValueLegacyExtendedProperty extendedProperty(String id, String value) {
        SingleValueLegacyExtendedProperty property = new SingleValueLegacyExtendedProperty();
        property.setId(id);
        property.setValue(value);
        return property;
    }

    private static FieldValues withoutEmpty(FieldValues values) {
        Map<SyncedField, String> present = new EnumMap<>(SyncedField.class);
        values.fields().stream().filter(f -> !values.get(f).isBlank()).forEach(f -> present.put(f, values.get(f)));
        // The business address is one Graph property: when any part is present, all parts are written.
        if (present.keySet().stream().anyMatch(ADDRESS::contains)) {
            ADDRESS.forEach(f -> present.put(f, values.get(f)));
        }
        return FieldValues.of(present);
    }

    /** A contact as Graph returned it; the stamp and the fax only when the read expanded them. */
    static OutlookContact fromGraph(Contact contact) {
        Map<SyncedField, String> values = new EnumMap<>(SyncedField.class);
        values.put(SyncedField.FIRST_NAME, contact.getGivenName());
        values.put(SyncedField.MIDDLE_NAME, contact.getMiddleName());
        values.put(SyncedField.SURNAME, contact.getSurname());
        values.put(SyncedField.NAME, contact.getDisplayName());
        values.put(SyncedField.COMPANY_NAME, contact.getCompanyName());
        values.put(SyncedField.JOB_TITLE, contact.getJobTitle());
        values.put(SyncedField.MOBILE_PHONE_NO, contact.getMobilePhone());
        values.put(SyncedField.HOME_PAGE, contact.getBusinessHomePage());
        List<EmailAddress> emails = Optional.ofNullable(contact.getEmailAddresses()).orElse(List.of());
        values.put(SyncedField.E_MAIL, emails.isEmpty() ? "" : emails.get(0).getAddress());
        values.put(SyncedField.E_MAIL_2, emails.size() < 2 ? "" : emails.get(1).getAddress());
        List<String> phones = Optional.ofNullable(contact.getBusinessPhones()).orElse(List.of());
        values.put(SyncedField.PHONE_NO, phones.isEmpty() ? "" : phones.get(0));
        PhysicalAddress address = Optional.ofNullable(contact.getBusinessAddress()).orElseGet(PhysicalAddress::new);
        StreetLines.Lines street = StreetLines.split(address.getStreet());
        values.put(SyncedField.ADDRESS, street.address());
        values.put(SyncedField.ADDRESS_2, street.address2());
        values.put(SyncedField.CITY, address.getCity());
        values.put(SyncedField.POST_CODE, address.getPostalCode());
        values.put(SyncedField.COUNTY, address.getState());
        values.put(SyncedField.COUNTRY_REGION_CODE, address.getCountryOrRegion());
        values.put(SyncedField.FAX_NO, extendedValue(contact, SyncedField.FAX_PROPERTY_ID).orElse(""));
        return new OutlookContact(contact.getId(), Optional.ofNullable(contact.getChangeKey()).orElse(""),
                extendedValue(contact, STAMP_PROPERTY_ID), FieldValues.of(values));
    }

    /** The value of an expanded single-value extended property (Graph matches property ids ignoring case). */
    static Optional<String> extendedValue(Contact contact, String propertyId) {
        return Optional.ofNullable(contact.getSingleValueExtendedProperties()).orElse(List.of()).stream()
                .filter(p -> propertyId.equalsIgnoreCase(p.getId()))
                .map(SingleValueLegacyExtendedProperty::getValue)
                .filter(v -> v != null)
                .findFirst();
    }
}

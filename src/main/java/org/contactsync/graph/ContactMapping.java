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
import org.contactsync.sync.plan.FieldValues;
import org.contactsync.sync.plan.OutlookContact;
import org.contactsync.sync.plan.StreetLines;
import org.contactsync.sync.plan.SyncedField;

/**
 * {@link SyncedField}'s mapping applied to the SDK's {@link Contact}: the body of a create (every mapped field plus
 * the stamp), the body of a PATCH (only the given fields; the collections emailAddresses and businessPhones rebuilt
 * from Outlook's current entries so that entries beyond the mapped ones survive), and a contact read back.
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

    private ContactMapping() {
    }

    /** Outlook's current collections of a contact, kept whole when a PATCH rewrites the mapped entries. */
    record Collections(List<EmailAddress> emailAddresses, List<String> businessPhones) {
        Collections {
            emailAddresses = List.copyOf(emailAddresses);
            businessPhones = List.copyOf(businessPhones);
        }

        static Collections none() {
            return new Collections(List.of(), List.of());
        }

        static Collections of(Contact contact) {
            return new Collections(
                    Optional.ofNullable(contact.getEmailAddresses()).orElse(List.of()),
                    Optional.ofNullable(contact.getBusinessPhones()).orElse(List.of()));
        }
    }

    /** The body of a create: every non-empty mapped field, and the stamp. */
    static Contact forCreate(String contactNo, FieldValues values) {
        Contact contact = new Contact();
        FieldValues present = withoutEmpty(values);
        write(contact, present, present.fields(), Collections.none());
        List<SingleValueLegacyExtendedProperty> extended = new ArrayList<>(
                Optional.ofNullable(contact.getSingleValueExtendedProperties()).orElse(List.of()));
        extended.add(extendedProperty(STAMP_PROPERTY_ID, contactNo));
        contact.setSingleValueExtendedProperties(extended);
        return contact;
    }

    /**
     * The body of a PATCH: the Graph properties of the given fields, nothing else. A collection or the business
     * address is sent whole, so the patch must hold every field of that property ({@link SyncedField#sentTogether()});
     * collection entries beyond the mapped ones are kept from {@code current}.
     */
    static Contact forPatch(FieldValues patch, Collections current) {
        Contact contact = new Contact();
        write(contact, patch, patch.fields(), current);
        return contact;
    }

    /** Whether a PATCH of these fields rewrites a collection (and so needs Outlook's current entries). */
    static boolean touchesCollections(FieldValues patch) {
        return patch.fields().stream().anyMatch(f -> f.graphProperty().equals("emailAddresses")
                || f.graphProperty().equals("businessPhones"));
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

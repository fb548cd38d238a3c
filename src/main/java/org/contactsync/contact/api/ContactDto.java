package org.contactsync.contact.api;

import java.time.Instant;
import org.contactsync.contact.Contact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact as the API shows it. A request body has the same fields; the read-only ones are ignored there. */
@Schema(name = "Contact", description = "A Business Central contact: a company or a person.")
public record ContactDto(
        @Schema(readOnly = true, example = "CT000010") String no,
        @Schema(enumeration = {"Company", "Person"}) String type,
        @Schema(maxLength = 100, description = "For persons computed from First Name, Middle Name and Surname")
        String name,
        @Schema(maxLength = 50) String name2,
        @Schema(maxLength = 30) String firstName,
        @Schema(maxLength = 30) String middleName,
        @Schema(maxLength = 30) String surname,
        @Schema(maxLength = 20, description = "A person's company contact; a company's own No.") String companyNo,
        @Schema(readOnly = true) String companyName,
        @Schema(maxLength = 30) String jobTitle,
        @Schema(maxLength = 100) String address,
        @Schema(maxLength = 50) String address2,
        @Schema(maxLength = 30) String city,
        @Schema(maxLength = 20) String postCode,
        @Schema(maxLength = 30) String county,
        @Schema(maxLength = 10) String countryRegionCode,
        @Schema(maxLength = 30, description = "No letters") String phoneNo,
        @Schema(maxLength = 30, description = "No letters") String mobilePhoneNo,
        @Schema(maxLength = 30, description = "No letters") String faxNo,
        @Schema(maxLength = 80, format = "email") String email,
        @Schema(maxLength = 80, format = "email") String email2,
        @Schema(maxLength = 255) String homePage,
        @Schema(maxLength = 20) String salespersonCode,
        @Schema(maxLength = 10) String territoryCode,
        boolean privacyBlocked,
        @Schema(readOnly = true, description = "Last Date/Time Modified, UTC") Instant lastModifiedAt,
        @Schema(readOnly = true, description = "Optimistic-lock version; also the ETag") long version) {

    static ContactDto of(Contact c) {
        return new ContactDto(c.getNo(), ContactJson.typeName(c.getType()), c.getName(), c.getName2(),
                c.getFirstName(), c.getMiddleName(), c.getSurname(), c.getCompanyNo(), c.getCompanyName(),
                c.getJobTitle(), c.getAddress(), c.getAddress2(), c.getCity(), c.getPostCode(), c.getCounty(),
                c.getCountryRegionCode(), c.getPhoneNo(), c.getMobilePhoneNo(), c.getFaxNo(), c.getEmail(),
                c.getEmail2(), c.getHomePage(), c.getSalespersonCode(), c.getTerritoryCode(), c.isPrivacyBlocked(),
                c.getLastModifiedAt(), c.getVersion());
    }
}

package org.contactsync.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Business Central contact (table 5050): a company, or a person who may belong to a company. Texts are never
 * null; an empty field is {@code ""}, as in Business Central. Search Name, the other upper-cased search copies and
 * Last Date/Time Modified are derived by {@link ContactMaintenance} on every insert and update, whoever changes the
 * contact (pages, API, sync engine). The text fields' lengths and rules are {@link ContactField}'s, checked by
 * {@link CatalogueRules}; their columns are here.
 */
@Entity
@Table(name = "contact")
@EntityListeners(ContactMaintenance.class)
@CatalogueRules
public class Contact implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Stands before each value in {@code searchText} (as migration V16 writes it): a character no one types, so that
     * a search never runs from one value into the next.
     */
    static final char SEARCH_TEXT_SEPARATOR = '\u001f';

    @Id
    @Column(name = "no")
    private String no = "";

    @NotNull
    @Enumerated(EnumType.STRING)
    private ContactType type = ContactType.PERSON;

    private String name = "";

    @Column(name = "search_name")
    private String searchName = "";

    @Column(name = "name_2")
    private String name2 = "";

    @Column(name = "first_name")
    private String firstName = "";

    @Column(name = "middle_name")
    private String middleName = "";

    private String surname = "";

    @Column(name = "company_no")
    private String companyNo = "";

    @Column(name = "company_name")
    private String companyName = "";

    @Column(name = "search_company_name")
    private String searchCompanyName = "";

    @Column(name = "job_title")
    private String jobTitle = "";

    private String address = "";

    @Column(name = "address_2")
    private String address2 = "";

    private String city = "";

    @Column(name = "search_city")
    private String searchCity = "";

    @Column(name = "post_code")
    private String postCode = "";

    private String county = "";

    @Column(name = "country_region_code")
    private String countryRegionCode = "";

    @Column(name = "phone_no")
    private String phoneNo = "";

    @Column(name = "mobile_phone_no")
    private String mobilePhoneNo = "";

    @Column(name = "fax_no")
    private String faxNo = "";

    @Column(name = "e_mail")
    private String email = "";

    @Column(name = "search_e_mail")
    private String searchEmail = "";

    @Column(name = "e_mail_2")
    private String email2 = "";

    @Column(name = "home_page")
    private String homePage = "";

    @Column(name = "salesperson_code")
    private String salespersonCode = "";

    @Column(name = "territory_code")
    private String territoryCode = "";

    @Column(name = "privacy_blocked")
    private boolean privacyBlocked;

    @Column(name = "last_date_modified")
    private LocalDate lastDateModified;

    @Column(name = "last_time_modified")
    private LocalTime lastTimeModified;

    /** UTC; kept as a LocalDateTime because EclipseLink 4.0 would serialize an Instant into a byte array. */
    @Column(name = "last_modified_at")
    private LocalDateTime lastModifiedAt;

    /** The values the search box finds the contact in, upper-cased; derived, see {@link #maintain}. */
    @Column(name = "search_text")
    private String searchText = "";

    @Version
    private long version;

    public Contact() {
    }

    public Contact(ContactType type) {
        this.type = type;
    }

    /** Texts are kept stripped and never null, so that '' means empty everywhere. */
    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** Business Central's Code fields are upper case. */
    private static String code(String value) {
        return text(value).toUpperCase(Locale.ROOT);
    }

    /**
     * Applies Business Central's name and company rules before a save: a person's Name comes from First, Middle
     * Name and Surname (their OnValidate, CalculatedName), or is broken down into them when Name was typed or is all
     * there is (Name's OnValidate, NameBreakdown); a company is its own company.
     *
     * @param nameTyped Name was typed on an existing person (the parts were not), so Name decides the parts
     * @return whether Name was broken down into the parts
     */
    boolean applyNameRules(boolean nameTyped) {
        if (type == ContactType.COMPANY) {
            companyNo = no;
            companyName = name;
            return false;
        }
        var calculated = ContactNames.calculatedName(firstName, middleName, surname);
        if (nameTyped || calculated.isEmpty() && !name.isEmpty()) {
            var parts = ContactNames.breakdown(name);
            firstName = parts.firstName();
            middleName = parts.middleName();
            surname = parts.surname();
            return true;
        }
        name = calculated;
        return false;
    }

    /**
     * Business Central's TypeChange (table 5050 Contact, Type's OnValidate): a person becoming a company loses its
     * name parts and Job Title and becomes its own company; a company becoming a person leaves the company it was
     * and takes its name parts from Name. Whether the change is allowed is {@link ContactTypeChange}'s.
     */
    void changeType(ContactType newType) {
        type = newType;
        if (newType == ContactType.COMPANY) {
            firstName = "";
            middleName = "";
            surname = "";
            jobTitle = "";
        } else {
            companyNo = "";
            companyName = "";
        }
    }

    /** Derives the search copies and the last-modified stamps; run by {@link ContactMaintenance}. */
    void maintain(Instant now) {
        searchName = name.toUpperCase(Locale.ROOT);
        searchCompanyName = companyName.toUpperCase(Locale.ROOT);
        searchCity = city.toUpperCase(Locale.ROOT);
        searchEmail = email.toUpperCase(Locale.ROOT);
        searchText = Stream.of(no, searchName, searchCompanyName, searchEmail, searchCity, phoneNo)
                .map(value -> SEARCH_TEXT_SEPARATOR + value.toUpperCase(Locale.ROOT))
                .collect(Collectors.joining());
        var utc = now.atOffset(ZoneOffset.UTC);
        lastModifiedAt = utc.toLocalDateTime();
        lastDateModified = utc.toLocalDate();
        lastTimeModified = utc.toLocalTime();
    }

    public boolean isCompany() {
        return type == ContactType.COMPANY;
    }

    public String getNo() {
        return no;
    }

    void setNo(String no) {
        this.no = code(no);
    }

    public ContactType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = text(name);
    }

    public String getSearchName() {
        return searchName;
    }

    public String getName2() {
        return name2;
    }

    public void setName2(String name2) {
        this.name2 = text(name2);
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = text(firstName);
    }

    public String getMiddleName() {
        return middleName;
    }

    public void setMiddleName(String middleName) {
        this.middleName = text(middleName);
    }

    public String getSurname() {
        return surname;
    }

    public void setSurname(String surname) {
        this.surname = text(surname);
    }

    public String getCompanyNo() {
        return companyNo;
    }

    public void setCompanyNo(String companyNo) {
        this.companyNo = code(companyNo);
    }

    public String getCompanyName() {
        return companyName;
    }

    /**
     * A person's company as another system names it (the Outlook sync): the company's No. when exactly one company
     * contact has that name, else no Company No. and the name as given.
     */
    public void assignCompany(String companyNo, String companyName) {
        setCompanyNo(companyNo);
        setCompanyName(companyName);
    }

    /** Company Name follows the company (set by the service from Company No.). */
    void setCompanyName(String companyName) {
        this.companyName = text(companyName);
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = text(jobTitle);
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = text(address);
    }

    public String getAddress2() {
        return address2;
    }

    public void setAddress2(String address2) {
        this.address2 = text(address2);
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = text(city);
    }

    public String getPostCode() {
        return postCode;
    }

    public void setPostCode(String postCode) {
        this.postCode = code(postCode);
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = text(county);
    }

    public String getCountryRegionCode() {
        return countryRegionCode;
    }

    public void setCountryRegionCode(String countryRegionCode) {
        this.countryRegionCode = code(countryRegionCode);
    }

    public String getPhoneNo() {
        return phoneNo;
    }

    public void setPhoneNo(String phoneNo) {
        this.phoneNo = text(phoneNo);
    }

    public String getMobilePhoneNo() {
        return mobilePhoneNo;
    }

    public void setMobilePhoneNo(String mobilePhoneNo) {
        this.mobilePhoneNo = text(mobilePhoneNo);
    }

    public String getFaxNo() {
        return faxNo;
    }

    public void setFaxNo(String faxNo) {
        this.faxNo = text(faxNo);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = text(email);
    }

    public String getEmail2() {
        return email2;
    }

    public void setEmail2(String email2) {
        this.email2 = text(email2);
    }

    public String getHomePage() {
        return homePage;
    }

    public void setHomePage(String homePage) {
        this.homePage = text(homePage);
    }

    public String getSalespersonCode() {
        return salespersonCode;
    }

    public void setSalespersonCode(String salespersonCode) {
        this.salespersonCode = code(salespersonCode);
    }

    public String getTerritoryCode() {
        return territoryCode;
    }

    public void setTerritoryCode(String territoryCode) {
        this.territoryCode = code(territoryCode);
    }

    public boolean isPrivacyBlocked() {
        return privacyBlocked;
    }

    public void setPrivacyBlocked(boolean privacyBlocked) {
        this.privacyBlocked = privacyBlocked;
    }

    public LocalDate getLastDateModified() {
        return lastDateModified;
    }

    public LocalTime getLastTimeModified() {
        return lastTimeModified;
    }

    public Instant getLastModifiedAt() {
        return lastModifiedAt.toInstant(ZoneOffset.UTC);
    }

    public long getVersion() {
        return version;
    }
}

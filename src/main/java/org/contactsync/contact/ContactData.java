package org.contactsync.contact;

import java.io.Serializable;

/**
 * The fields of a contact that a person (on the Contact Card or through the API) or the sync engine may set. No.,
 * Company Name, Search Name and Last Date/Time Modified are not here: the service derives them. Texts are never
 * null ({@code null} is taken as "empty").
 */
public class ContactData implements Serializable {

    private static final long serialVersionUID = 1L;

    private ContactType type = ContactType.PERSON;
    private String name = "";
    private String name2 = "";
    private String firstName = "";
    private String middleName = "";
    private String surname = "";
    private String companyNo = "";
    private String jobTitle = "";
    private String address = "";
    private String address2 = "";
    private String city = "";
    private String postCode = "";
    private String county = "";
    private String countryRegionCode = "";
    private String phoneNo = "";
    private String mobilePhoneNo = "";
    private String faxNo = "";
    private String email = "";
    private String email2 = "";
    private String homePage = "";
    private String salespersonCode = "";
    private String territoryCode = "";
    private boolean privacyBlocked;

    /** The editable fields of an existing contact. */
    public static ContactData of(Contact contact) {
        var data = new ContactData();
        data.type = contact.getType();
        data.name = contact.getName();
        data.name2 = contact.getName2();
        data.firstName = contact.getFirstName();
        data.middleName = contact.getMiddleName();
        data.surname = contact.getSurname();
        // A company's own No. is its Company No.; only a person's Company No. is editable.
        data.companyNo = contact.isCompany() ? "" : contact.getCompanyNo();
        data.jobTitle = contact.getJobTitle();
        data.address = contact.getAddress();
        data.address2 = contact.getAddress2();
        data.city = contact.getCity();
        data.postCode = contact.getPostCode();
        data.county = contact.getCounty();
        data.countryRegionCode = contact.getCountryRegionCode();
        data.phoneNo = contact.getPhoneNo();
        data.mobilePhoneNo = contact.getMobilePhoneNo();
        data.faxNo = contact.getFaxNo();
        data.email = contact.getEmail();
        data.email2 = contact.getEmail2();
        data.homePage = contact.getHomePage();
        data.salespersonCode = contact.getSalespersonCode();
        data.territoryCode = contact.getTerritoryCode();
        data.privacyBlocked = contact.isPrivacyBlocked();
        return data;
    }

    /** Copies these values onto a contact (all but Type, which is set once when the contact is created). */
    void applyTo(Contact contact) {
        contact.setName(name);
        contact.setName2(name2);
        contact.setFirstName(firstName);
        contact.setMiddleName(middleName);
        contact.setSurname(surname);
        contact.setCompanyNo(companyNo);
        contact.setJobTitle(jobTitle);
        contact.setAddress(address);
        contact.setAddress2(address2);
        contact.setCity(city);
        contact.setPostCode(postCode);
        contact.setCounty(county);
        contact.setCountryRegionCode(countryRegionCode);
        contact.setPhoneNo(phoneNo);
        contact.setMobilePhoneNo(mobilePhoneNo);
        contact.setFaxNo(faxNo);
        contact.setEmail(email);
        contact.setEmail2(email2);
        contact.setHomePage(homePage);
        contact.setSalespersonCode(salespersonCode);
        contact.setTerritoryCode(territoryCode);
        contact.setPrivacyBlocked(privacyBlocked);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    public ContactType getType() {
        return type;
    }

    public void setType(ContactType type) {
        this.type = type == null ? ContactType.PERSON : type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = text(name);
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
        this.companyNo = text(companyNo);
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
        this.postCode = text(postCode);
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
        this.countryRegionCode = text(countryRegionCode);
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
        this.salespersonCode = text(salespersonCode);
    }

    public String getTerritoryCode() {
        return territoryCode;
    }

    public void setTerritoryCode(String territoryCode) {
        this.territoryCode = text(territoryCode);
    }

    public boolean isPrivacyBlocked() {
        return privacyBlocked;
    }

    public void setPrivacyBlocked(boolean privacyBlocked) {
        this.privacyBlocked = privacyBlocked;
    }
}

package org.contactsync.contact;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.contactsync.platform.SeedingLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code contactsync.demo-data=true}, fills an empty contact table with about 50 demo contacts (12 companies,
 * 38 persons, Swedish and English) through the service, so that they get numbers and validation like any other.
 * A table that already has contacts is left alone, so restarts add nothing, nor does a second server starting at
 * the same moment ({@link SeedingLock}).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class DemoContacts {

    private static final Logger LOG = Logger.getLogger(DemoContacts.class.getName());

    @Inject
    SeedingLock seedingLock;

    @Inject
    @ConfigProperty(name = "contactsync.demo-data")
    boolean demoData;

    @Inject
    ContactService contacts;

    @PostConstruct
    void createWhenEmpty() {
        if (!demoData) {
            return;
        }
        seedingLock.holdUntilCommit();
        if (contacts.count(ContactFilter.NONE) > 0) {
            return;
        }
        var companies = new ArrayList<Contact>();
        for (var row : rows("demo-companies.txt")) {
            companies.add(contacts.create(company(row)));
        }
        var persons = rows("demo-persons.txt");
        for (var row : persons) {
            contacts.create(person(row, companies));
        }
        LOG.info(() -> "Created " + companies.size() + " demo companies and " + persons.size() + " demo persons.");
    }

    /** The columns of demo-companies.txt. */
    private static final List<ContactField> COMPANY_COLUMNS = List.of(ContactField.NAME, ContactField.ADDRESS,
            ContactField.POST_CODE, ContactField.CITY, ContactField.COUNTRY_REGION_CODE, ContactField.PHONE_NO,
            ContactField.E_MAIL, ContactField.HOME_PAGE, ContactField.SALESPERSON_CODE, ContactField.TERRITORY_CODE);

    /** The columns 0 to 2 and 4 to 7 of demo-persons.txt (3 is the company's line, 8 Privacy Blocked). */
    private static final Map<Integer, ContactField> PERSON_COLUMNS = Map.of(0, ContactField.FIRST_NAME,
            1, ContactField.MIDDLE_NAME, 2, ContactField.SURNAME, 4, ContactField.JOB_TITLE, 5, ContactField.E_MAIL,
            6, ContactField.PHONE_NO, 7, ContactField.MOBILE_PHONE_NO);

    /** What a person without a company has in columns 9 to 14, and a person of a company takes from it. */
    private static final List<ContactField> LOCATION = List.of(ContactField.ADDRESS, ContactField.POST_CODE,
            ContactField.CITY, ContactField.COUNTRY_REGION_CODE, ContactField.SALESPERSON_CODE,
            ContactField.TERRITORY_CODE);

    private static ContactData company(String[] row) {
        var data = new ContactData();
        data.setType(ContactType.COMPANY);
        for (int column = 0; column < COMPANY_COLUMNS.size(); column++) {
            data.set(COMPANY_COLUMNS.get(column), row[column]);
        }
        return data;
    }

    private static ContactData person(String[] row, List<Contact> companies) {
        var data = new ContactData();
        data.setType(ContactType.PERSON);
        PERSON_COLUMNS.forEach((column, field) -> data.set(field, row[column]));
        data.setPrivacyBlocked(row[8].equals("yes"));
        if (row[3].isEmpty()) {
            for (int i = 0; i < LOCATION.size(); i++) {
                data.set(LOCATION.get(i), row[9 + i]);
            }
        } else {
            var company = companies.get(Integer.parseInt(row[3]) - 1);
            data.set(ContactField.COMPANY_NO, company.getNo());
            LOCATION.forEach(field -> data.set(field, field.get(company)));
        }
        return data;
    }

    /** The data lines of a demo file, split at | and stripped; # starts a comment line. */
    static List<String[]> rows(String resource) {
        var stream = DemoContacts.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Demo data " + resource + " is missing from the application");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

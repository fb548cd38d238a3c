package org.contactsync.contact;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
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

    @EJB
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

    private static ContactData company(String[] row) {
        var data = new ContactData();
        data.setType(ContactType.COMPANY);
        data.setName(row[0]);
        data.setAddress(row[1]);
        data.setPostCode(row[2]);
        data.setCity(row[3]);
        data.setCountryRegionCode(row[4]);
        data.setPhoneNo(row[5]);
        data.setEmail(row[6]);
        data.setHomePage(row[7]);
        data.setSalespersonCode(row[8]);
        data.setTerritoryCode(row[9]);
        return data;
    }

    private static ContactData person(String[] row, List<Contact> companies) {
        var data = new ContactData();
        data.setType(ContactType.PERSON);
        data.setFirstName(row[0]);
        data.setMiddleName(row[1]);
        data.setSurname(row[2]);
        data.setJobTitle(row[4]);
        data.setEmail(row[5]);
        data.setPhoneNo(row[6]);
        data.setMobilePhoneNo(row[7]);
        data.setPrivacyBlocked(row[8].equals("yes"));
        if (row[3].isEmpty()) {
            data.setAddress(row[9]);
            data.setPostCode(row[10]);
            data.setCity(row[11]);
            data.setCountryRegionCode(row[12]);
            data.setSalespersonCode(row[13]);
            data.setTerritoryCode(row[14]);
        } else {
            var company = companies.get(Integer.parseInt(row[3]) - 1);
            data.setCompanyNo(company.getNo());
            data.setAddress(company.getAddress());
            data.setPostCode(company.getPostCode());
            data.setCity(company.getCity());
            data.setCountryRegionCode(company.getCountryRegionCode());
            data.setSalespersonCode(company.getSalespersonCode());
            data.setTerritoryCode(company.getTerritoryCode());
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

package org.contactsync.contact;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;

/**
 * Many contacts written straight into a migrated database, shaped like a CRM's: the Contact List's scale test and
 * its benchmark ({@link ContactListBenchmark}) share them. Contact {@code i} is {@code CT} + 10·i; every 50th is a
 * company, the persons after it belong to it and have the e-mail {@code p<i>@example.com}.
 */
final class ScaleContacts {

    private ScaleContacts() {
    }

    static final List<String> CITIES = List.of("Stockholm", "Göteborg", "Malmö", "Uppsala", "London", "Leeds",
            "Oxford", "Umeå");

    /** Whether contact {@code i} (from 1) is a company: the first of every 50. */
    static boolean isCompany(int i) {
        return (i - 1) % 50 == 0;
    }

    /** The name of the company contact {@code i} belongs to (or is). */
    static String companyName(int i) {
        return "Company " + Integer.toString((i - 1) / 50 * 7919 % 100_000, 36).toUpperCase();
    }

    /** Persons' surnames: "berg" is in 2 of 10, "sson" in 8 of 10. */
    static final List<String> SURNAMES = List.of("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
            "Larsson", "Olsson", "Persson", "Lindberg", "Sandberg");

    static String name(int i) {
        return isCompany(i) ? companyName(i)
                : "Person" + Integer.toString(i * 104_729 % 1_000_003, 36) + " " + SURNAMES.get(i % 10) + i;
    }

    static String no(int i) {
        return String.format("CT%07d", i * 10);
    }

    static String phone(int i) {
        return "+46 8 " + (5_000_000 + i);
    }

    /** A person's e-mail; a company has none. */
    static String email(int i) {
        return isCompany(i) ? "" : "p" + i + "@example.com";
    }

    static String city(int i) {
        return CITIES.get(i % CITIES.size());
    }

    /**
     * {@code count} contacts: a company and 49 of its persons per 50, spread over eight cities, inserted in JDBC
     * batches with their search text, then the statistics brought up to date (ANALYZE).
     */
    static void insert(DataSource dataSource, int count) throws SQLException {
        var sql = "insert into contact (no, type, name, search_name, company_no, company_name, search_company_name,"
                + " e_mail, search_e_mail, city, search_city, phone_no, last_date_modified, last_time_modified,"
                + " last_modified_at, search_text) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        var now = LocalDateTime.of(2026, 1, 1, 12, 0);
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            for (var i = 1; i <= count; i++) {
                var no = no(i);
                var companyIndex = (i - 1) / 50;
                var company = isCompany(i);
                var companyNo = String.format("CT%07d", (companyIndex * 50 + 1) * 10);
                var companyName = companyName(i);
                var name = name(i);
                var email = email(i);
                var city = city(i);
                var modified = now.plusSeconds(i);
                insert.setString(1, no);
                insert.setString(2, company ? "COMPANY" : "PERSON");
                insert.setString(3, name);
                insert.setString(4, name.toUpperCase());
                insert.setString(5, companyNo);
                insert.setString(6, companyName);
                insert.setString(7, companyName.toUpperCase());
                insert.setString(8, email);
                insert.setString(9, email.toUpperCase());
                insert.setString(10, city);
                insert.setString(11, city.toUpperCase());
                insert.setString(12, phone(i));
                insert.setDate(13, Date.valueOf(modified.toLocalDate()));
                insert.setTime(14, Time.valueOf(modified.toLocalTime()));
                insert.setTimestamp(15, Timestamp.valueOf(modified));
                insert.setString(16, searchText(no, name, companyName, email, city, phone(i)));
                insert.addBatch();
                if (i % 5_000 == 0 || i == count) {
                    insert.executeBatch();
                }
            }
            connection.commit();
            try (var analyze = connection.createStatement()) {
                analyze.execute("ANALYZE");
            }
        }
    }

    /** What {@link Contact#maintain} keeps in {@code search_text}. */
    private static String searchText(String... values) {
        var text = new StringBuilder();
        for (var value : values) {
            text.append(Contact.SEARCH_TEXT_SEPARATOR).append(value.toUpperCase(java.util.Locale.ROOT));
        }
        return text.toString();
    }
}

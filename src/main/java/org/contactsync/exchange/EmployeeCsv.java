package org.contactsync.exchange;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;

/**
 * The Users page's import file: a CSV with a header row naming its columns, {@value #USER_NAME}, {@value #FULL_NAME}
 * and {@value #EMAIL} required, {@value #BACKGROUND_SYNC} and any filter field of Contact Sync Setup (its name as the
 * REST API has it: {@code territoryCode}, {@code city}, ...) optional. Commas or semicolons (Excel's CSV in Swedish
 * settings), quotes as RFC 4180 has them (Apache Commons CSV reads them).
 */
public final class EmployeeCsv {

    public static final String USER_NAME = "userName";
    public static final String FULL_NAME = "fullName";
    public static final String EMAIL = "email";
    public static final String BACKGROUND_SYNC = "backgroundSync";
    private static final List<String> REQUIRED_COLUMNS = List.of(USER_NAME, FULL_NAME, EMAIL);
    private static final List<String> EMPLOYEE_COLUMNS = List.of(USER_NAME, FULL_NAME, EMAIL, BACKGROUND_SYNC);
    /** More than a tenant's rollout needs in one go, few enough to preview on one page. */
    public static final int MAX_ROWS = 1000;

    private static final Set<String> YES = Set.of("", "true", "yes", "ja", "1", "x");
    private static final Set<String> NO = Set.of("false", "no", "nej", "0");

    /**
     * One employee to import.
     *
     * @param line           the file's line it came from, for messages
     * @param backgroundSync Enable Background Synchronization (on unless the file says no)
     * @param problems       what is wrong with the row itself (a value the file cannot mean)
     */
    public record Row(long line, String userName, String fullName, String email, SyncFilter filter,
                      boolean backgroundSync, List<FieldProblem> problems) {
    }

    private EmployeeCsv() {
    }

    /** The file's rows; refused with a message when it is not such a file (columns, no rows, too many). */
    public static List<Row> read(String text) {
        var content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        var format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(content)).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = new StringReader(content); var parser = format.parse(reader)) {
            var columns = parser.getHeaderNames();
            checkColumns(columns);
            var rows = new ArrayList<Row>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw refused("import.tooManyRows", MAX_ROWS);
                }
                rows.add(row(record, columns));
            }
            if (rows.isEmpty()) {
                throw refused("import.noRows");
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
            // Reading a string fails only where the text is not CSV: Commons CSV's answer to an unclosed quote (an
            // IOException, also wrapped while iterating), a duplicate or an empty column name.
            throw refused("import.unreadable", unreadable.getMessage());
        }
    }

    private static char delimiter(String content) {
        var header = content.lines().findFirst().orElse("");
        return header.contains(";") && !header.contains(",") ? ';' : ',';
    }

    private static void checkColumns(List<String> columns) {
        var missing = REQUIRED_COLUMNS.stream().filter(c -> !columns.contains(c)).toList();
        var unknown = columns.stream().filter(c -> !EMPLOYEE_COLUMNS.contains(c) && filterField(c).isEmpty()).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw refused("import.columns", String.join(", ", missing), String.join(", ", unknown),
                    knownColumns());
        }
    }

    private static Row row(CSVRecord record, List<String> columns) {
        var filter = new EnumMap<FilterField, String>(FilterField.class);
        columns.stream().map(EmployeeCsv::filterField).flatMap(Optional::stream)
                .forEach(field -> filter.put(field, value(record, field.attribute)));
        var problems = new ArrayList<FieldProblem>();
        var backgroundSync = value(record, BACKGROUND_SYNC).toLowerCase(Locale.ROOT);
        if (!YES.contains(backgroundSync) && !NO.contains(backgroundSync)) {
            problems.add(new FieldProblem(BACKGROUND_SYNC, ExchangeMessages.of("import.backgroundSync.invalid",
                    value(record, BACKGROUND_SYNC))));
        }
        return new Row(record.getRecordNumber() + 1, value(record, USER_NAME), value(record, FULL_NAME),
                value(record, EMAIL), new SyncFilter(filter), !NO.contains(backgroundSync), problems);
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    private static Optional<FilterField> filterField(String column) {
        return Arrays.stream(FilterField.values()).filter(field -> field.attribute.equals(column)).findFirst();
    }

    /** Every column the file may have, for the page's help and messages. */
    public static String knownColumns() {
        return String.join(", ", EMPLOYEE_COLUMNS) + ", " + Arrays.stream(FilterField.values())
                .map(field -> field.attribute).collect(Collectors.joining(", "));
    }

    private static ApplicationException refused(String key, Object... args) {
        return new ApplicationException(Kind.INVALID, ExchangeMessages.of(key, args));
    }
}

package org.contactsync.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.contactsync.employee.Caller;
import org.contactsync.employee.UserDetails;
import org.contactsync.employee.UserService;
import org.contactsync.employee.UserService.InitialPassword;
import org.contactsync.exchange.EmployeeCsv.Row;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;

/**
 * An admin sets up many employees at once from {@link EmployeeCsv} rows: each a new user (with the Microsoft 365
 * e-mail, no password: background sync works without one, and Reset Password on the card gives a one-time password to
 * sign in with) and a Contact Sync Setup with the row's filter. First {@link #check} every row with the rules the User
 * Card and Contact Sync Setup use; {@link #importAll} creates all of them in one transaction, or none.
 */
@ApplicationScoped
@Transactional
public class EmployeeImport {

    /** A row and what would refuse it (empty: it would be imported). */
    public record CheckedRow(Row row, List<FieldProblem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    @Inject
    UserService users;

    @Inject
    ExchangeSyncService setups;

    /** Each row with its problems, including a user name or e-mail an earlier row of the file has. */
    public List<CheckedRow> check(Caller caller, List<Row> rows) {
        Set<String> userNames = new HashSet<>();
        Set<String> emails = new HashSet<>();
        var checked = new ArrayList<CheckedRow>();
        for (var row : rows) {
            var problems = new ArrayList<>(row.problems());
            problems.addAll(users.problemsCreating(caller, details(row)));
            if (!userNames.add(row.userName().toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(EmployeeCsv.USER_NAME, ExchangeMessages.of("import.twice")));
            }
            if (!row.email().isBlank() && !emails.add(row.email().toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(EmployeeCsv.EMAIL, ExchangeMessages.of("import.twice")));
            }
            try {
                row.filter().parse();
            } catch (ApplicationException invalidFilter) {
                problems.addAll(invalidFilter.fieldProblems());
            }
            checked.add(new CheckedRow(row, problems));
        }
        return checked;
    }

    /** Creates every row's user and setup; refused, with nothing created, while any row has a problem. */
    public int importAll(Caller caller, List<Row> rows) {
        if (!check(caller, rows).stream().allMatch(CheckedRow::ok)) {
            throw new ApplicationException(Kind.INVALID, ExchangeMessages.of("import.refused"));
        }
        for (var row : rows) {
            users.create(caller, details(row), InitialPassword.NONE);
            var setup = setups.open(caller, row.userName());
            setups.save(caller, row.userName(), new ContactSyncSettings(setup.getFolderName(), row.filter(),
                    row.backgroundSync(), setup.isKeepInOutlook()), setup.getVersion());
        }
        return rows.size();
    }

    private static UserDetails details(Row row) {
        return new UserDetails(row.userName(), row.fullName(), row.email(), true, UserDetails.NEW_USER_ROLES);
    }
}

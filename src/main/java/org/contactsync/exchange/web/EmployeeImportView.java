package org.contactsync.exchange.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.exchange.EmployeeCsv;
import org.contactsync.exchange.EmployeeImport;
import org.contactsync.exchange.EmployeeImport.CheckedRow;
import org.contactsync.exchange.ExchangeMessages;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;
import org.primefaces.event.FileUploadEvent;

/**
 * Import Employees (admins; from the Users page): a CSV file is read and every row checked at once, shown as a
 * preview with each row's problems; Import creates them all, only when no row has a problem, so nothing is ever
 * half-imported.
 */
@Named
@ViewScoped
public class EmployeeImportView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "importForm";

    @Inject
    transient EmployeeImport employeeImport;

    @Inject
    transient CurrentCaller caller;

    private String fileName = "";
    private List<CheckedRow> rows = List.of();
    private boolean imported;

    public void upload(FileUploadEvent event) {
        fileName = event.getFile().getFileName();
        imported = false;
        try {
            rows = employeeImport.check(caller.get(),
                    EmployeeCsv.read(new String(event.getFile().getContent(), StandardCharsets.UTF_8)));
        } catch (ApplicationException refusal) {
            rows = List.of();
            FacesMessages.show(refusal, FORM);
        }
    }

    public void importAll() {
        try {
            int count = employeeImport.importAll(caller.get(), rows.stream().map(CheckedRow::row).toList());
            imported = true;
            FacesMessages.info(ExchangeMessages.of("import.imported", count));
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }

    /** A row's problems as the page's language has them. */
    public String problems(CheckedRow row) {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return row.problems().stream().map(problem -> problem.message().in(locale))
                .collect(Collectors.joining(" "));
    }

    public boolean isImportable() {
        return !imported && !rows.isEmpty() && rows.stream().allMatch(CheckedRow::ok);
    }

    public long getRowsWithProblems() {
        return rows.stream().filter(row -> !row.ok()).count();
    }

    public String getKnownColumns() {
        return EmployeeCsv.knownColumns();
    }

    public String getFileName() {
        return fileName;
    }

    public List<CheckedRow> getRows() {
        return rows;
    }

    public boolean isImported() {
        return imported;
    }
}

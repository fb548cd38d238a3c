package org.contactsync.employee;

import java.util.ArrayList;
import java.util.List;
import org.contactsync.platform.FieldProblem;

/** What a new password must be: at least 10 characters, not the user name, typed the same way twice. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    /** Field names the change-password form and the API use. */
    public static final String NEW_PASSWORD = "newPassword";
    public static final String CONFIRMATION = "confirmPassword";

    private PasswordRules() {
    }

    public static List<FieldProblem> problems(String userName, String newPassword, String confirmation) {
        var problems = new ArrayList<FieldProblem>();
        var password = newPassword == null ? "" : newPassword;
        if (password.length() < MIN_LENGTH) {
            problems.add(new FieldProblem(NEW_PASSWORD, UserMessages.of("password.tooShort", MIN_LENGTH)));
        } else if (password.strip().equalsIgnoreCase(userName.strip())) {
            problems.add(new FieldProblem(NEW_PASSWORD, UserMessages.of("password.isUserName")));
        }
        if (!password.equals(confirmation)) {
            problems.add(new FieldProblem(CONFIRMATION, UserMessages.of("password.confirmationDiffers")));
        }
        return problems;
    }
}

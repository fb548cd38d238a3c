package org.contactsync.employee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.contactsync.platform.FieldProblem;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void acceptsTenCharactersThatAreNotTheUserName() {
        assertTrue(PasswordRules.problems("alice", "ten chars!", "ten chars!").isEmpty());
    }

    @Test
    void refusesFewerThanTenCharacters() {
        var problems = PasswordRules.problems("alice", "nine char", "nine char");

        assertEquals(List.of(PasswordRules.NEW_PASSWORD), fields(problems));
        assertEquals("The password must have at least 10 characters.", text(problems.get(0)));
    }

    @Test
    void refusesTheUserNameInAnyCase() {
        var problems = PasswordRules.problems("alice.andersson", "Alice.Andersson", "Alice.Andersson");

        assertEquals(List.of(PasswordRules.NEW_PASSWORD), fields(problems));
        assertEquals("The password cannot be your user name.", text(problems.get(0)));
    }

    @Test
    void refusesAConfirmationThatDiffers() {
        var problems = PasswordRules.problems("alice", "a long password", "a long passwort");

        assertEquals(List.of(PasswordRules.CONFIRMATION), fields(problems));
    }

    @Test
    void reportsEveryProblemAtOnceAndInSwedish() {
        var problems = PasswordRules.problems("alice", "short", "");

        assertEquals(List.of(PasswordRules.NEW_PASSWORD, PasswordRules.CONFIRMATION), fields(problems));
        assertEquals("Lösenordet måste ha minst 10 tecken.", problems.get(0).message().in(Locale.forLanguageTag("sv")));
    }

    @Test
    void aMissingPasswordIsTooShort() {
        assertEquals(List.of(PasswordRules.NEW_PASSWORD, PasswordRules.CONFIRMATION),
                fields(PasswordRules.problems("alice", null, "x")));
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    private static String text(FieldProblem problem) {
        return problem.message().in(Locale.ENGLISH);
    }
}

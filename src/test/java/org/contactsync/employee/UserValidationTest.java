package org.contactsync.employee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.contactsync.platform.FieldProblem;
import org.contactsync.testsupport.BeanValidation;
import org.junit.jupiter.api.Test;

/** The User Card's fields: BC's lengths, a user name pattern, a real e-mail address, at least one role. */
class UserValidationTest {

    private static final Validator validator = BeanValidation.validator();

    @Test
    void aCompleteCardIsValid() {
        assertTrue(problems("alice", "Alice Andersson", "alice@contoso.example").isEmpty());
        assertTrue(problems("j.doe@contoso", "", "").isEmpty(), "full name and e-mail may be empty");
    }

    @Test
    void userNameIsRequiredShortAndPlain() {
        assertEquals("Enter a user name.", problems("", "A", "").get("userName"));
        assertEquals("The user name can have at most 50 characters.", problems("a".repeat(51), "A", "").get("userName"));
        assertEquals("A user name starts with a letter or digit and has only letters, digits and . _ @ -.",
                problems("alice smith", "A", "").get("userName"));
        assertEquals("A user name starts with a letter or digit and has only letters, digits and . _ @ -.",
                problems("-alice", "A", "").get("userName"));
        assertTrue(problems("a".repeat(50), "A", "").isEmpty());
    }

    @Test
    void fullNameHasBcsLength() {
        assertEquals("The full name can have at most 80 characters.", problems("alice", "x".repeat(81), "").get("fullName"));
        assertTrue(problems("alice", "x".repeat(80), "").isEmpty());
    }

    @Test
    void authenticationEmailMustBeAnAddressWithADomain() {
        var invalid = "Enter a valid e-mail address, such as name@contoso.com.";
        assertEquals(invalid, problems("alice", "A", "alice").get("authenticationEmail"));
        assertEquals(invalid, problems("alice", "A", "alice@contoso").get("authenticationEmail"));
        assertEquals(invalid, problems("alice", "A", "alice @contoso.example").get("authenticationEmail"));
        assertEquals("The e-mail address can have at most 250 characters.",
                problems("alice", "A", "a".repeat(60) + "@" + ("b".repeat(60) + ".").repeat(3) + "example").get("authenticationEmail"));
    }

    @Test
    void atLeastOneRole() {
        var problems = UserValidation.problems(validator, new UserDetails("alice", "A", "", true, Set.of()));

        assertEquals(Map.of("roles", "Choose at least one role."), english(problems));
    }

    @Test
    void messagesAreInTheReadersLanguage() {
        var problem = UserValidation.problems(validator,
                new UserDetails("alice", "A", "alice", true, Set.of(Role.EMPLOYEE))).get(0);

        assertEquals("Ange en giltig e-postadress, till exempel namn@contoso.com.",
                problem.message().in(Locale.forLanguageTag("sv")));
    }

    private static Map<String, String> problems(String userName, String fullName, String email) {
        return english(UserValidation.problems(validator,
                new UserDetails(userName, fullName, email, true, Set.of(Role.EMPLOYEE))));
    }

    private static Map<String, String> english(java.util.List<FieldProblem> problems) {
        return problems.stream().collect(Collectors.toMap(FieldProblem::field, p -> p.message().in(Locale.ENGLISH)));
    }
}

package org.contactsync.employee.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.contactsync.employee.Role;
import org.contactsync.employee.UserDetails;
import org.contactsync.employee.UserService.InitialPassword;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.FieldProblem;
import org.contactsync.testsupport.BeanValidation;
import org.junit.jupiter.api.Test;

/** The Users API's bodies: a new user's defaults are a new User Card's, and a change keeps what it does not name. */
class UserRequestsTest {

    private static final jakarta.validation.Validator VALIDATOR = BeanValidation.validator();
    private static final UserDetails CAROL = new UserDetails("carol", "Carol Carlsson", "carol@contoso.example", true,
            Set.of(Role.EMPLOYEE));

    @Test
    void aNewUserStartsAsTheUserCardStartsOne() {
        var request = new NewUserRequest("carol", null, null, null, null, null);

        var details = request.details(VALIDATOR);

        assertEquals("", details.fullName());
        assertEquals("", details.authenticationEmail());
        assertEquals(UserDetails.NEW_USER_ROLES, details.roles());
        assertTrue(details.enabled());
        assertEquals(InitialPassword.ONE_TIME, request.initialPassword());
        assertEquals(InitialPassword.NONE,
                new NewUserRequest("carol", null, null, null, null, false).initialPassword());
    }

    @Test
    void rolesAreTheirGroupNamesInAnyCase() {
        assertEquals(Set.of(Role.ADMIN, Role.EMPLOYEE), new NewUserRequest("carol", null, null,
                List.of("Admin", "employee"), false, null).details(VALIDATOR).roles());
    }

    @Test
    void anUnknownRoleIsNamedTogetherWithEveryOtherBadField() {
        var refusal = assertThrows(ApplicationException.class, () -> new NewUserRequest("carol smith", null,
                "not-an-email", List.of("manager"), null, null).details(VALIDATOR));

        assertEquals(List.of("authenticationEmail", "userName", "roles"),
                refusal.fieldProblems().stream().map(FieldProblem::field).toList(),
                "the unknown role, not 'choose at least one role'");
        assertTrue(refusal.fieldProblems().get(2).message().in(java.util.Locale.ENGLISH).contains("manager"));
        var inAChange = assertThrows(ApplicationException.class,
                () -> new UserChangeRequest(null, null, List.of("employee", "boss"), null, null)
                        .applyTo(VALIDATOR, CAROL));
        assertEquals(List.of("roles"), inAChange.fieldProblems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void aChangeSetsWhatItNamesAndKeepsTheRest() {
        var changed = new UserChangeRequest(null, "", List.of("admin"), false, null).applyTo(VALIDATOR, CAROL);

        assertEquals("carol", changed.userName());
        assertEquals("Carol Carlsson", changed.fullName());
        assertEquals("", changed.authenticationEmail(), "an empty e-mail removes it");
        assertEquals(Set.of(Role.ADMIN), changed.roles());
        assertFalse(changed.enabled());
    }

    @Test
    void aChangeOfNothingButTheVersionChangesNothing() {
        assertTrue(new UserChangeRequest(null, null, null, null, 3L).changesNothing());
        assertFalse(new UserChangeRequest(null, null, null, true, null).changesNothing());
    }
}

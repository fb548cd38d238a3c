package org.contactsync.employee;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Set;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Who may change which user: admins everyone but never lock themselves out; employees only their own card. */
class UserChangePolicyTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN));
    private static final Caller ALICE = new Caller("alice", Set.of(Role.EMPLOYEE));

    private static final UserDetails ADMIN_CARD = card("admin", true, Role.ADMIN);
    private static final UserDetails ALICE_CARD = card("alice", true, Role.EMPLOYEE);
    private static final UserDetails BOB_CARD = card("bob", true, Role.EMPLOYEE);

    @Test
    void anEmployeeOpensAndEditsOnlyTheirOwnCard() {
        assertDoesNotThrow(() -> UserChangePolicy.mayOpenCard(ALICE, "alice"));
        assertDoesNotThrow(() -> UserChangePolicy.mayOpenCard(ALICE, "ALICE"));
        assertDoesNotThrow(() -> UserChangePolicy.mayUpdate(ALICE, ALICE_CARD,
                new UserDetails("alice", "Alice A. Andersson", "ALICE@contoso.example ", true, Set.of(Role.EMPLOYEE))));

        assertRefused("You can open only your own user card.", () -> UserChangePolicy.mayOpenCard(ALICE, "bob"));
        assertRefused("You can open only your own user card.",
                () -> UserChangePolicy.mayUpdate(ALICE, BOB_CARD, BOB_CARD));
    }

    @Test
    void anEmployeeCannotChangeTheirOwnRolesOrState() {
        assertRefused("You cannot change your own roles or state. Ask an administrator.",
                () -> UserChangePolicy.mayUpdate(ALICE, ALICE_CARD, card("alice", true, Role.EMPLOYEE, Role.ADMIN)));
        assertRefused("You cannot change your own roles or state. Ask an administrator.",
                () -> UserChangePolicy.mayUpdate(ALICE, ALICE_CARD, card("alice", false, Role.EMPLOYEE)));
    }

    @Test
    void onlyAnAdminChangesAMicrosoft365Email() {
        var message = "Only an administrator can change the Microsoft 365 e-mail (Authentication Email).";
        assertRefused(message, () -> UserChangePolicy.mayUpdate(ALICE, ALICE_CARD,
                new UserDetails("alice", "alice", "ceo@contoso.example", true, Set.of(Role.EMPLOYEE))));
        assertRefused(message, () -> UserChangePolicy.mayUpdate(ALICE, ALICE_CARD,
                new UserDetails("alice", "alice", "", true, Set.of(Role.EMPLOYEE))));

        assertDoesNotThrow(() -> UserChangePolicy.mayUpdate(ADMIN, BOB_CARD,
                new UserDetails("bob", "bob", "robert@contoso.example", true, Set.of(Role.EMPLOYEE))));
        assertDoesNotThrow(() -> UserChangePolicy.mayUpdate(ADMIN, ADMIN_CARD,
                new UserDetails("admin", "admin", "it@contoso.example", true, Set.of(Role.ADMIN))));
    }

    @Test
    void anEmployeeCannotManageUsers() {
        assertRefused("Only an administrator can manage users.", () -> UserChangePolicy.mayManageUsers(ALICE));
        assertRefused("Only an administrator can manage users.", () -> UserChangePolicy.mayDelete(ALICE, "bob"));
    }

    @Test
    void anAdminChangesOtherUsersRolesAndState() {
        assertDoesNotThrow(() -> UserChangePolicy.mayUpdate(ADMIN, BOB_CARD, card("bob", false, Role.ADMIN)));
        assertDoesNotThrow(() -> UserChangePolicy.mayDelete(ADMIN, "bob"));
        assertDoesNotThrow(() -> UserChangePolicy.mayChangeWebServiceKey(ADMIN, "bob"));
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        var noAdminRole = card("admin", true, Role.EMPLOYEE);
        var disabled = card("admin", false, Role.ADMIN);
        var message = "You cannot remove your own administrator role or disable yourself, so that an administrator "
                + "always remains.";

        assertRefused(message, () -> UserChangePolicy.mayUpdate(ADMIN, ADMIN_CARD, noAdminRole));
        assertRefused(message, () -> UserChangePolicy.mayUpdate(ADMIN, ADMIN_CARD, disabled));
        assertRefused("You cannot delete your own user.", () -> UserChangePolicy.mayDelete(ADMIN, "Admin"));
        assertDoesNotThrow(() -> UserChangePolicy.mayUpdate(ADMIN, ADMIN_CARD,
                card("admin", true, Role.ADMIN, Role.EMPLOYEE)));
    }

    @Test
    void theLastEnabledAdminRemains() {
        assertRefused("At least one enabled administrator must remain.", () -> UserChangePolicy.keepsAnAdmin(0));
        assertDoesNotThrow(() -> UserChangePolicy.keepsAnAdmin(1));
    }

    @Test
    void anEmployeeChangesOnlyTheirOwnWebServiceKey() {
        assertDoesNotThrow(() -> UserChangePolicy.mayChangeWebServiceKey(ALICE, "alice"));
        assertRefused("You can open only your own user card.",
                () -> UserChangePolicy.mayChangeWebServiceKey(ALICE, "bob"));
    }

    private static UserDetails card(String userName, boolean enabled, Role... roles) {
        return new UserDetails(userName, userName, userName + "@contoso.example", enabled, Set.of(roles));
    }

    private static void assertRefused(String message, Executable change) {
        var refusal = assertThrows(ApplicationException.class, change);
        assertEquals(Kind.FORBIDDEN, refusal.kind());
        assertEquals(message, refusal.userMessage().in(Locale.ENGLISH));
    }
}

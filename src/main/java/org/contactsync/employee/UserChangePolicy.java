package org.contactsync.employee;

import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;

/**
 * Who may see and change which user. Admins manage everyone but can never lock themselves (and so the last admin)
 * out; an employee sees and edits only their own card and cannot change their roles, state or Microsoft 365 e-mail
 * (the mailbox their sync reads and writes: the app may reach every mailbox of the tenant, so only an admin says
 * whose it is, as in Business Central). Enforced here, in the service layer, so that a crafted request gets the
 * same answer as the page.
 */
public final class UserChangePolicy {

    private UserChangePolicy() {
    }

    public static void mayManageUsers(Caller caller) {
        if (!caller.isAdmin()) {
            throw refusal("user.refused.adminOnly");
        }
    }

    public static void mayOpenCard(Caller caller, String userName) {
        if (!caller.isAdmin() && !caller.is(userName)) {
            throw refusal("user.refused.otherCard");
        }
    }

    /** Checks an edit of {@code before} into {@code after}, made by {@code caller}. */
    public static void mayUpdate(Caller caller, UserDetails before, UserDetails after) {
        mayOpenCard(caller, before.userName());
        boolean rolesOrStateChanged = !before.roles().equals(after.roles()) || before.enabled() != after.enabled();
        if (!caller.isAdmin() && rolesOrStateChanged) {
            throw refusal("user.refused.ownRolesOrState");
        }
        if (!caller.isAdmin()
                && !before.normalizedAuthenticationEmail().equals(after.normalizedAuthenticationEmail())) {
            throw refusal("user.refused.ownEmail");
        }
        if (caller.is(before.userName()) && caller.isAdmin()
                && (!after.roles().contains(Role.ADMIN) || !after.enabled())) {
            throw refusal("user.refused.ownAdmin");
        }
    }

    public static void mayDelete(Caller caller, String userName) {
        mayManageUsers(caller);
        if (caller.is(userName)) {
            throw refusal("user.refused.deleteSelf");
        }
    }

    /** After any change, someone must still be able to manage users. */
    public static void keepsAnAdmin(long enabledAdminsAfterChange) {
        if (enabledAdminsAfterChange < 1) {
            throw refusal("user.refused.lastAdmin");
        }
    }

    public static void mayChangeWebServiceKey(Caller caller, String userName) {
        mayOpenCard(caller, userName);
    }

    private static ApplicationException refusal(String key) {
        return new ApplicationException(Kind.FORBIDDEN, UserMessages.of(key));
    }
}

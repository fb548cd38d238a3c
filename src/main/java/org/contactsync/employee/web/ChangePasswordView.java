package org.contactsync.employee.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.contactsync.employee.UserService;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;

/** The signed-in user's password change, also the page a one-time password leads to. */
@Named
@RequestScoped
public class ChangePasswordView {

    @Inject
    UserService users;

    @Inject
    CurrentCaller caller;

    private String currentPassword;
    private String newPassword;
    private String confirmPassword;

    /** Whether the user came here because their password is a one-time password. */
    public boolean isRequired() {
        return users.mustChangePassword(caller.get().userName());
    }

    public String save() {
        try {
            users.changeOwnPassword(caller.get(), currentPassword, newPassword, confirmPassword);
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, "passwordForm");
            return null;
        } finally {
            currentPassword = null;
            newPassword = null;
            confirmPassword = null;
        }
        return "/index?faces-redirect=true";
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}

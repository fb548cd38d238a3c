package org.contactsync.employee.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import org.contactsync.employee.UserService;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.employee.security.SessionGeneration;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;

/**
 * The signed-in user's password change, also the page a one-time password leads to. A change ends the user's
 * other sessions ({@link SignedInSessionFilter}) but not this one.
 */
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
            long generation = users.changeOwnPassword(caller.get(), currentPassword, newPassword, confirmPassword);
            // This session stays signed in; the user's other sessions end at their next request.
            SessionGeneration.remember((HttpSession) FacesContext.getCurrentInstance().getExternalContext()
                    .getSession(true), generation);
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

package org.contactsync.employee.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.contactsync.employee.Role;
import org.contactsync.employee.User;
import org.contactsync.employee.UserDetails;
import org.contactsync.employee.UserMessages;
import org.contactsync.employee.UserService;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;
import org.contactsync.platform.web.ViewerTime;

/**
 * BC's User Card: {@code card.xhtml?userName=bob} (admin: anyone), {@code card.xhtml} (your own card) or
 * {@code card.xhtml?new=true} (admin: a new user). A refused card shows the refusal with the matching HTTP status
 * and nothing of the user.
 */
@Named
@ViewScoped
public class UserCardView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "cardForm";

    @Inject
    ViewerTime times;

    @Inject
    transient UserService users;

    @Inject
    transient CurrentCaller caller;

    @Inject
    transient OneTimeSecret secret;

    // View parameters
    private String userNameParam;
    private boolean newParam;

    // The card
    private boolean loaded;
    private boolean creating;
    private String userName;
    private String fullName;
    private String authenticationEmail;
    private boolean enabled;
    private Role[] roles;
    private long version;
    private boolean changePassword;
    private Instant webServiceKeyChanged;

    /** f:viewAction: loads the card or shows why it cannot be opened. */
    public void load() {
        try {
            if (newParam) {
                startNew();
            } else {
                var current = caller.get();
                show(users.card(current, userNameParam == null || userNameParam.isBlank()
                        ? current.userName() : userNameParam));
            }
        } catch (ApplicationException refusal) {
            loaded = false;
            FacesMessages.show(refusal, FORM);
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(refusal.kind().status);
        }
    }

    public void save() {
        var details = new UserDetails(userName, fullName, authenticationEmail, enabled,
                roles == null ? Set.of() : Set.of(roles));
        try {
            if (creating) {
                var issued = users.create(caller.get(), details, UserService.InitialPassword.ONE_TIME);
                secret.issue(OneTimeSecret.Kind.PASSWORD, issued.oneTimePassword().orElseThrow());
                show(issued.user());
                FacesMessages.info(UserMessages.of("user.created", issued.user().getUserName()));
            } else {
                show(users.update(caller.get(), details, version));
                FacesMessages.info(UserMessages.of("user.saved"));
            }
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }

    public void changeWebServiceKey() {
        try {
            secret.issue(OneTimeSecret.Kind.WEB_SERVICE_KEY, users.changeWebServiceKey(caller.get(), userName));
            show(users.card(caller.get(), userName));
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }

    public void resetPassword() {
        try {
            secret.issue(OneTimeSecret.Kind.PASSWORD, users.resetPassword(caller.get(), userName));
            show(users.card(caller.get(), userName));
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }

    private void startNew() {
        if (!caller.get().isAdmin()) {
            throw new ApplicationException(ApplicationException.Kind.FORBIDDEN,
                    UserMessages.of("user.refused.adminOnly"));
        }
        creating = true;
        loaded = true;
        enabled = true;
        roles = UserDetails.NEW_USER_ROLES.toArray(Role[]::new);
        fullName = "";
        authenticationEmail = "";
    }

    private void show(User user) {
        loaded = true;
        creating = false;
        userName = user.getUserName();
        fullName = user.getFullName();
        authenticationEmail = user.authenticationEmail().orElse("");
        enabled = user.isEnabled();
        roles = user.getRoles().stream().sorted().toArray(Role[]::new);
        version = user.getVersion();
        changePassword = user.isChangePassword();
        webServiceKeyChanged = user.webServiceKeyChanged().orElse(null);
    }

    /** Admins edit roles and state; an employee sees them read-only (and the service refuses changes anyway). */
    public boolean isAdmin() {
        return caller.get().isAdmin();
    }

    public boolean isOwnCard() {
        return userName != null && caller.get().is(userName);
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    /** Only asked for when {@link #isHasWebServiceKey()}. */
    public String getWebServiceKeyChangedAt() {
        return times.format(Optional.ofNullable(webServiceKeyChanged));
    }

    public boolean isHasWebServiceKey() {
        return webServiceKeyChanged != null;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public boolean isCreating() {
        return creating;
    }

    public boolean isChangePassword() {
        return changePassword;
    }

    public String getUserNameParam() {
        return userNameParam;
    }

    public void setUserNameParam(String userNameParam) {
        this.userNameParam = userNameParam;
    }

    public boolean isNewParam() {
        return newParam;
    }

    public void setNewParam(boolean newParam) {
        this.newParam = newParam;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getAuthenticationEmail() {
        return authenticationEmail;
    }

    public void setAuthenticationEmail(String authenticationEmail) {
        this.authenticationEmail = authenticationEmail;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Role[] getRoles() {
        return roles;
    }

    public void setRoles(Role[] roles) {
        this.roles = roles;
    }

    public long getVersion() {
        return version;
    }
}

package org.contactsync.employee.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.contactsync.employee.UserMessages;
import org.contactsync.employee.security.SignInThrottle;
import org.contactsync.platform.web.FacesMessages;

/**
 * The login page. Hands the user name and password to Jakarta Security and shows the outcome on the page: one
 * neutral message for every kind of failure, or the lockout message while the user name is locked.
 */
@Named
@RequestScoped
public class LoginView {

    private static final String HOME = "/index.xhtml";

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    SignInThrottle throttle;

    private String username;
    private String password;

    /** Someone already signed in has nothing to do here. */
    public void skipIfSignedIn() throws IOException {
        if (securityContext.getCallerPrincipal() != null) {
            redirectHome();
        }
    }

    public void signIn() throws IOException {
        var external = faces.getExternalContext();
        var credential = new UsernamePasswordCredential(username, new Password(password));
        password = null;
        var status = securityContext.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), withParams().credential(credential));
        switch (status) {
            // Jakarta Security already redirects back to the page that was asked for.
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> redirectHome();
            default -> refuse();
        }
    }

    private void refuse() {
        var locked = throttle.lockedFor(username);
        FacesMessages.error(locked.isPresent()
                ? UserMessages.of("signIn.locked", Math.max(1, (locked.get().toSeconds() + 59) / 60))
                : UserMessages.of("signIn.failed"));
    }

    private void redirectHome() throws IOException {
        var external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + HOME);
        faces.responseComplete();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}

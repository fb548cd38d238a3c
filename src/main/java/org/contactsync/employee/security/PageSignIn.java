package org.contactsync.employee.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.contactsync.employee.SignInState;
import org.contactsync.employee.UserRepository;

/**
 * Sign-in for pages: the login page's {@code LoginView} calls {@code SecurityContext.authenticate} with the user
 * name and password; the platform's {@code @LoginToContinue} sends a signed-out visitor of a protected page to the
 * login page (a 302) and back to that page afterwards, and {@code @AutoApplySession} keeps the caller signed in for
 * the session.
 *
 * <p>It implements {@link HttpAuthenticationMechanism} so that those two interceptors apply to
 * {@link #validateRequest}, but {@code @Typed} keeps it from being a second mechanism: only
 * {@link ContactSyncAuthenticationMechanism} is one, and it delegates page requests here.
 */
@ApplicationScoped
@Typed(PageSignIn.class)
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false)
public class PageSignIn implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SignInThrottle throttle;

    @Inject
    UserRepository users;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            return signIn(credential, request, context);
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(UsernamePasswordCredential credential, HttpServletRequest request,
            HttpMessageContext context) {
        var userName = credential.getCaller();
        if (throttle.isLocked(userName)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        var result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(userName);
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttle.succeeded(userName);
        if (request.getSession(false) != null) {
            // A new session id at sign-in, so that a session id planted before it is worth nothing.
            request.changeSessionId();
        }
        var generation = users.signInState(result.getCallerPrincipal().getName())
                .map(SignInState::sessionGeneration);
        if (generation.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SessionGeneration.remember(request.getSession(true), generation.get());
        return context.notifyContainerAboutLogin(result);
    }
}

package org.contactsync.employee.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.contactsync.employee.SignInState;
import org.contactsync.employee.UserService;
import org.contactsync.employee.security.SessionGeneration;
import org.omnifaces.util.Servlets;

/**
 * What every page request of a signed-in user checks, with one indexed lookup of the user ({@link SignInState}),
 * asked on each request so that a change by an administrator or in another session applies at once:
 * <ul>
 * <li>The session is no longer valid when the user changed their password in another session (or an admin reset
 * it), was disabled or deleted. Each session remembers the session generation it signed in at
 * ({@link SessionGeneration}) and it is compared with the database's, so it holds across servers behind a load
 * balancer, which share the database but not their sessions. The session is invalidated and the request sent to
 * the login page.</li>
 * <li>A user whose password must be changed (a first-start or reset one-time password) is held on the password
 * change page: every other page redirects there until the password is changed.</li>
 * </ul>
 * Redirects work for full page requests and Faces AJAX requests alike.
 */
@WebFilter(filterName = "SignedInSessionFilter", urlPatterns = "*.xhtml")
public class SignedInSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String LOGIN_PAGE = "/login.xhtml";
    static final String CHANGE_PASSWORD_PAGE = "/users/change-password.xhtml";
    private static final Set<String> NEVER_HELD = Set.of(CHANGE_PASSWORD_PAGE, LOGIN_PAGE);
    private static final String RESOURCES = "/jakarta.faces.resource/";

    @Inject
    transient UserService users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var principal = request.getUserPrincipal();
        var path = request.getServletPath();
        if (principal == null || path.startsWith(RESOURCES)) {
            chain.doFilter(request, response);
            return;
        }
        var session = Optional.ofNullable(request.getSession(false));
        var state = users.signInState(principal.getName());
        if (!SessionGeneration.isCurrent(session, state.map(SignInState::sessionGeneration))) {
            request.logout();
            session.ifPresent(HttpSession::invalidate);
            Servlets.facesRedirect(request, response, request.getContextPath() + LOGIN_PAGE);
        } else if (state.orElseThrow().mustChangePassword() && mayBeHeld(path)) {
            Servlets.facesRedirect(request, response, request.getContextPath() + CHANGE_PASSWORD_PAGE);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean mayBeHeld(String servletPath) {
        return !NEVER_HELD.contains(servletPath) && !servletPath.startsWith("/error/");
    }
}

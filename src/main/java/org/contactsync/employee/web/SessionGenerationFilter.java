package org.contactsync.employee.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.contactsync.employee.UserService;
import org.contactsync.employee.security.SessionGeneration;
import org.omnifaces.util.Servlets;

/**
 * Ends a signed-in session that is no longer valid: the user changed their password in another session (or an
 * admin reset it), was disabled or deleted. Each session remembers the user's session generation it signed in at
 * ({@link SessionGeneration}); the database's is compared on every page request, so it holds across servers behind a
 * load balancer, which share the database but not their sessions. The session is invalidated and the request
 * sent to the login page (full page and Faces AJAX requests alike). One indexed lookup per page request.
 */
@WebFilter(filterName = "SessionGenerationFilter", urlPatterns = "*.xhtml")
public class SessionGenerationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    transient UserService users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var principal = request.getUserPrincipal();
        var session = request.getSession(false);
        if (principal != null && !request.getServletPath().startsWith("/jakarta.faces.resource/")
                && !SessionGeneration.isCurrent(Optional.ofNullable(session),
                        users.sessionGeneration(principal.getName()))) {
            request.logout();
            if (session != null) {
                session.invalidate();
            }
            Servlets.facesRedirect(request, response, request.getContextPath() + LOGIN_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}

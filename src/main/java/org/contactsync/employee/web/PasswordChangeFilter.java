package org.contactsync.employee.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.contactsync.employee.UserService;
import org.omnifaces.util.Servlets;

/**
 * Holds a signed-in user whose password must be changed (a first-start or reset one-time password) on the
 * password change page: every other page redirects there until the password is changed. Asks the database on
 * each page request, so an administrator's reset applies at once; the query is one indexed lookup.
 */
@WebFilter(filterName = "PasswordChangeFilter", urlPatterns = "*.xhtml")
public class PasswordChangeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CHANGE_PASSWORD_PAGE = "/users/change-password.xhtml";
    private static final Set<String> ALLOWED = Set.of(CHANGE_PASSWORD_PAGE, "/login.xhtml");

    @Inject
    transient UserService users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var principal = request.getUserPrincipal();
        if (principal != null && mayBeHeld(request.getServletPath()) && users.mustChangePassword(principal.getName())) {
            // Works for full page requests and for Faces AJAX requests alike.
            Servlets.facesRedirect(request, response, request.getContextPath() + CHANGE_PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean mayBeHeld(String servletPath) {
        return !ALLOWED.contains(servletPath)
                && !servletPath.startsWith("/error/")
                && !servletPath.startsWith("/jakarta.faces.resource/");
    }
}

package org.contactsync.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every response the application writes (pages, API, static resources, error pages) gets the
 * {@link SecurityHeaders} and keeps its redirects on this server's paths ({@link RelativeRedirects}). It also runs on
 * the error dispatch, for the errors the container raises before the request reaches any filter (a 403 of a
 * security constraint).
 */
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.applyTo(request, response);
        chain.doFilter(request, new RelativeRedirects(request, response));
    }
}

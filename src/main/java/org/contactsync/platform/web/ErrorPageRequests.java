package org.contactsync.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Error pages render as a fresh GET of the page, without the form fields of the request that failed. Otherwise JSF
 * takes the error page for a postback of that form: it looks for the form's view state again (a foreign one fails
 * once more), and PrimeFaces' CSP mode refuses a postback without its nonce (a form posted by anything but the
 * page's own script), so that the error page itself failed and the container answered with its bare 500 page.
 */
@WebFilter(filterName = "ErrorPageRequests", urlPatterns = "*.xhtml", dispatcherTypes = DispatcherType.ERROR)
public class ErrorPageRequests extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new WithoutForm(request), response);
    }

    private static final class WithoutForm extends HttpServletRequestWrapper {

        WithoutForm(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}

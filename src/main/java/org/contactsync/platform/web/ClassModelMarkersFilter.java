package org.contactsync.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers 404 for the class-model markers at the WAR's root: the directories {@code WEB-INF__lib__<jar>_jar}, each
 * with one empty file, that the build adds so that Payara leaves those libraries out of the class model it builds at
 * deployment (pom.xml, maven-antrun-plugin, says why). They are not content, and their names would tell anyone
 * signed in which libraries, in which versions, the server runs.
 */
@WebFilter(filterName = "ClassModelMarkersFilter", urlPatterns = "/*")
public class ClassModelMarkersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** How every marker's path begins: the name Payara derives from {@code WEB-INF/lib/}. */
    private static final String MARKER_PATH_PREFIX = "/WEB-INF__lib__";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getServletPath().startsWith(MARKER_PATH_PREFIX)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}

package org.contactsync.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's own errors for URLs under {@code /api} (an unknown path outside {@value org.contactsync.restapi.RestApplication#PATH}, a
 * failure before JAX-RS is reached) as problem+json instead of the HTML error pages web.xml names for pages. It runs
 * on the error dispatch, in place of the error page.
 */
@WebFilter(filterName = "ApiErrorPages", urlPatterns = "/*", dispatcherTypes = DispatcherType.ERROR)
public class ApiErrorPages extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var failedUri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failedUri == null || !failedUri.startsWith(request.getContextPath() + "/api/")
                && !failedUri.equals(request.getContextPath() + "/api")) {
            chain.doFilter(request, response);
            return;
        }
        var status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status == null ? 500 : status;
        var problem = Problem.of(code, reason(code), code >= 500 ? "The request could not be completed."
                : code == 404 ? "There is no such resource in the API; see /openapi." : "The request was refused.");
        response.setStatus(code);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.toJson(problem));
    }

    private static String reason(int code) {
        var status = jakarta.ws.rs.core.Response.Status.fromStatusCode(code);
        return status == null ? "Error" : status.getReasonPhrase();
    }
}

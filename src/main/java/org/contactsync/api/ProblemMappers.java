package org.contactsync.api;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.contactsync.platform.ApplicationException;

/** Turns every failure into problem+json: clear for bad input, never a stack trace. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** The caller's language: Swedish when asked for first, English otherwise. */
    public static Locale locale(HttpHeaders headers) {
        return headers.getAcceptableLanguages().stream()
                .filter(l -> l.getLanguage().equals("sv") || l.getLanguage().equals("en"))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    /** Refusals the services raise: invalid input, not found, conflicts, missing rights. */
    @Provider
    public static class ApplicationExceptionMapper implements ExceptionMapper<ApplicationException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ApplicationException refusal) {
            var locale = locale(headers);
            var status = Response.Status.fromStatusCode(refusal.kind().status);
            var errors = refusal.fieldProblems().stream()
                    .map(p -> new Problem.FieldError(p.field(), p.message().in(locale)))
                    .toList();
            return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                    refusal.userMessage().in(locale), errors).toResponse();
        }
    }

    /** Bean Validation on resource parameters and entities. */
    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

        @Override
        public Response toResponse(ConstraintViolationException e) {
            var errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                    .toList();
            return new Problem("about:blank", "Bad Request", 400, "The request has invalid fields.", errors)
                    .toResponse();
        }

        private static String lastNode(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    /** JAX-RS's own answers (404 for an unknown path, 405, 415, malformed parameters...). */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getResponse().getEntity() instanceof Problem) {
                return e.getResponse();  // already answered as a problem (e.g. JsonBodyLimits)
            }
            var status = e.getResponse().getStatusInfo();
            if (e.getCause() instanceof JsonbException) {
                return bindingProblem(e).toResponse();
            }
            var detail = status.getStatusCode() >= 500 ? "The request could not be completed." : e.getMessage();
            return Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail).toResponse();
        }
    }

    /** A request body that cannot be read as the expected JSON. */
    @Provider
    public static class JsonMapper implements ExceptionMapper<JsonbException> {

        @Override
        public Response toResponse(JsonbException e) {
            return bindingProblem(e).toResponse();
        }
    }

    /** Body reading failures that surface as processing errors. */
    @Provider
    public static class ProcessingMapper implements ExceptionMapper<ProcessingException> {

        @Override
        public Response toResponse(ProcessingException e) {
            return bindingProblem(e).toResponse();
        }
    }

    /** How Yasson names the property in its messages: an unknown one, or one whose value it could not bind. */
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Json property ([A-Za-z][A-Za-z0-9]*) can not be");
    private static final Pattern WRONG_VALUE = Pattern.compile("property '([A-Za-z][A-Za-z0-9]*)'");

    /**
     * A body JSON-B could not bind: an unknown field or a value of the wrong type (see StrictJsonb), with the field
     * when JSON-B's message names it, so that the caller learns which one.
     */
    static Problem bindingProblem(Throwable failure) {
        var messages = new StringBuilder();
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException && cause.getMessage() != null) {
                messages.append(cause.getMessage()).append('\n');
            }
        }
        var unknown = UNKNOWN_FIELD.matcher(messages);
        var wrong = WRONG_VALUE.matcher(messages);
        var errors = unknown.find() ? List.of(new Problem.FieldError(unknown.group(1), "There is no such field."))
                : wrong.find() ? List.of(new Problem.FieldError(wrong.group(1), "The value has the wrong type."))
                : List.<Problem.FieldError>of();
        return new Problem("about:blank", "Bad Request", 400,
                "The request body is not valid JSON for this resource: only its fields, booleans true or false, "
                        + "numbers without quotes.", errors);
    }

    /** Anything else is our fault: log it with an incident id, tell the caller only the id. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {

        @Override
        public Response toResponse(Throwable e) {
            var incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected API failure, incident " + incident, e);
            return Problem.of(500, "Internal Server Error",
                    "The request could not be completed (incident " + incident + "). Nothing was changed.")
                    .toResponse();
        }
    }
}

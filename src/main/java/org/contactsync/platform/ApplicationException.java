package org.contactsync.platform;

import java.util.List;

/**
 * A request that the application refuses for a reason a person can act on. Services throw it; pages show its
 * message (and field problems beside their fields); the REST API answers with problem+json and {@link Kind#status}.
 * For EJBs it is an application exception: it reaches the caller unwrapped and rolls the transaction back, so a
 * refused request changes nothing.
 */
@jakarta.ejb.ApplicationException(rollback = true, inherited = true)
public class ApplicationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request was refused, with the HTTP status the API answers. */
    public enum Kind {
        INVALID(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final LocalizedMessage userMessage;
    private final transient List<FieldProblem> fieldProblems;

    public ApplicationException(Kind kind, LocalizedMessage userMessage, List<FieldProblem> fieldProblems) {
        super(userMessage.in(java.util.Locale.ENGLISH));
        this.kind = kind;
        this.userMessage = userMessage;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public ApplicationException(Kind kind, LocalizedMessage userMessage) {
        this(kind, userMessage, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public LocalizedMessage userMessage() {
        return userMessage;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}

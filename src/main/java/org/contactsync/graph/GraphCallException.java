package org.contactsync.graph;

/**
 * A Graph call of the gateway failed for a reason the engine cannot fix by waiting: Graph's answer (status, error
 * code and message) or, with status 0, the network or token failure. {@link #outcome()} classifies it like a
 * connection check does (the connection may have broken since it was set up).
 */
public class GraphCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final ConnectionCheckOutcome outcome;

    public GraphCallException(int status, String code, String message, ConnectionCheckOutcome outcome,
            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.outcome = outcome;
    }

    /** The HTTP status Graph answered, or 0 when no answer came from Graph. */
    public int status() {
        return status;
    }

    /** Graph's (or Entra ID's) error code; empty when there was none. */
    public String code() {
        return code;
    }

    public ConnectionCheckOutcome outcome() {
        return outcome;
    }
}

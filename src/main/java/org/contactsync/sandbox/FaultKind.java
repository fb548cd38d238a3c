package org.contactsync.sandbox;

/** The faults the sandbox can inject, as a real Exchange Online / Graph front end produces them. */
public enum FaultKind {
    /** 429 TooManyRequests with a positive Retry-After. */
    THROTTLED,
    /** 503 Service Unavailable with a Retry-After. */
    UNAVAILABLE,
    /** 504 Gateway Timeout. */
    GATEWAY_TIMEOUT,
    /** The connection breaks before a complete response. */
    DROPPED_CONNECTION,
    /** The answer is correct but late. */
    SLOW,
    /** A delta request answers 410 Gone / syncStateNotFound (other requests are not affected). */
    DELTA_TOKEN_EXPIRED
}

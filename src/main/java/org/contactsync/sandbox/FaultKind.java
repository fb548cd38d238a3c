package org.contactsync.sandbox;

/**
 * The faults the sandbox can inject, as a real Exchange Online / Graph front end produces them. Each fault waits, in
 * the script, for a request it applies to ({@link #appliesTo}): any whole request, a delta request, a write, or a
 * write inside a {@code $batch}.
 */
public enum FaultKind {
    /** 429 TooManyRequests with a positive Retry-After. */
    THROTTLED(Target.REQUEST, 429),
    /** 503 Service Unavailable with a Retry-After. */
    UNAVAILABLE(Target.REQUEST, 503),
    /** 504 Gateway Timeout. */
    GATEWAY_TIMEOUT(Target.REQUEST, 504),
    /** The connection breaks before a complete response. */
    DROPPED_CONNECTION(Target.REQUEST, 0),
    /** The answer is correct but late. */
    SLOW(Target.REQUEST, 0),
    /** A delta request answers 410 Gone / syncStateNotFound (other requests are not affected). */
    DELTA_TOKEN_EXPIRED(Target.DELTA, 410),
    /**
     * The next write (POST, PATCH, PUT or DELETE; a {@code $batch} with all its items) is carried out, then answered
     * 500: the work is done but the client does not know (alcionai/corso#3278: a folder POST answered 5xx had made
     * the folder).
     */
    APPLIED_THEN_500(Target.WRITE, 500),
    /** As {@link #APPLIED_THEN_500}, answered 502 Bad Gateway. */
    APPLIED_THEN_502(Target.WRITE, 502),
    /** As {@link #APPLIED_THEN_500}, answered 503 Service Unavailable with a Retry-After. */
    APPLIED_THEN_503(Target.WRITE, 503),
    /** As {@link #APPLIED_THEN_500}, answered 504 Gateway Timeout. */
    APPLIED_THEN_504(Target.WRITE, 504),
    /** The next write is carried out, then its connection breaks before the answer is complete. */
    APPLIED_THEN_DROPPED(Target.WRITE, 0),
    /** The next write inside a {@code $batch} is carried out, then that item alone is answered 500. */
    ITEM_APPLIED_THEN_500(Target.BATCH_ITEM_WRITE, 500),
    /** As {@link #ITEM_APPLIED_THEN_500}, answered 502. */
    ITEM_APPLIED_THEN_502(Target.BATCH_ITEM_WRITE, 502),
    /** As {@link #ITEM_APPLIED_THEN_500}, answered 503 with a Retry-After. */
    ITEM_APPLIED_THEN_503(Target.BATCH_ITEM_WRITE, 503),
    /** As {@link #ITEM_APPLIED_THEN_500}, answered 504. */
    ITEM_APPLIED_THEN_504(Target.BATCH_ITEM_WRITE, 504);

    /** Which requests a fault applies to. */
    enum Target { REQUEST, DELTA, WRITE, BATCH_ITEM_WRITE }

    private final Target target;
    private final int status;

    FaultKind(Target target, int status) {
        this.target = target;
        this.status = status;
    }

    /** The HTTP status the fault answers with; 0 for a dropped connection or a fault that changes no status. */
    int status() {
        return status;
    }

    /** Whether the fault is carried out after the request's work (the work is done, the answer is lost). */
    boolean afterTheWork() {
        return target == Target.WRITE || target == Target.BATCH_ITEM_WRITE;
    }

    /** Whether this fault applies to a request of this kind. */
    boolean appliesTo(FaultInjector.Occasion occasion) {
        return switch (target) {
            case REQUEST -> !occasion.batchItem();
            case DELTA -> !occasion.batchItem() && occasion.delta();
            case WRITE -> !occasion.batchItem() && occasion.write();
            case BATCH_ITEM_WRITE -> occasion.batchItem() && occasion.write();
        };
    }
}
